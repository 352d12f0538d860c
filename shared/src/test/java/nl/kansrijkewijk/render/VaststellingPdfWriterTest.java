package nl.kansrijkewijk.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nl.kansrijkewijk.processing.VerantwoordingProcessor;
import nl.kansrijkewijk.regeling.Regeling;
import nl.kansrijkewijk.regeling.RegelingCatalogus;
import nl.kansrijkewijk.sisa.SisaConfigLoader;
import nl.kansrijkewijk.verantwoording.DossierJson;
import nl.kansrijkewijk.verantwoording.Vaststelling;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.verapdf.pdfa.flavours.PDFAFlavour;

class VaststellingPdfWriterTest {
    private static final Regeling REGELING = RegelingCatalogus.standard().first();
    private static final Path FIXTURES = Path.of("..", "test-fixtures", "verantwoording");

    static Vaststelling vaststelling(String dir) throws Exception {
        var ctx = DossierJson.context(FIXTURES.resolve(dir), null, REGELING, SisaConfigLoader.standard()).context();
        return new VerantwoordingProcessor().calculate(ctx);
    }

    static String text(byte[] pdf) throws Exception {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(d).replaceAll("\\s+", " ").replace('\u00a0', ' ');
        }
    }

    @Test
    void amsterdamIsAccessibleArchivalAndCarriesTheTerugvorderingWithItsGrounds() throws Exception {
        Vaststelling v = vaststelling("amsterdam");
        byte[] pdf = new VaststellingPdfWriter().write(v, REGELING);
        Path dir = Path.of("target", "rendered");
        Files.createDirectories(dir);
        Files.write(dir.resolve("vaststelling-amsterdam.pdf"), pdf);
        assertEquals(List.of(), VeraPdf.failures(pdf, PDFAFlavour.PDFA_2_A));
        assertEquals(List.of(), VeraPdf.failures(pdf, PDFAFlavour.PDFUA_1));
        assertArrayEquals(pdf, new VaststellingPdfWriter().write(v, REGELING), "same dossier, same bytes");
        String t = text(pdf);
        assertTrue(t.contains("CONCEPT"), "concept mark");
        assertTrue(t.contains("Vaststelling en terugvordering specifieke uitkering Regeling kansrijke wijk"), "onderwerp");
        assertTrue(t.contains("Geacht college"), "u-form letter");
        assertTrue(t.contains("KW-2023-GM0363-S"), "kenmerk");
        // hand-derived in test-fixtures/verantwoording/amsterdam/spec.yaml
        assertTrue(t.contains("vast op € 8.900.000"), "vastgesteld total");
        assertTrue(t.contains("Ik vorder € 127.162,00 van u terug"), "terugvordering total, with its cents");
        assertTrue(t.contains("€ 97.162") && t.contains("€ 20.000") && t.contains("€ 10.000"), "per onderdeel");
        assertTrue(t.contains("artikel 15, vierde lid") && t.contains("artikel 4:57 van de Algemene wet bestuursrecht"),
                "grounds written out");
        assertTrue(t.contains("artikel 15, eerste lid): 19 september 2026"), "art. 15(1) date, in the reviewer's box");
        assertTrue(t.contains("[datum van verzending]") && !t.contains("— uiterlijk"), "the Datum line is not the deadline");
        assertTrue(t.contains("IN TE VULLEN DOOR DE BEOORDELAAR"), "reviewer's place");
        assertTrue(t.contains("Bijlage: berekening per onderdeel"), "trail annex");
        assertTrue(!t.contains("art. 15"), "articles written out in the letter");
        // the annex is the college's too: onderdeel names, not codes; words, not a formula
        assertTrue(!t.contains("ARM/") && !t.contains("onderdeel ORG") && !t.contains("min("), "annex in words");
        assertTrue(t.contains("preventie van armoede en schulden — Nieuw-West"), "annex names the onderdeel");
    }

    @Test
    void arnhemIsAmbtshalve() throws Exception {
        Vaststelling v = vaststelling("arnhem-laat");
        byte[] pdf = new VaststellingPdfWriter().write(v, REGELING);
        Files.write(Path.of("target", "rendered").resolve("vaststelling-arnhem.pdf"), pdf);
        String t = text(pdf);
        assertTrue(t.contains("Ambtshalve vaststelling en terugvordering"), "onderwerp");
        assertTrue(t.contains("artikel 15, derde lid"), "ground");
        assertTrue(t.contains("€ 1.140.000") && t.contains("€ 615.000"), "amounts");
        assertTrue(t.contains("niet binnen achttien maanden ontvangen"), "why 2025 does not count");
        assertEquals(List.of(), VeraPdf.failures(pdf, PDFAFlavour.PDFUA_1));
    }

    @Test
    void workpaperListsEveryRowWithItsArithmetic() throws Exception {
        Vaststelling v = vaststelling("amsterdam");
        byte[] xlsx = new VaststellingWerkpapier().write(v, v.findings());
        assertArrayEquals(xlsx, new VaststellingWerkpapier().write(v, v.findings()));
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var s = wb.getSheet("Vaststelling");
            // title, dates, blank, header, 4 rows
            assertEquals("OJK ontwikkeling van het jonge kind", s.getRow(7).getCell(0).getStringCellValue());
            assertEquals(97162.0, s.getRow(7).getCell(7).getNumericCellValue());
            assertTrue(s.getRow(7).getCell(9).getStringCellValue().contains("4.377.162"));
            assertEquals(v.findings().size(), wb.getSheet("Bevindingen").getLastRowNum());
        }
    }
}
