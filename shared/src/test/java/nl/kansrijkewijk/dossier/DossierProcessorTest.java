package nl.kansrijkewijk.dossier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.kansrijkewijk.limits.Deadline;
import nl.kansrijkewijk.processing.AanvraagProcessor;
import nl.kansrijkewijk.processing.DocumentKind;
import nl.kansrijkewijk.processing.ProcessingResult;
import org.junit.jupiter.api.Test;

/**
 * The deployed processor reads an accepted aanvraag once: the dossier judges it from that reading (it never reads
 * the stored upload back), and the upload's outputs are the dossier's concept, byte for byte.
 */
class DossierProcessorTest {

    /** A store that remembers which keys were read. */
    private static final class Watched implements DossierStore {
        final InMemoryDossierStore store = new InMemoryDossierStore();
        final List<String> reads = new ArrayList<>();

        @Override
        public List<String> list(String prefix) {
            return store.list(prefix);
        }

        @Override
        public Optional<byte[]> read(String key) {
            reads.add(key);
            return store.read(key);
        }

        @Override
        public boolean putIfAbsent(String key, byte[] content) {
            return store.putIfAbsent(key, content);
        }

        @Override
        public void put(String key, byte[] content) {
            store.put(key, content);
        }
    }

    @Test
    void anAcceptedAanvraagIsReadOnceAndItsOutputsAreTheDossiersConcept() throws Exception {
        Watched store = new Watched();
        DossierProcessor processor = new DossierProcessor(new AanvraagProcessor(), new DossierService(store));
        ProcessingResult r = processor.process(DordrechtDossier.receipt("aanvraag.xlsx", "2023-09-15T08:00:00Z"),
                DordrechtDossier.fixture("dordrecht-jonge-kind-veerkracht.xlsx"), Deadline.none());

        assertEquals(ProcessingResult.Status.VERWERKT, r.status());
        assertEquals(DocumentKind.AANVRAAG, r.kind());
        assertEquals("Dordrecht", r.gemeente());
        assertTrue(store.reads.stream().noneMatch(k -> k.contains("/documenten/")), "the upload was read back: " + store.reads);
        DossierState.Zaak zaak = new DossierService(store).state(DordrechtDossier.CBS).zaken().get(0);
        String folder = EventKeys.view(DordrechtDossier.CBS, DordrechtDossier.KENMERK, zaak.versie());
        List<String> files = store.list(folder).stream().map(k -> k.substring(folder.length())).toList();
        assertEquals(files, List.copyOf(r.outputs().keySet()));
        for (String name : files) {
            assertArrayEquals(store.read(folder + name).orElseThrow(), r.outputs().get(name), name);
        }
        // The summary's numbers are the concept's own: as the fixture's spec expects, one afwijzing (activity 6's
        // onderwijsassistent at mbo niveau 2, art. 9(3)) and three waarschuwingen (activity 3 twice, activity 7), plus
        // DATUM-AFWIJKEND: the form is dated 14 September, received on the 15th.
        assertEquals(1, r.afwijzingen());
        assertEquals(4, r.waarschuwingen());
        assertEquals(DossierEvent.AanvraagOntvangen.class, new DossierService(store).events(DordrechtDossier.CBS).stream()
                .filter(e -> e instanceof DossierEvent.AanvraagOntvangen).findFirst().orElseThrow().getClass());
    }
}
