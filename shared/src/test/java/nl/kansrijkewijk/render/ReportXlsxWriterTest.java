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
import nl.kansrijkewijk.check.Severity;
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
            assertEquals("Besluit", wb.getSheetName(1));
            assertEquals("Samenvatting", wb.getSheetName(2));
            XSSFSheet sh = wb.getSheet("Bevindingen");
            List<String> header = texts(sh.getRow(0));
            assertEquals(List.of("Ernst", "Regel", "Artikel", "Onderdeel", "Focusgebied", "Activiteit", "Melding",
                    "Vindplaats", "Afgewezen bedrag", "Invoer", "Berekening", "Uitkomst"), header.subList(0, 12));
            assertEquals(c.findings().size(), sh.getLastRowNum());

            // the scenario lists its findings mixed; the sheet puts the four afwijzingen first
            List<String> severities = new ArrayList<>();
            for (int r = 1; r <= sh.getLastRowNum(); r++) {
                severities.add(sh.getRow(r).getCell(0).getStringCellValue());
            }
            assertEquals(List.of("afwijzing", "afwijzing", "afwijzing", "afwijzing", "waarschuwing", "waarschuwing"),
                    severities);
            // within a severity, form order: INT (3) before ARM before VEE before OJK
            assertEquals("BTW-COMPENSABEL", sh.getRow(1).getCell(1).getStringCellValue());
            assertEquals("OJK-DIPLOMA-TE-LAAG", sh.getRow(4).getCell(1).getStringCellValue());

            assertTrue(sh.getCTWorksheet().isSetAutoFilter(), "autofilter");
            assertEquals("A1:M7", sh.getCTWorksheet().getAutoFilter().getRef());
            assertTrue(sh.getPaneInformation().isFreezePane(), "frozen header");
            assertEquals(1, sh.getPaneInformation().getHorizontalSplitPosition());

            Row max = findRow(sh, "MAXIMUM-OVERSCHREDEN");
            Cell amount = max.getCell(8);
            assertEquals(CellType.NUMERIC, amount.getCellType());
            assertEquals(50_000.0, amount.getNumericCellValue());
            assertTrue(amount.getCellStyle().getDataFormatString().contains("€"), "euro format");
            assertEquals("ARM — preventie van armoede en schulden", max.getCell(3).getStringCellValue());
            assertEquals("Nieuw-West", max.getCell(4).getStringCellValue());
            assertTrue(max.getCell(10).getStringCellValue().contains("€ 900.000 − € 850.000 = € 50.000"), "trail");
            assertEquals(CellType.BLANK, findRow(sh, "TERMIJN-JAAR").getCell(8).getCellType(), "no amount, no number");
            assertTrue(findRow(sh, "BTW-COMPENSABEL").getCell(5).getStringCellValue()
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
            assertEquals(6_815_359.0, ojk.getCell(header.indexOf("Toegekend incl. btw")).getNumericCellValue());
            assertEquals(120_000.0, ojk.getCell(header.indexOf("Afgewezen")).getNumericCellValue());
            assertEquals(0.0, ojk.getCell(header.indexOf("Btw (raming)")).getNumericCellValue());
            // OJK Nieuw-West termijnen 990.743 / 2.972.308 / 2.972.308 scaled to 6.815.359 of 6.935.359
            double sum = 0;
            for (int y = 2023; y <= 2025; y++) {
                sum += ojk.getCell(header.indexOf("Termijn " + y + " (incl. btw)")).getNumericCellValue();
            }
            assertEquals(6_815_359.0, sum, 0.001);
            Row total = findRow(besluit, "Totaal");
            assertEquals(14_722_404.0, total.getCell(header.indexOf("Toegekend incl. btw")).getNumericCellValue());
            assertEquals(14_327_051.75, total.getCell(header.indexOf("Verleend excl. btw (voorschot)")).getNumericCellValue(), 0.001);

            Sheet summary = wb.getSheet("Samenvatting");
            assertEquals("gedeeltelijke afwijzing", findRow(summary, "Uitkomst").getCell(1).getStringCellValue());
            assertEquals("aanvraag-amsterdam.pdf", findRow(summary, "Document").getCell(1).getStringCellValue());
            assertEquals(222_500.0, findRow(summary, "Afgewezen").getCell(1).getNumericCellValue());
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
            assertTrue(unknown.getCell(6).getStringCellValue().startsWith("'=HYPERLINK("), "message neutralised");
            assertEquals("'@SUM(1+1)", unknown.getCell(11).getStringCellValue(), "trail outcome neutralised");
            assertEquals("'+Zuid", findRow(findings, "FOCUSGEBIED-ONBEKEND").getCell(4).getStringCellValue());
            assertEquals("'\uFF1D1+1 en \r=2+2", findRow(findings, "ONDERBOUWING-ONTBREEKT").getCell(6)
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
            Sheet besluit = wb.getSheet("Besluit");
            assertTrue(findRow(besluit, "Hele aanvraag afgewezen").getCell(1).getStringCellValue()
                    .contains("3 oktober 2023"));
            Sheet summary = wb.getSheet("Samenvatting");
            assertEquals("afwijzing", findRow(summary, "Uitkomst").getCell(1).getStringCellValue());
            assertEquals(0.0, findRow(summary, "Toegekend incl. btw").getCell(1).getNumericCellValue());
            assertEquals(Severity.AFWIJZING.label(),
                    wb.getSheet("Bevindingen").getRow(1).getCell(0).getStringCellValue());
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
        for (int col = 0; col < 3; col++) {
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
