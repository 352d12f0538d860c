package nl.kansrijkewijk.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import nl.kansrijkewijk.finding.Severity;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class ReportXlsxWriterTest {
    private static final ReportXlsxWriter WRITER = new ReportXlsxWriter();

    private static byte[] write(Scenarios.Case c, String name) throws IOException {
        byte[] xlsx = WRITER.write(c.besluit(), c.aanvraag(), c.findings(), Scenarios.REGELING);
        Path dir = Path.of("target", "rendered");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".xlsx"), xlsx);
        return xlsx;
    }

    @Test
    void findingsSheetIsSortedFilteredFrozenWithNumericAmounts() throws IOException {
        Scenarios.Case c = Scenarios.amsterdam();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(write(c, "amsterdam")))) {
            assertEquals("Bevindingen", wb.getSheetName(0));
            assertEquals("Activiteiten", wb.getSheetName(1));
            assertEquals("Besluit", wb.getSheetName(2));
            assertEquals("Samenvatting", wb.getSheetName(3));
            XSSFSheet sh = wb.getSheet("Bevindingen");
            List<String> header = texts(sh.getRow(0));
            assertEquals(List.of("Gemeente", "Kenmerk", "Ernst", "Regel", "Artikel", "Onderdeel", "Focusgebied",
                    "Activiteit", "Melding", "Vindplaats", "Afgewezen bedrag", "Invoer", "Berekening", "Uitkomst"),
                    header.subList(0, 14));
            assertEquals(c.findings().size(), sh.getLastRowNum());

            // the scenario lists its findings mixed; the sheet puts the four afwijzingen first
            List<String> severities = new ArrayList<>();
            for (int r = 1; r <= sh.getLastRowNum(); r++) {
                severities.add(sh.getRow(r).getCell(2).getStringCellValue());
                // gemeente and kenmerk on every row, so workbooks of several gemeenten can be combined
                assertEquals("Amsterdam", sh.getRow(r).getCell(0).getStringCellValue());
                assertEquals(c.besluit().kenmerk(), sh.getRow(r).getCell(1).getStringCellValue());
            }
            assertEquals(List.of("afwijzing", "afwijzing", "afwijzing", "afwijzing", "waarschuwing", "waarschuwing"),
                    severities);
            // within a severity, form order: INT (3) before ARM before VEE before OJK
            assertEquals("BTW-COMPENSABEL", sh.getRow(1).getCell(3).getStringCellValue());
            assertEquals("OJK-DIPLOMA-TE-LAAG", sh.getRow(4).getCell(3).getStringCellValue());

            assertEquals("A1:O7", sh.getCTWorksheet().getAutoFilter().getRef());
            for (Sheet each : wb) {
                XSSFSheet x = (XSSFSheet) each;
                String name = x.getSheetName();
                assertTrue(x.getCTWorksheet().isSetAutoFilter(), "autofilter on " + name);
                assertTrue(x.getPaneInformation() != null && x.getPaneInformation().isFreezePane(), "frozen " + name);
                assertEquals(1, x.getPaneInformation().getHorizontalSplitPosition(), "header row frozen on " + name);
                assertTrue(x.getPrintSetup().getLandscape(), "landscape " + name);
                assertEquals(1, x.getPrintSetup().getFitWidth(), "one page wide " + name);
                assertEquals(0, x.getPrintSetup().getFitHeight(), "as many pages long as needed " + name);
                assertTrue(x.getFitToPage(), "fit to page " + name);
                assertTrue(x.getRepeatingRows() != null && x.getRepeatingRows().getFirstRow() == 0
                        && x.getRepeatingRows().getLastRow() == 0, "header repeated on every page of " + name);
            }
            // wrapped text gets a row as high as its lines: the trail of the maximum finding has several
            Row max = findRow(sh, "MAXIMUM-OVERSCHREDEN");
            assertTrue(max.getHeightInPoints() >= 45, "explicit row height, got " + max.getHeightInPoints());
            Cell amount = max.getCell(10);
            assertEquals(CellType.NUMERIC, amount.getCellType());
            assertEquals(50_000.0, amount.getNumericCellValue());
            assertTrue(amount.getCellStyle().getDataFormatString().contains("€"), "euro format");
            assertEquals("ARM — preventie van armoede en schulden", max.getCell(5).getStringCellValue());
            assertEquals("Nieuw-West", max.getCell(6).getStringCellValue());
            assertTrue(max.getCell(12).getStringCellValue().contains("€ 900.000 − € 850.000 = € 50.000"), "trail");
            assertEquals(CellType.BLANK, findRow(sh, "TERMIJN-JAAR").getCell(10).getCellType(), "no amount, no number");
            assertTrue(findRow(sh, "BTW-COMPENSABEL").getCell(7).getStringCellValue()
                    .startsWith("3 — Buurtgerichte ondersteuning"), "activity number and name");
            assertNoFormulas(wb);
        }
    }

    @Test
    void besluitAndSummarySheetsCarryTheDecision() throws IOException {
        Scenarios.Case c = Scenarios.amsterdam();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(write(c, "amsterdam")))) {
            Sheet besluit = wb.getSheet("Besluit");
            Row ojk = findRow(besluit, "OJK");
            List<String> header = texts(findRow(besluit, "Code"));
            assertEquals(6_815_359.0, ojk.getCell(header.indexOf("Toegekend (incl. btw)")).getNumericCellValue());
            assertEquals(120_000.0, ojk.getCell(header.indexOf("Afgewezen")).getNumericCellValue());
            assertEquals(0.0, ojk.getCell(header.indexOf("Btw (raming)")).getNumericCellValue());
            // OJK Nieuw-West termijnen 990.743 / 2.972.308 / 2.972.308 scaled to 6.815.359 of 6.935.359
            double sum = 0;
            for (int y = 2023; y <= 2025; y++) {
                sum += ojk.getCell(header.indexOf("Toegekend " + y + " (incl. btw)")).getNumericCellValue();
            }
            assertEquals(6_815_359.0, sum, 0.001);
            Row total = findRow(besluit, "Totaal");
            assertEquals(14_722_404.0, total.getCell(header.indexOf("Toegekend (incl. btw)")).getNumericCellValue());
            assertEquals(14_327_051.75, total.getCell(header.indexOf("Verleend (excl. btw)")).getNumericCellValue(), 0.001);

            Sheet summary = wb.getSheet("Samenvatting");
            assertEquals("gedeeltelijke afwijzing", findRow(summary, "Uitkomst").getCell(1).getStringCellValue());
            // dates are date cells: 15 September 2023 submitted, 23 December 2023 the decision deadline
            Cell submitted = findRow(summary, "Datum indiening").getCell(1);
            assertEquals(CellType.NUMERIC, submitted.getCellType());
            assertEquals(LocalDate.of(2023, 9, 15), submitted.getLocalDateTimeCellValue().toLocalDate());
            assertTrue(org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(submitted), "date format");
            assertEquals(LocalDate.of(2023, 12, 23),
                    findRow(summary, "Beslissen uiterlijk (art. 13, eerste lid)").getCell(1)
                            .getLocalDateTimeCellValue().toLocalDate());
            assertTrue(findRow(summary, "Standaardwaarden in de brief (controleren)").getCell(1)
                    .getStringCellValue().contains("ondertekening.naam"), "configuration stand-ins named");
            assertEquals("aanvraag-amsterdam.pdf", findRow(summary, "Document").getCell(1).getStringCellValue());
            assertEquals(222_500.0, findRow(summary, "Afgewezen (incl. btw)").getCell(1).getNumericCellValue());
            // the two waarschuwingen are listed to be cleared before signing
            assertTrue(findRowOrNull(summary, "TERMIJN-JAAR", 1) != null);
            assertTrue(findRowOrNull(summary, "ONDERBOUWING-ONTBREEKT", 1) != null);
        }
    }

    @Test
    void uploadedTextNeverBecomesAFormula() throws IOException {
        Scenarios.Case c = Scenarios.hostileUnknownGemeente();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(write(c, "hostile")))) {
            assertNoFormulas(wb);
            for (Sheet sh : wb) {
                for (Row row : sh) {
                    for (Cell cell : row) {
                        if (cell.getCellType() == CellType.STRING) {
                            String v = cell.getStringCellValue();
                            assertFalse(SpreadsheetText.startsLikeFormula(v),
                                    sh.getSheetName() + "!" + cell.getAddress() + " starts like a formula: " + v);
                        }
                    }
                }
            }
            Sheet summary = wb.getSheet("Samenvatting");
            assertEquals("'" + Scenarios.EVIL_GEMEENTE, findRow(summary, "Gemeente").getCell(1).getStringCellValue());
            Sheet findings = wb.getSheet("Bevindingen");
            Row unknown = findRow(findings, "GEMEENTE-ONBEKEND");
            assertTrue(unknown.getCell(8).getStringCellValue().startsWith("'=HYPERLINK("), "message neutralised");
            assertEquals("'@SUM(1+1)", unknown.getCell(13).getStringCellValue(), "trail outcome neutralised");
            assertEquals("'+Zuid", findRow(findings, "FOCUSGEBIED-ONBEKEND").getCell(6).getStringCellValue());
            assertEquals("'\uFF1D1+1 en \r=2+2", findRow(findings, "ONDERBOUWING-ONTBREEKT").getCell(8)
                    .getStringCellValue().replace("\r\n", "\r"));
        }
    }

    @Test
    void sameInputSameBytesWithFixedDates() throws IOException {
        Scenarios.Case c = Scenarios.rotterdam();
        byte[] one = write(c, "rotterdam");
        byte[] two = WRITER.write(c.besluit(), c.aanvraag(), c.findings(), Scenarios.REGELING);
        assertArrayEquals(one, two);
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(one))) {
            int entries = 0;
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                entries++;
                assertEquals(LocalDate.of(2023, 8, 30).atStartOfDay(), e.getTimeLocal(), e.getName());
            }
            assertTrue(entries > 5);
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(one))) {
            var core = wb.getProperties().getCoreProperties();
            assertEquals(LocalDate.of(2023, 8, 30),
                    core.getCreated().toInstant().atZone(ZoneId.of("Europe/Amsterdam")).toLocalDate());
            assertEquals(core.getCreated(), core.getModified());
        }
        Scenarios.Case other = Scenarios.amsterdam();
        assertNotEquals(one.length, WRITER.write(other.besluit(), other.aanvraag(), other.findings(),
                Scenarios.REGELING).length);
    }

    @Test
    void wholeRefusalShowsReasonAndNoGrant() throws IOException {
        Scenarios.Case c = Scenarios.bredaTooLate();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(write(c, "breda-afwijzing")))) {
            Sheet summary = wb.getSheet("Samenvatting");
            assertTrue(findRow(summary, "Reden afwijzing").getCell(1).getStringCellValue()
                    .contains("3 oktober 2023"));
            assertEquals("afwijzing", findRow(summary, "Uitkomst").getCell(1).getStringCellValue());
            assertEquals(0.0, findRow(summary, "Toegekend (incl. btw)").getCell(1).getNumericCellValue());
            assertEquals(Severity.AFWIJZING.label(),
                    wb.getSheet("Bevindingen").getRow(1).getCell(2).getStringCellValue());
        }
    }

    @Test
    void activitiesSheetHoldsWhatTheArt12JudgementNeeds() throws IOException {
        Scenarios.Case c = Scenarios.amsterdam();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(write(c, "amsterdam")))) {
            Sheet sh = wb.getSheet("Activiteiten");
            List<String> header = texts(sh.getRow(0));
            for (String col : List.of("Gemeente", "Kenmerk", "Nr.", "Omschrijving", "Onderbouwing", "Begroting 2023",
                    "Begroting 2024", "Begroting 2025", "Begroting totaal", "Afgewezen", "Bevindingen")) {
                assertTrue(header.contains(col), "column " + col + " in " + header);
            }
            assertEquals(c.aanvraag().activities().size(), sh.getLastRowNum(), "one row per activity");
            // activity 7 is refused as a whole for dubbele financiering: € 40.000 of € 40.000
            Row seven = null;
            for (Row row : sh) {
                if (row.getRowNum() > 0 && row.getCell(2).getNumericCellValue() == 7) {
                    seven = row;
                }
            }
            assertTrue(seven != null, "activity 7");
            assertEquals(40_000.0, seven.getCell(header.indexOf("Afgewezen")).getNumericCellValue());
            assertEquals(40_000.0, seven.getCell(header.indexOf("Begroting totaal")).getNumericCellValue());
            assertTrue(seven.getCell(header.indexOf("Bevindingen")).getStringCellValue()
                    .contains("DUBBELE-FINANCIERING"), "the finding per activity");
        }
    }

    static void assertNoFormulas(XSSFWorkbook wb) {
        for (Sheet sh : wb) {
            for (Row row : sh) {
                for (Cell cell : row) {
                    assertNotEquals(CellType.FORMULA, cell.getCellType(),
                            sh.getSheetName() + "!" + cell.getAddress() + " is a formula");
                }
            }
        }
    }

    private static List<String> texts(Row row) {
        List<String> out = new ArrayList<>();
        for (Cell cell : row) {
            out.add(cell.getCellType() == CellType.STRING ? cell.getStringCellValue() : "");
        }
        return out;
    }

    private static Row findRow(Sheet sh, String text) {
        for (int col = 0; col < 5; col++) {
            Row r = findRowOrNull(sh, text, col);
            if (r != null) {
                return r;
            }
        }
        throw new AssertionError("no row with " + text + " in sheet " + sh.getSheetName());
    }

    private static Row findRowOrNull(Sheet sh, String text, int col) {
        for (Row r : sh) {
            Cell cell = r.getCell(col);
            if (cell != null && cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals(text)) {
                return r;
            }
        }
        return null;
    }
}
