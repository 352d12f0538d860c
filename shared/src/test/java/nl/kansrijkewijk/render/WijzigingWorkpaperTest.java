package nl.kansrijkewijk.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nl.kansrijkewijk.fixtures.FixtureSpec;
import nl.kansrijkewijk.processing.AanvraagProcessor;
import nl.kansrijkewijk.processing.Evaluation;
import nl.kansrijkewijk.processing.OutputNames;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * The reviewer's workpapers for a wijziging carry eerder verleend, al betaald, nieuw verleend, the difference and the
 * 25 % test of art. 10(4)(a) per onderdeel. Eindhoven's fixture (received 12 September 2024, 2023 and 2024 termijnen
 * paid), worked out by hand in its spec: ARM 850.000 → 840.000 incl. btw (−1,18 %), VEE 200.000 → 250.000 (+25 %).
 */
class WijzigingWorkpaperTest {
    @Test
    void besluitSheetHasTheWijzigingColumns() throws Exception {
        Path doc = FixtureSpec.fixturesDir().resolve("generated").resolve("eindhoven-wijziging-correct.pdf");
        AanvraagProcessor p = new AanvraagProcessor();
        Evaluation e = p.evaluate(doc.getFileName().toString(), Files.readAllBytes(doc));
        byte[] xlsx = p.outputs(e).get(OutputNames.BEVINDINGEN_XLSX);
        Path dir = Path.of("target", "rendered");
        Files.createDirectories(dir);
        Files.write(dir.resolve("eindhoven-wijziging-bevindingen.xlsx"), xlsx);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            XSSFSheet sh = wb.getSheet("Besluit");
            List<String> header = new ArrayList<>();
            sh.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
            int first = header.indexOf("Eerder verleend (incl. btw)");
            assertTrue(first > 0, header.toString());
            assertEquals(ReportXlsxWriter.WIJZIGING_COLUMNS, header.subList(first, first + 10));
            // ARM: 850.000 incl. = 807.500 excl.; paid 484.500 + 161.500; new 840.000 − 5 % = 798.000
            assertRow(row(sh, "ARM"), first, 850_000.00, 807_500.00, 646_000.00, 798_000.00, -9_500.00, 152_000.00, 0.00,
                    -10_000.00);
            assertEquals("nee, minder dan 25 %", row(sh, "ARM").getCell(first + 9).getStringCellValue());
            // VEE: 200.000 incl. = 190.000 excl.; paid 63.333,34 × 2; new 250.000 − 5 % = 237.500; exactly 25 %
            assertRow(row(sh, "VEE"), first, 200_000.00, 190_000.00, 126_666.68, 237_500.00, 47_500.00, 110_833.32, 0.00,
                    50_000.00);
            assertEquals(0.25, row(sh, "VEE").getCell(first + 8).getNumericCellValue(), 1e-9);
            assertEquals("ja, ten minste 25 %", row(sh, "VEE").getCell(first + 9).getStringCellValue());

            XSSFSheet summary = wb.getSheet("Samenvatting");
            boolean found = false;
            for (Row r : summary) {
                Cell label = r.getCell(0);
                if (label != null && label.getCellType() == CellType.STRING
                        && label.getStringCellValue().equals("Nieuw verleend (excl. btw)")) {
                    assertEquals(5_420_000.00, r.getCell(1).getNumericCellValue(), 0.001);
                    found = true;
                }
            }
            assertTrue(found, "Samenvatting names the newly granted total");
        }
    }

    private static Row row(XSSFSheet sh, String code) {
        for (Row r : sh) {
            Cell c = r.getCell(3);
            if (r.getRowNum() > 0 && c != null && c.getCellType() == CellType.STRING && c.getStringCellValue().equals(code)) {
                return r;
            }
        }
        throw new AssertionError("no row for " + code);
    }

    private static void assertRow(Row r, int first, double... amounts) {
        for (int i = 0; i < amounts.length; i++) {
            assertEquals(amounts[i], r.getCell(first + i).getNumericCellValue(), 0.001,
                    "column " + (first + i) + " of " + r.getCell(3).getStringCellValue());
        }
    }
}
