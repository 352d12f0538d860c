package nl.kansrijkewijk.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import nl.kansrijkewijk.besluit.Besluit;
import nl.kansrijkewijk.processing.Json;
import org.junit.jupiter.api.Test;

/**
 * The loop on Dordrecht's fixture (DordrechtDossier): aanvraag (PDF, then corrected as XLSX) → concept →
 * beoordeling → regenerated concept under the same kenmerk → vaststelling → wijziging against the verlening.
 * Amounts worked out by hand from the fixture spec's comments.
 */
class DossierLoopTest {

    static Besluit besluit(InMemoryDossierStore store, String kenmerk, String view) {
        try {
            return Json.mapper().readValue(store.read(EventKeys.view(DordrechtDossier.CBS, kenmerk, view) + "besluit.json")
                    .orElseThrow(), Besluit.class);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static DossierState.Zaak zaak(DordrechtDossier d, String kenmerk) {
        return d.service.state(DordrechtDossier.CBS).zaken().stream().filter(z -> z.kenmerk().equals(kenmerk))
                .findFirst().orElseThrow();
    }

    @Test
    void theCorrectedUploadSupersedesTheFirstAndEveryVersionKeepsTheKenmerk() throws Exception {
        DordrechtDossier d = DordrechtDossier.get();
        DossierState.Zaak z = zaak(d, DordrechtDossier.KENMERK);
        assertEquals(List.of("vervangen", "huidig"), z.uploads().stream().map(DossierState.Upload::status).toList());
        assertEquals(List.of("aanvraag.pdf", "aanvraag.xlsx"), z.uploads().stream().map(DossierState.Upload::document).toList());
        // PDF concept, XLSX concept, the concept after the beoordeling; the definitive one is current.
        assertEquals(3, z.eerdereVersies().size(), z.eerdereVersies().toString());
        for (String v : z.eerdereVersies()) {
            assertEquals(DordrechtDossier.KENMERK, besluit(d.store, z.kenmerk(), v).kenmerk());
        }
        // Before the beoordeling: 4.555.000 requested − 560.000 (activity 6, mbo 2) = 3.995.000.
        assertTrue(z.eerdereVersies().stream().anyMatch(v -> besluit(d.store, z.kenmerk(), v).totalGrantedInclBtw()
                .compareTo(new BigDecimal("3995000.00")) == 0));
    }

    @Test
    void theBeoordelingChangesTheDecisionAndTheTrailSaysWhoDecidedWhat() throws Exception {
        DordrechtDossier d = DordrechtDossier.get();
        DossierState.Zaak z = zaak(d, DordrechtDossier.KENMERK);
        Besluit b = besluit(d.store, z.kenmerk(), z.versie());
        // 3.995.000 − 490.000 (activity 7: 70.000 + 210.000 + 210.000) = 3.505.000; OJK 2.800.000 − 560.000 − 490.000.
        assertEquals(new BigDecimal("3505000.00"), b.totalGrantedInclBtw());
        Besluit.OnderdeelBesluit ojk = b.onderdelen().stream().filter(o -> o.onderdeel().equals("OJK")).findFirst().orElseThrow();
        assertEquals(new BigDecimal("1750000.00"), ojk.grantedInclBtw());
        Besluit.Refusal r = ojk.refusals().stream().filter(x -> x.rule().equals(ReviewerFindings.AFWIJZING)).findFirst().orElseThrow();
        assertEquals(new BigDecimal("490000.00"), r.amount());
        assertEquals("art. 9, derde lid", r.article());
        assertEquals(Integer.valueOf(7), r.activity());
        assertTrue(r.reason().startsWith("Voor de onderwijsassistent van activiteit 7"), r.reason());
        String json = new String(d.store.read(EventKeys.view(DordrechtDossier.CBS, z.kenmerk(), z.versie()) + "bevindingen.json")
                .orElseThrow(), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"Beoordeeld door\" : \"A. (Anouk) Jansen (beoordelaar)\""), "trail names the reviewer");
        assertTrue(json.contains("\"Datum\" : \"16 oktober 2023\""));
        assertTrue(json.contains("BEOORDELING-AKKOORD") && json.contains("BEOORDELING-ART12-JA")
                && json.contains("BEOORDELING-MOTIVERING"));
    }

    @Test
    void theVaststellingRecordsAmountsPerOnderdeelAndYearAndBothReviewers() throws Exception {
        DordrechtDossier d = DordrechtDossier.get();
        DossierEvent.VerleningVastgesteld v = d.verlening;
        assertEquals("B. de Groot", v.vaststeller().naam());
        assertEquals(List.of(DordrechtDossier.REVIEWER), v.beoordelaars().stream().map(Beoordeling.Reviewer::naam).toList());
        assertEquals(new BigDecimal("3505000.00"), v.totaalVerleend());
        DossierEvent.VerleendBedrag ojk = v.bedragen().stream().filter(x -> x.onderdeel().equals("OJK")).findFirst().orElseThrow();
        assertEquals(new BigDecimal("1750000.00"), ojk.verleend());
        assertEquals(ojk.verleend(), ojk.perJaar().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add));
        assertEquals(List.of(2023, 2024, 2025), List.copyOf(ojk.perJaar().keySet()));
        DossierState.Zaak z = zaak(d, DordrechtDossier.KENMERK);
        assertEquals("vastgesteld", z.status());
        String folder = EventKeys.view(DordrechtDossier.CBS, z.kenmerk(), z.versie());
        assertTrue(z.versie().startsWith("definitief-"));
        assertNotNull(d.store.read(folder + DossierOutputs.DEFINITIEF_PDF).orElse(null));
        assertNotNull(d.store.read(folder + DossierOutputs.DEFINITIEF_DOCX).orElse(null));
        assertFalse(d.store.read(folder + "concept-verleningsbeschikking.pdf").isPresent());
        String definitive = text(d.store.read(folder + DossierOutputs.DEFINITIEF_PDF).orElseThrow());
        assertFalse(definitive.contains("CONCEPT") || definitive.contains("ontwerp"), "no CONCEPT mark left");
        assertTrue(definitive.contains("B. de Groot, senior beoordelaar"), "signed by the vaststeller");
        assertTrue(definitive.contains("20 oktober 2023"), "dated on the vaststelling");
        assertTrue(definitive.contains("Aanvullende motivering"));
        String concept = text(d.store.read(EventKeys.view(DordrechtDossier.CBS, z.kenmerk(), z.eerdereVersies().get(0))
                + "concept-verleningsbeschikking.pdf").orElseThrow());
        assertTrue(concept.contains("CONCEPT"));
        try (var docx = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(
                d.store.read(folder + DossierOutputs.DEFINITIEF_DOCX).orElseThrow()))) {
            String words = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(docx).getText();
            assertTrue(words.contains(DordrechtDossier.KENMERK) && words.contains("B. de Groot, senior beoordelaar"));
            assertFalse(words.contains("CONCEPT"));
            assertTrue(docx.getTables().size() >= 2, "the amounts tables are tables");
        }
    }

    static String text(byte[] pdf) throws Exception {
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
        }
    }

    @Test
    void aWijzigingIsJudgedAgainstTheRecordedVerleningNotTheTypedColumn() throws Exception {
        DordrechtDossier d = DordrechtDossier.get();
        DossierState.Zaak w = zaak(d, DordrechtDossier.WIJZIGING);
        assertEquals("wijziging", w.soort());
        assertEquals(DordrechtDossier.KENMERK, w.getoetstAanVerlening());
        List<String> rules = d.service.bevindingen(DordrechtDossier.CBS, DordrechtDossier.WIJZIGING).stream()
                .map(b -> b.finding().rule() + "/" + b.finding().onderdeel()).toList();
        // Typed OJK 2.800.000 vs recorded 1.750.000: a waarschuwing; ORG and VEE agree with the recorded amounts.
        assertTrue(rules.contains("VERLENING-AFWIJKEND/OJK"), rules.toString());
        assertFalse(rules.contains("VERLENING-AFWIJKEND/ORG") || rules.contains("VERLENING-AFWIJKEND/VEE"), rules.toString());
        assertTrue(rules.contains("VERLENING-VASTGELEGD/null"));
        // |2.800.000 − 1.750.000| = 1.050.000 = 60 % of the recorded OJK ≥ 25 %: a permitted wijziging (art. 10(4)(a)).
        assertFalse(rules.stream().anyMatch(r -> r.startsWith("WIJZIGING-OMVANG")), rules.toString());
    }

    @Test
    void withoutARecordedVerleningAFindingSaysSoAndTheTypedAmountsCount() throws Exception {
        InMemoryDossierStore store = new InMemoryDossierStore();
        DossierService s = new DossierService(store);
        s.ontvang(DordrechtDossier.receipt("wijziging.xlsx", "2024-04-15T08:00:00Z"),
                DordrechtDossier.wijziging(DordrechtDossier.KENMERK));
        List<String> rules = s.bevindingen(DordrechtDossier.CBS, DordrechtDossier.WIJZIGING).stream()
                .map(b -> b.finding().rule()).toList();
        assertTrue(rules.contains(RecordedVerlening.NIET_VASTGELEGD), rules.toString());
        // Typed verleend = requested for every row: 0 % change and no new activity → art. 10(4) refuses it whole.
        assertTrue(rules.contains("WIJZIGING-OMVANG"), rules.toString());
    }
}
