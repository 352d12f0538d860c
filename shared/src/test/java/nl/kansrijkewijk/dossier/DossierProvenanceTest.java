package nl.kansrijkewijk.dossier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import nl.kansrijkewijk.processing.Json;
import nl.kansrijkewijk.provenance.Provenance;
import org.junit.jupiter.api.Test;

/**
 * Every event the dossier stores says what produced it, and an event recorded by another (older) version of the
 * code is replayed as recorded: it keeps its provenance, and the dossier says which code made which concept.
 */
class DossierProvenanceTest {
    private static final String CBS = DordrechtDossier.CBS;
    /** Kinds whose events are about the aanvraagformulier (and so name its version). */
    private static final Set<String> ABOUT_THE_FORM = Set.of("AanvraagOntvangen", "WijzigingOntvangen",
            "BeoordelingVastgelegd", "VerleningVastgesteld", "ConceptGemaakt", "WijzigingBesloten");

    @Test
    void everyStoredEventCarriesTheExactProvenanceOfWhatProducedIt() throws Exception {
        DordrechtDossier d = DordrechtDossier.get();
        // Computed here from the shipped files, not taken from the code under test.
        String regelingSha = sha256("/regeling/kansrijke-wijk-2023.yaml");
        String rulesSha = sha256("/finding/rules.yaml");
        List<String> keys = d.store.list(EventKeys.events(CBS));
        assertTrue(keys.size() >= 9, "events: " + keys);
        Map<String, Integer> kinds = new TreeMap<>();
        for (String key : keys) {
            JsonNode json = Json.mapper().readTree(d.store.read(key).orElseThrow());
            String kind = json.path("type").asText();
            kinds.merge(kind, 1, Integer::sum);
            JsonNode p = json.path("provenance");
            assertTrue(p.isObject(), key + " has no provenance");
            assertTrue(p.path("codeVersion").asText().matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), key + ": " + p);
            assertEquals("kansrijke-wijk-2023", p.path("regeling").asText(), key);
            assertEquals(regelingSha, p.path("regelingSha256").asText(), key);
            assertEquals(rulesSha, p.path("rulesSha256").asText(), key);
            assertEquals("KW-2023-1", p.path("formVersion").asText(null), key);
            assertTrue(ABOUT_THE_FORM.contains(kind), "an event kind this test does not know yet: " + kind);
        }
        assertEquals(Set.of("AanvraagOntvangen", "WijzigingOntvangen", "BeoordelingVastgelegd", "VerleningVastgesteld",
                "ConceptGemaakt", "WijzigingBesloten"), kinds.keySet());
        // The same provenance reaches the history of dossier.json, line by line.
        JsonNode state = Json.mapper().readTree(d.store.read(EventKeys.state(CBS)).orElseThrow());
        for (JsonNode regel : state.path("geschiedenis")) {
            assertEquals(rulesSha, regel.path("herkomst").path("rulesSha256").asText(), regel.toString());
        }
        for (JsonNode zaak : state.path("zaken")) {
            assertEquals(regelingSha, zaak.path("versieHerkomst").path("regelingSha256").asText(), zaak.path("kenmerk").asText());
        }
    }

    @Test
    void eventsRecordedByAnOlderVersionKeepTheirProvenanceOnReplayAndStillProject() throws Exception {
        DordrechtDossier d = DordrechtDossier.get();
        Provenance older = new Provenance("0.9.0", "kansrijke-wijk-2023", "0".repeat(64), "1".repeat(64), "KW-2023-1");
        InMemoryDossierStore replay = new InMemoryDossierStore();
        for (String key : d.store.list(EventKeys.gemeente(CBS) + "documenten/")) {
            replay.putIfAbsent(key, d.store.read(key).orElseThrow());
        }
        // The acts only, as an older version recorded them: the uploads even from before provenance was kept.
        for (DossierEvent e : d.service.events(CBS)) {
            if (e instanceof DossierEvent.ConceptGemaakt || e instanceof DossierEvent.WijzigingBesloten) {
                continue;
            }
            ObjectNode json = (ObjectNode) Json.mapper().readTree(EventCodec.bytes(e));
            if (e instanceof DossierEvent.AanvraagOntvangen || e instanceof DossierEvent.WijzigingOntvangen) {
                json.remove("provenance");
            } else {
                json.set("provenance", Json.mapper().valueToTree(older));
            }
            replay.putIfAbsent(EventKeys.event(e), Json.mapper().writeValueAsBytes(json));
        }
        new DossierService(replay).refresh(CBS);

        DossierState original = Json.mapper().readValue(d.store.read(EventKeys.state(CBS)).orElseThrow(), DossierState.class);
        DossierState replayed = Json.mapper().readValue(replay.read(EventKeys.state(CBS)).orElseThrow(), DossierState.class);
        // Provenance is no cause: the same cases, statuses and output folders as when recorded by this version.
        assertEquals(summary(original), summary(replayed));
        // Each event kept what it was recorded with; the concepts made now say this version made them.
        for (DossierState.Regel r : replayed.geschiedenis()) {
            switch (r.soort()) {
                case "AanvraagOntvangen", "WijzigingOntvangen" -> assertNull(r.herkomst(), r.toString());
                case "BeoordelingVastgelegd", "VerleningVastgesteld" -> assertEquals(older, r.herkomst(), r.toString());
                default -> assertEquals(Provenance.currentCodeVersion(), r.herkomst().codeVersion(), r.toString());
            }
        }
        for (DossierState.Zaak z : replayed.zaken()) {
            assertEquals(Provenance.currentRulesSha256(), z.versieHerkomst().rulesSha256(), z.kenmerk());
        }
        // The stored acts were not rewritten by the newer version.
        for (DossierEvent e : new DossierService(replay).events(CBS)) {
            if (e instanceof DossierEvent.VerleningVastgesteld v) {
                assertEquals(older, v.provenance());
            }
        }
        // The definitive letter made now is the letter this version made when it recorded the acts itself.
        String definitief = replay.list(EventKeys.gemeente(CBS)).stream()
                .filter(k -> k.endsWith(DossierOutputs.DEFINITIEF_PDF)).findFirst().orElseThrow();
        assertArrayEquals(d.store.read(definitief).orElseThrow(), replay.read(definitief).orElseThrow());
    }

    @Test
    void aConceptMadeByAnOlderVersionIsKeptAndSaysWhichVersionMadeIt() throws Exception {
        DordrechtDossier d = DordrechtDossier.get();
        Provenance older = new Provenance("0.9.0", "kansrijke-wijk-2023", "0".repeat(64), "1".repeat(64), "KW-2023-1");
        InMemoryDossierStore replay = new InMemoryDossierStore();
        for (String key : d.store.list(EventKeys.gemeente(CBS))) {
            byte[] bytes = d.store.read(key).orElseThrow();
            if (key.startsWith(EventKeys.events(CBS)) && key.contains("/ConceptGemaakt/")) {
                ObjectNode json = (ObjectNode) Json.mapper().readTree(bytes);
                json.set("provenance", Json.mapper().valueToTree(older));
                bytes = Json.mapper().writeValueAsBytes(json);
            }
            if (!key.equals(EventKeys.state(CBS))) {
                replay.putIfAbsent(key, bytes);
            }
        }
        List<String> before = replay.list(EventKeys.gemeente(CBS));
        new DossierService(replay).refresh(CBS);
        List<String> after = new java.util.ArrayList<>(replay.list(EventKeys.gemeente(CBS)));
        after.remove(EventKeys.state(CBS));
        assertEquals(before, after, "a newer version renders nothing again for inputs already rendered");
        DossierState s = Json.mapper().readValue(replay.read(EventKeys.state(CBS)).orElseThrow(), DossierState.class);
        DossierState.Zaak verlening = s.zaken().stream().filter(z -> z.kenmerk().equals(DordrechtDossier.KENMERK))
                .findFirst().orElseThrow();
        assertEquals(older, verlening.versieHerkomst(), "the definitive version was made by 0.9.0");
        assertNotNull(verlening.versie());
        assertNotEquals(older.codeVersion(), Provenance.currentCodeVersion());
    }

    private static String summary(DossierState s) {
        return s.zaken().stream().map(z -> z.kenmerk() + " " + z.status() + " " + z.versie() + " " + z.huidigeUpload()
                + " " + z.getoetstAanVerlening()).collect(Collectors.joining("\n"));
    }

    private static String sha256(String resource) throws Exception {
        try (InputStream in = DossierProvenanceTest.class.getResourceAsStream(resource)) {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
        }
    }
}
