package nl.kansrijkewijk.dossier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
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
import nl.kansrijkewijk.render.VeraPdf;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verapdf.pdfa.flavours.PDFAFlavour;

/**
 * The vaststelling's beoordeling and four eyes on Amsterdam's SiSa cycle (test-fixtures/verantwoording/amsterdam).
 * Hand-derived from spec.yaml: in 2024 ARM Zuidoost reserved 220.000 of which 50.000 was last year's reserve
 * reserved again (VJ-RESERVE-DOORGESCHOVEN, the regeling leaves room: a waarschuwing). The reviewer reads art. 11(1)
 * strictly ("het daaropvolgende kalenderjaar") and refuses those 50.000: ARM Zuidoost's spending of 850.000 then
 * counts for 800.000, so vastgesteld 800.000 and terug 850.000 − 800.000 = 50.000; in total vastgesteld
 * 8.900.000 − 50.000 = 8.850.000 and terug 127.162 + 50.000 = 177.162.
 */
class VaststellingBeoordelingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CBS = "GM0363";
    private static final String KENMERK = "KW-2023-GM0363-S";
    private static final Beoordeling.Reviewer JANSEN = new Beoordeling.Reviewer("A. Jansen", "beoordelaar");
    private static final Beoordeling.Reviewer DE_GROOT = new Beoordeling.Reviewer("B. de Groot", "senior beoordelaar");

    @TempDir
    Path dir;

    private DossierService cycle(FileSystemDossierStore store) throws IOException {
        VerantwoordingCycleTest.recordVerlening(store, VerantwoordingCycleTest.fixture("amsterdam"));
        DossierService service = new DossierService(store);
        VerantwoordingCycleTest.deliver(service, VerantwoordingCycleTest.fixture("amsterdam"));
        return service;
    }

    private static String id(DossierService service, String rule, String onderdeel, String focusgebied) {
        List<String> ids = service.bevindingen(CBS, KENMERK).stream()
                .filter(b -> b.finding().rule().equals(rule) && onderdeel.equals(b.finding().onderdeel())
                        && (focusgebied == null || focusgebied.equals(b.finding().focusgebied())))
                .map(DossierService.Bevinding::id).toList();
        assertEquals(1, ids.size(), rule + " " + onderdeel + " " + focusgebied + ": " + ids);
        return ids.get(0);
    }

    private static Beoordeling beoordeling(DossierService service) {
        return new Beoordeling(KENMERK, null, JANSEN, LocalDate.of(2026, 7, 1), List.of(
                new Beoordeling.BevindingOordeel(id(service, "VJ-RESERVE-DOORGESCHOVEN", "ARM", "Zuidoost"),
                        Beoordeling.Oordeel.AFWIJZEN, new BigDecimal("50000.00"),
                        "Het in 2024 opnieuw gereserveerde deel van de reserve over 2023 mocht alleen in 2024 worden besteed",
                        "art. 11, eerste lid"),
                new Beoordeling.BevindingOordeel(id(service, "VJ-CORRECTIE-VORIG-JAAR", "OJK", "Zuidoost"),
                        Beoordeling.Oordeel.AKKOORD, null, "correctie is onderbouwd", null)),
                List.of(), List.of("De accountant heeft de correctie over 2024 bevestigd."));
    }

    private static JsonNode json(DossierStore store, String folder, String name) throws IOException {
        return JSON.readTree(store.read(folder + name).orElseThrow(() -> new AssertionError(folder + name)));
    }

    private static JsonNode regel(JsonNode v, String onderdeel, String focusgebied) {
        for (JsonNode r : v.path("regels")) {
            if (r.path("onderdeel").asText().equals(onderdeel) && r.path("focusgebied").asText("").equals(focusgebied)) {
                return r;
            }
        }
        throw new AssertionError(onderdeel + " " + focusgebied);
    }

    private static void amount(String expected, JsonNode n) {
        assertEquals(0, new BigDecimal(expected).compareTo(new BigDecimal(n.asText())), expected + " vs " + n);
    }

    @Test
    void aBeoordelingRegeneratesTheConceptAndASecondReviewerMakesItDefinitive() throws Exception {
        FileSystemDossierStore store = new FileSystemDossierStore(dir);
        DossierService service = cycle(store);
        String conceptBefore = service.state(CBS).vaststelling().versie();

        service.beoordeel(CBS, beoordeling(service), Instant.parse("2026-07-01T09:00:00Z"));
        DossierState.VaststellingZaak z = service.state(CBS).vaststelling();
        assertEquals(KENMERK, z.kenmerk());
        assertEquals("beoordeeld", z.status());
        assertTrue(z.versie().startsWith("concept-") && !z.versie().equals(conceptBefore), z.versie());
        assertTrue(store.read(EventKeys.view(CBS, KENMERK, conceptBefore) + "vaststelling.json").isPresent(),
                "the earlier concept stays");
        String folder = EventKeys.view(CBS, KENMERK, z.versie());
        JsonNode v = json(store, folder, "vaststelling.json");
        amount("8850000", v.path("totaalVastgesteld"));
        amount("177162", v.path("totaalTerugTeVorderen"));
        amount("800000", regel(v, "ARM", "Zuidoost").path("vastgesteld"));
        amount("50000", regel(v, "ARM", "Zuidoost").path("terugTeVorderen"));
        amount("790000", regel(v, "ARM", "Nieuw-West").path("vastgesteld"));
        String letter = DossierLoopTest.text(store.read(folder + "concept-vaststellingsbeschikking.pdf").orElseThrow());
        String flat = letter.replaceAll("[\\s\\u00a0]+", " ");
        // Amounts with or without cents: the letter's style may write either.
        assertTrue(flat.matches("(?s).*telt € 50\\.000(,00)? van de besteding niet mee: het in 2024 opnieuw gereserveerde deel.*"), "reviewer refusal in the letter");
        assertTrue(flat.contains("De accountant heeft de correctie over 2024 bevestigd."), "motivering in the letter");
        assertTrue(flat.contains("CONCEPT"));

        // Four eyes: the beoordelaar under any spelling is one person.
        for (String same : List.of("A. Jansen", "a jansen", " A.  JANSEN ", "Á. Jansen", "a.jansen", "A-Jansen", "a_jansen",
                "Jansen, A.", "A.\u200bJansen", "A. Jan\u00adsen", "Ａ. Ｊａｎｓｅｎ", "A.\u00a0Jansen")) {
            DossierException e = assertThrows(DossierException.class, () -> service.stelVaststellingVast(CBS,
                    new Beoordeling.Reviewer(same, "vaststeller"), LocalDate.of(2026, 7, 2), Instant.parse("2026-07-02T09:00:00Z")),
                    same);
            assertTrue(e.getMessage().startsWith("Vier ogen"), e.getMessage());
        }
        // A Cyrillic "а" looks the same and would compare as another name: a name mixing alphabets is refused.
        DossierException homoglyph = assertThrows(DossierException.class, () -> service.stelVaststellingVast(CBS,
                new Beoordeling.Reviewer("A. J\u0430nsen", "vaststeller"), LocalDate.of(2026, 7, 2), Instant.parse("2026-07-02T09:00:00Z")));
        assertTrue(homoglyph.getMessage().contains("verschillende alfabetten"), homoglyph.getMessage());
        assertFalse(service.events(CBS).stream().anyMatch(e -> e instanceof DossierEvent.VaststellingVastgesteld));

        DossierEvent.VaststellingVastgesteld fixed = service.stelVaststellingVast(CBS, DE_GROOT, LocalDate.of(2026, 7, 3),
                Instant.parse("2026-07-03T09:00:00Z"));
        amount("8850000", JSON.valueToTree(fixed.totaalVastgesteld()));
        amount("177162", JSON.valueToTree(fixed.totaalTerugTeVorderen()));
        assertEquals(List.of(JANSEN), fixed.beoordelaars());
        DossierState.VaststellingZaak d = service.state(CBS).vaststelling();
        assertEquals("vastgesteld", d.status());
        assertTrue(d.versie().startsWith("definitief-"), d.versie());
        String def = EventKeys.view(CBS, KENMERK, d.versie());
        assertFalse(store.read(def + "concept-vaststellingsbeschikking.pdf").isPresent());
        byte[] pdf = store.read(def + "vaststellingsbeschikking.pdf").orElseThrow();
        String text = DossierLoopTest.text(pdf).replaceAll("[\\s\\u00a0]+", " ");
        assertFalse(text.contains("CONCEPT"), "no CONCEPT mark");
        assertFalse(text.contains("IN TE VULLEN DOOR DE BEOORDELAAR"), "no reviewer box");
        assertTrue(text.contains("3 juli 2026") && text.contains("B. de Groot, senior beoordelaar"), "dated and signed");
        assertTrue(text.matches("(?s).*Ik vorder € 177\\.162(,00)? van u terug\\..*"), "the terugvordering");
        assertEquals(List.of(), VeraPdf.failures(pdf, PDFAFlavour.PDFA_2_A));
        assertEquals(List.of(), VeraPdf.failures(pdf, PDFAFlavour.PDFUA_1));
        try (var docx = new org.apache.poi.xwpf.usermodel.XWPFDocument(new ByteArrayInputStream(
                store.read(def + "vaststellingsbeschikking.docx").orElseThrow()))) {
            String words = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(docx).getText();
            assertTrue(words.contains(KENMERK) && words.contains("B. de Groot, senior beoordelaar"));
            assertFalse(words.contains("CONCEPT"));
        }

        // Once: neither a second vaststelling nor a later beoordeling.
        assertThrows(DossierException.class, () -> service.stelVaststellingVast(CBS, new Beoordeling.Reviewer("C. Bakker", null),
                LocalDate.of(2026, 7, 4), Instant.parse("2026-07-04T09:00:00Z")));
        DossierException late = assertThrows(DossierException.class, () -> service.beoordeel(CBS,
                new Beoordeling(KENMERK, null, new Beoordeling.Reviewer("C. Bakker", null), LocalDate.of(2026, 7, 4), List.of(),
                        List.of(), List.of("Nog iets.")), Instant.parse("2026-07-04T09:00:00Z")));
        assertTrue(late.getMessage().contains("al vastgesteld"), late.getMessage());
    }

    @Test
    void whatTheRegelingDecidesCannotBeJudgedAway() throws Exception {
        FileSystemDossierStore store = new FileSystemDossierStore(dir);
        DossierService service = cycle(store);
        Instant at = Instant.parse("2026-07-01T09:00:00Z");
        // VJ-NIET-BESTEED follows from art. 15(4): not "niet van toepassing"; an info cannot become an afwijzing;
        // no art. 12 judgement in a vaststelling.
        Beoordeling bad = new Beoordeling(KENMERK, null, JANSEN, LocalDate.of(2026, 7, 1), List.of(
                new Beoordeling.BevindingOordeel(id(service, "VJ-NIET-BESTEED", "ORG", null),
                        Beoordeling.Oordeel.NIET_VAN_TOEPASSING, null, "toch besteed", null),
                new Beoordeling.BevindingOordeel(id(service, "VJ-CORRECTIE-VORIG-JAAR", "OJK", "Zuidoost"),
                        Beoordeling.Oordeel.AFWIJZEN, new BigDecimal("1000"), "niet onderbouwd", null)),
                List.of(new Beoordeling.ActiviteitOordeel(1, false, "geen bijdrage")), List.of());
        DossierException e = assertThrows(DossierException.class, () -> service.beoordeel(CBS, bad, at));
        assertTrue(e.getMessage().contains("niet op 'niet van toepassing'"), e.getMessage());
        assertTrue(e.getMessage().contains("alleen een waarschuwing kan worden omgezet"), e.getMessage());
        assertTrue(e.getMessage().contains("geen oordeel per activiteit"), e.getMessage());
        // Nobody judged yet: nothing to fix.
        DossierException none = assertThrows(DossierException.class, () -> service.stelVaststellingVast(CBS, DE_GROOT,
                LocalDate.of(2026, 7, 3), at));
        assertTrue(none.getMessage().contains("nog niet beoordeeld"), none.getMessage());
        assertEquals("concept", service.state(CBS).vaststelling().status());
    }

    @Test
    void theFilledWerkpapierUploadedByAReviewerIsTheBeoordeling() throws Exception {
        FileSystemDossierStore store = new FileSystemDossierStore(dir);
        DossierService service = cycle(store);
        DossierState.VaststellingZaak z = service.state(CBS).vaststelling();
        byte[] werkpapier = store.read(EventKeys.view(CBS, KENMERK, z.versie()) + "vaststelling-werkpapier.xlsx").orElseThrow();
        String target = id(service, "VJ-RESERVE-DOORGESCHOVEN", "ARM", "Zuidoost");
        byte[] filled;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(werkpapier))) {
            Sheet sh = wb.getSheet("Bevindingen");
            Map<String, Integer> cols = new TreeMap<>();
            sh.getRow(0).forEach(c -> cols.put(c.getStringCellValue(), c.getColumnIndex()));
            boolean found = false;
            for (Row row : sh) {
                var idCell = row.getCell(cols.get("Bevinding-id"));
                if (row.getRowNum() > 0 && idCell != null && target.equals(idCell.getStringCellValue())) {
                    row.createCell(cols.get("Oordeel (beoordelaar)")).setCellValue("afwijzen");
                    row.createCell(cols.get("Bedrag afwijzing (€)")).setCellValue(50000);
                    row.createCell(cols.get("Reden")).setCellValue("Dubbel gereserveerd");
                    found = true;
                }
            }
            assertTrue(found, "the werkpapier lists " + target);
            Sheet b = wb.getSheet("Beoordeling");
            assertEquals(KENMERK, b.getRow(0).getCell(1).getStringCellValue());
            b.getRow(1).getCell(1).setCellValue("A. Jansen");
            b.getRow(3).getCell(1).setCellValue("01-07-2026");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            filled = out.toByteArray();
        }
        DossierException fromInbox = assertThrows(DossierException.class, () -> new ReviewerUploads(service)
                .accept("inbox/GM0363/werkpapier.xlsx", filled, "gemeente", Instant.parse("2026-07-01T09:00:00Z")));
        assertTrue(fromInbox.getMessage().contains("map van een gemeente"));
        DossierException otherFolder = assertThrows(DossierException.class, () -> new ReviewerUploads(service)
                .accept("beoordelingen/GM0599/werkpapier.xlsx", filled, "beoordelaar", Instant.parse("2026-07-01T09:00:00Z")));
        assertTrue(otherFolder.getMessage().contains("hoort niet bij de map"), otherFolder.getMessage());
        new ReviewerUploads(service).accept("beoordelingen/GM0363/werkpapier.xlsx", filled, "beoordelaar",
                Instant.parse("2026-07-01T09:00:00Z"));
        DossierState.VaststellingZaak after = service.state(CBS).vaststelling();
        assertEquals("beoordeeld", after.status());
        JsonNode v = json(store, EventKeys.view(CBS, KENMERK, after.versie()), "vaststelling.json");
        amount("177162", v.path("totaalTerugTeVorderen"));
    }

    @Test
    void replayedAndReorderedTheJudgedCycleGivesTheSameDossierAndBytes() throws Exception {
        FileSystemDossierStore store = new FileSystemDossierStore(dir.resolve("a"));
        DossierService service = cycle(store);
        service.beoordeel(CBS, beoordeling(service), Instant.parse("2026-07-01T09:00:00Z"));
        service.stelVaststellingVast(CBS, DE_GROOT, LocalDate.of(2026, 7, 3), Instant.parse("2026-07-03T09:00:00Z"));
        byte[] before = store.read(EventKeys.view(CBS, KENMERK, service.state(CBS).vaststelling().versie())
                + "vaststellingsbeschikking.pdf").orElseThrow();
        String definitief = service.state(CBS).vaststelling().versie();
        // An act after the fixing is recorded, but the decided vaststelling sees the dossier as it was fixed.
        Map<String, byte[]> decided = snapshot(dir.resolve("a").resolve(EventKeys.gemeente(CBS) + KENMERK));
        service.uitstelVerzocht(CBS, LocalDate.of(2026, 7, 10), JANSEN, Instant.parse("2026-07-10T09:00:00Z"));
        assertEquals(definitief, service.state(CBS).vaststelling().versie());
        assertEquals(decided.keySet(), snapshot(dir.resolve("a").resolve(EventKeys.gemeente(CBS) + KENMERK)).keySet());
        List<DossierEvent> events = service.events(CBS);
        byte[] expected = store.read(EventKeys.state(CBS)).orElseThrow();
        Random random = new Random(20260703L);
        for (int i = 0; i < 100; i++) {
            List<DossierEvent> shuffled = new ArrayList<>(events);
            Collections.shuffle(shuffled, random);
            assertArrayEquals(expected, DossierProjection.json(DossierProjection.project(CBS, shuffled)), "permutation " + i);
        }
        FileSystemDossierStore replay = new FileSystemDossierStore(dir.resolve("b"));
        for (String key : store.list(EventKeys.gemeente(CBS) + "documenten/")) {
            replay.putIfAbsent(key, store.read(key).orElseThrow());
        }
        List<DossierEvent> reversed = new ArrayList<>(events);
        Collections.reverse(reversed);
        for (DossierEvent e : reversed) {
            replay.putIfAbsent(EventKeys.event(e), EventCodec.bytes(e));
        }
        new DossierService(replay).refresh(CBS);
        Map<String, byte[]> a = snapshot(dir.resolve("a"));
        Map<String, byte[]> b = snapshot(dir.resolve("b"));
        assertTrue(a.keySet().containsAll(b.keySet()), b.keySet().toString());
        b.forEach((k, bytes) -> assertArrayEquals(a.get(k), bytes, k));
        assertArrayEquals(before, b.get(EventKeys.view(CBS, KENMERK, definitief) + "vaststellingsbeschikking.pdf"));
        assertArrayEquals(expected, b.get(EventKeys.state(CBS)));
    }

    private static Map<String, byte[]> snapshot(Path root) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        return out;
    }
}
