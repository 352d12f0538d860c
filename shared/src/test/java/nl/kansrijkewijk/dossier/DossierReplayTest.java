package nl.kansrijkewijk.dossier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Replayed and reordered event streams give the same dossier and the same bytes. */
class DossierReplayTest {
    private static final String CBS = DordrechtDossier.CBS;

    @Test
    void theProjectionIsTheSameBytesForEveryOrderOfTheEvents() throws Exception {
        DordrechtDossier d = DordrechtDossier.get();
        List<DossierEvent> events = d.service.events(CBS);
        assertTrue(events.size() >= 9, "uploads, beoordeling, verlening, wijziging and their concepts: " + events.size());
        byte[] expected = DossierProjection.json(DossierProjection.project(CBS, events));
        Random random = new Random(20231016L);
        for (int i = 0; i < 200; i++) {
            List<DossierEvent> shuffled = new ArrayList<>(events);
            Collections.shuffle(shuffled, random);
            assertArrayEquals(expected, DossierProjection.json(DossierProjection.project(CBS, shuffled)), "permutation " + i);
        }
        assertArrayEquals(expected, d.store.read(EventKeys.state(CBS)).orElseThrow(), "dossier.json is the projection");
    }

    @Test
    void aRepeatedDeliveryWritesNothingNew() throws Exception {
        DordrechtDossier d = DordrechtDossier.get();
        List<String> before = d.store.list(EventKeys.gemeente(CBS));
        byte[] state = d.store.read(EventKeys.state(CBS)).orElseThrow();
        var again = d.service.ontvang(DordrechtDossier.receipt("aanvraag.xlsx", "2023-09-15T08:00:00Z"),
                DordrechtDossier.fixture("dordrecht-jonge-kind-veerkracht.xlsx"));
        assertFalse(again.nieuw());
        for (DossierEvent e : d.service.events(CBS)) {
            assertFalse(d.store.putIfAbsent(EventKeys.event(e), EventCodec.bytes(e)), "event key taken: " + e.kind());
        }
        d.service.refresh(CBS);
        assertEquals(before, d.store.list(EventKeys.gemeente(CBS)));
        assertArrayEquals(state, d.store.read(EventKeys.state(CBS)).orElseThrow());
    }

    @Test
    void theActsReplayedInReverseOrderIntoAnEmptyStoreGiveTheSameOutputsByteForByte() throws Exception {
        DordrechtDossier d = DordrechtDossier.get();
        InMemoryDossierStore replay = new InMemoryDossierStore();
        for (String key : d.store.list(EventKeys.gemeente(CBS) + "documenten/")) {
            replay.putIfAbsent(key, d.store.read(key).orElseThrow());
        }
        List<DossierEvent> acts = new ArrayList<>(d.service.events(CBS).stream()
                .filter(e -> !(e instanceof DossierEvent.ConceptGemaakt || e instanceof DossierEvent.WijzigingBesloten)).toList());
        Collections.reverse(acts);
        for (DossierEvent e : acts) {
            replay.putIfAbsent(EventKeys.event(e), EventCodec.bytes(e));
        }
        new DossierService(replay).refresh(CBS);
        // The current versions are rendered again from the acts alone: the same files, the same derived events.
        List<String> replayed = replay.list(EventKeys.gemeente(CBS));
        int compared = 0;
        for (String key : replayed) {
            if (!key.equals(EventKeys.state(CBS))) {
                assertArrayEquals(d.store.read(key).orElseThrow(), replay.read(key).orElseThrow(), key);
                compared++;
            }
        }
        assertTrue(replayed.stream().anyMatch(k -> k.endsWith(DossierOutputs.DEFINITIEF_PDF)));
        assertTrue(compared > acts.size() + 10, "compared " + compared);
        // With the earlier versions' events added too, the dossier is the same, byte for byte.
        for (DossierEvent e : d.service.events(CBS)) {
            replay.putIfAbsent(EventKeys.event(e), EventCodec.bytes(e));
        }
        new DossierService(replay).refresh(CBS);
        assertArrayEquals(d.store.read(EventKeys.state(CBS)).orElseThrow(), replay.read(EventKeys.state(CBS)).orElseThrow());
    }
}
