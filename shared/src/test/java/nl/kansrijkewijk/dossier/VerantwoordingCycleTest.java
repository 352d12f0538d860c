package nl.kansrijkewijk.dossier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import nl.kansrijkewijk.fixtures.FixtureSpec;
import nl.kansrijkewijk.processing.Receipt;
import nl.kansrijkewijk.verantwoording.DossierJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A verantwoording cycle through {@link DossierService#ontvang} on a folder store: the dossier holds the verlening of
 * the SiSa fixtures (test-fixtures/verantwoording/…/dossier.json), the three workbooks arrive on their dates, and
 * the concept vaststelling has the amounts worked out by hand in the fixtures' spec.yaml.
 */
class VerantwoordingCycleTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    static Path fixture(String gemeente) {
        return FixtureSpec.fixturesDir().resolve("verantwoording").resolve(gemeente);
    }

    /** The verlening of the fixture's dossier.json as a second reviewer would have recorded it. */
    static void recordVerlening(DossierStore store, Path fixture) throws IOException {
        FolderDossierVerlening.record(store, DossierJson.read(fixture), Instant.parse("2023-10-20T09:00:00Z"),
                LocalDate.of(2023, 10, 20), new Beoordeling.Reviewer("A. Jansen", "beoordelaar"),
                new Beoordeling.Reviewer("B. de Groot", "senior beoordelaar"));
    }

    /** Every workbook the fixture's dossier.json lists, received on its date. */
    static List<DossierService.Intake> deliver(DossierService service, Path fixture) throws IOException {
        DossierJson.Dossier d = DossierJson.read(fixture);
        List<DossierService.Intake> out = new ArrayList<>();
        for (DossierJson.Levering l : d.verantwoordingen()) {
            Receipt r = new Receipt(l.bestand(), d.gemeente(), Instant.parse(l.ontvangen() + "T08:00:00Z"), "v-" + l.bestand(),
                    "gemeente-" + d.gemeente());
            out.add(service.ontvang(r, Files.readAllBytes(fixture.resolve(l.bestand()))));
        }
        return out;
    }

    private JsonNode vaststelling(FileSystemDossierStore store, String cbs) throws IOException {
        DossierState s = JSON_STATE(store, cbs);
        assertNotNull(s.vaststelling(), "the vaststelling is due after the last year");
        String folder = EventKeys.view(cbs, s.vaststelling().kenmerk(), s.vaststelling().versie());
        assertTrue(store.read(folder + "concept-vaststellingsbeschikking.pdf").isPresent(), "the concept letter");
        assertTrue(store.read(folder + "vaststelling-werkpapier.xlsx").isPresent(), "the workpaper");
        return JSON.readTree(store.read(folder + "vaststelling.json").orElseThrow());
    }

    private static DossierState JSON_STATE(FileSystemDossierStore store, String cbs) {
        return new DossierService(store).state(cbs);
    }

    private static BigDecimal amount(JsonNode n) {
        return new BigDecimal(n.asText());
    }

    private static JsonNode regel(JsonNode v, String onderdeel, String focusgebied) {
        for (JsonNode r : v.path("regels")) {
            if (r.path("onderdeel").asText().equals(onderdeel)
                    && (focusgebied == null || r.path("focusgebied").asText().equals(focusgebied))) {
                return r;
            }
        }
        throw new AssertionError("no regel " + onderdeel + " " + focusgebied);
    }

    @Test
    void amsterdamsThreeYearsThroughTheDossierEndInTheHandDerivedVaststelling() throws Exception {
        FileSystemDossierStore store = new FileSystemDossierStore(dir);
        recordVerlening(store, fixture("amsterdam"));
        DossierService service = new DossierService(store);
        List<DossierService.Intake> in = deliver(service, fixture("amsterdam"));
        assertEquals(List.of("KW-2023-GM0363-J2023", "KW-2023-GM0363-J2024", "KW-2023-GM0363-J2025"),
                in.stream().map(DossierService.Intake::kenmerk).toList());
        assertTrue(in.stream().allMatch(i -> i.vastgelegd() && i.nieuw() && "verantwoording".equals(i.soort())));

        DossierState s = service.state("GM0363");
        assertEquals(3, s.verantwoordingen().size());
        assertTrue(s.verantwoordingen().stream().allMatch(v -> "geldt".equals(v.status())));
        // The 2024 check was made against the dossier as it stood: the recorded 2023 reservation (spec.yaml).
        DossierState.VerantwoordingZaak j2024 = s.verantwoordingen().get(1);
        JsonNode report = JSON.readTree(store.read(EventKeys.view("GM0363", j2024.kenmerk(), j2024.versie())
                + "verantwoording.json").orElseThrow());
        List<String> rules = new ArrayList<>();
        report.path("findings").forEach(f -> rules.add(f.path("rule").asText()));
        assertTrue(rules.contains("VJ-RESERVE-DOORGESCHOVEN"), rules.toString());
        assertTrue(rules.contains("VJ-RESERVE-MAXIMUM"), rules.toString());
        assertFalse(rules.contains("VJ-VORIG-JAAR-ONTBREEKT"), "2023 is in the dossier: " + rules);

        // Hand-derived in test-fixtures/verantwoording/amsterdam/spec.yaml.
        JsonNode v = vaststelling(store, "GM0363");
        assertFalse(v.path("ambtshalve").asBoolean());
        assertEquals("KW-2023-GM0363-S", v.path("kenmerk").asText());
        assertEquals(0, new BigDecimal("8900000").compareTo(amount(v.path("totaalVastgesteld"))));
        assertEquals(0, new BigDecimal("127162").compareTo(amount(v.path("totaalTerugTeVorderen"))));
        assertEquals(0, new BigDecimal("20000").compareTo(amount(regel(v, "ORG", null).path("terugTeVorderen"))));
        assertEquals(0, new BigDecimal("10000").compareTo(amount(regel(v, "ARM", "Nieuw-West").path("terugTeVorderen"))));
        assertEquals(0, new BigDecimal("97162").compareTo(amount(regel(v, "OJK", "Zuidoost").path("terugTeVorderen"))));
        assertEquals("2026-09-19", v.path("vaststellingUiterlijk").asText());
        assertEquals("2027-06-20", v.path("mededelingTerugvorderingUiterlijk").asText());
    }

    @Test
    void arnhemsLateLastYearEndsInAnAmbtshalveVaststelling() throws Exception {
        FileSystemDossierStore store = new FileSystemDossierStore(dir);
        recordVerlening(store, fixture("arnhem-laat"));
        deliver(new DossierService(store), fixture("arnhem-laat"));
        // spec.yaml: 2025 received 15 August 2027, after 30 June 2027 → ambtshalve; the late 2025 spending does not count.
        JsonNode v = vaststelling(store, "GM0202");
        assertTrue(v.path("ambtshalve").asBoolean());
        assertEquals(0, new BigDecimal("1140000").compareTo(amount(v.path("totaalVastgesteld"))));
        assertEquals(0, new BigDecimal("615000").compareTo(amount(v.path("totaalTerugTeVorderen"))));
        assertEquals(0, new BigDecimal("520000").compareTo(amount(regel(v, "ORG", null).path("terugTeVorderen"))));
        assertEquals(0, new BigDecimal("95000").compareTo(amount(regel(v, "VEE", null).path("terugTeVorderen"))));
    }

    @Test
    void aNietPlausibeleWorkbookLeavesTheDossierUntouched() throws Exception {
        FileSystemDossierStore store = new FileSystemDossierStore(dir);
        recordVerlening(store, fixture("amsterdam"));
        DossierService service = new DossierService(store);
        deliver(service, fixture("amsterdam")).get(0);
        Map<String, byte[]> before = snapshot(dir);
        for (String name : List.of("andere-gemeente.xlsx", "andere-regeling.xlsx", "andere-versie.xlsx", "ander-jaar.xlsx")) {
            DossierService.Intake i = service.ontvang(new Receipt(name, "GM0363", Instant.parse("2024-07-11T08:00:00Z"),
                    "v1", "gemeente-GM0363"), Files.readAllBytes(fixture("niet-plausibel").resolve(name)));
            assertEquals("niet plausibel", i.soort(), name);
            assertFalse(i.vastgelegd(), name);
            assertNull(i.kenmerk(), name);
            assertTrue(i.melding() != null && !i.melding().isBlank(), name);
            assertTrue(new String(i.rapport().get("fout.txt"), java.nio.charset.StandardCharsets.UTF_8)
                    .contains("Er is niets in het dossier vastgelegd"), name);
        }
        Map<String, byte[]> after = snapshot(dir);
        assertEquals(before.keySet(), after.keySet());
        before.forEach((k, b) -> assertArrayEquals(b, after.get(k), k));
    }

    @Test
    void replayedAndReorderedTheCycleGivesTheSameDossierByteForByte() throws Exception {
        FileSystemDossierStore store = new FileSystemDossierStore(dir.resolve("a"));
        recordVerlening(store, fixture("amsterdam"));
        DossierService service = new DossierService(store);
        deliver(service, fixture("amsterdam"));
        service.uitstelVerzocht("GM0363", LocalDate.of(2025, 9, 15), new Beoordeling.Reviewer("E. Smit", "beoordelaar"),
                Instant.parse("2025-09-16T09:00:00Z"));
        List<DossierEvent> events = service.events("GM0363");
        assertTrue(events.stream().filter(e -> e instanceof DossierEvent.VerantwoordingOntvangen).count() == 3);
        byte[] expected = store.read(EventKeys.state("GM0363")).orElseThrow();
        Random random = new Random(20260620L);
        for (int i = 0; i < 100; i++) {
            List<DossierEvent> shuffled = new ArrayList<>(events);
            Collections.shuffle(shuffled, random);
            assertArrayEquals(expected, DossierProjection.json(DossierProjection.project("GM0363", shuffled)), "permutation " + i);
        }
        FileSystemDossierStore replay = new FileSystemDossierStore(dir.resolve("b"));
        for (String key : store.list(EventKeys.gemeente("GM0363") + "documenten/")) {
            replay.putIfAbsent(key, store.read(key).orElseThrow());
        }
        List<DossierEvent> reversed = new ArrayList<>(events);
        Collections.reverse(reversed);
        for (DossierEvent e : reversed) {
            replay.putIfAbsent(EventKeys.event(e), EventCodec.bytes(e));
        }
        new DossierService(replay).refresh("GM0363");
        // The live dossier also keeps the versions made before the uitstel was recorded (as concepts keep theirs);
        // the replay makes only the current ones — the same bytes under the same keys.
        Map<String, byte[]> a = snapshot(dir.resolve("a"));
        Map<String, byte[]> b = snapshot(dir.resolve("b"));
        assertTrue(a.keySet().containsAll(b.keySet()), b.keySet().toString());
        b.forEach((k, bytes) -> assertArrayEquals(a.get(k), bytes, k));
        DossierState s = new DossierService(replay).state("GM0363");
        for (DossierState.VerantwoordingZaak z : s.verantwoordingen()) {
            assertTrue(b.containsKey(EventKeys.view("GM0363", z.kenmerk(), z.versie()) + "verantwoording.json"), z.kenmerk());
        }
        assertTrue(b.containsKey(EventKeys.view("GM0363", s.vaststelling().kenmerk(), s.vaststelling().versie())
                + "concept-vaststellingsbeschikking.pdf"));
        assertArrayEquals(expected, b.get(EventKeys.state("GM0363")));
    }

    private static Map<String, byte[]> snapshot(Path root) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return out;
    }
}
