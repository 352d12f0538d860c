package nl.kansrijkewijk.sisa;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class VerantwoordingWorkbookTest {

    @Test
    void amsterdamHasItsElevenRowsInEveryBlockAndTheSiSaHeaders() throws Exception {
        byte[] xlsx = VerantwoordingWorkbook.filled(SisaSamples.CONFIG, SisaSamples.REGELING,
                SisaSamples.amsterdam2024(), Set.of());
        Path dir = Path.of("target", "sisa");
        Files.createDirectories(dir);
        Files.write(dir.resolve("amsterdam-2024.xlsx"), xlsx);
        Files.write(dir.resolve("blank-2023.xlsx"), VerantwoordingWorkbook.blank(SisaSamples.CONFIG, SisaSamples.REGELING, 2023));
        Files.write(dir.resolve("amsterdam-2024-quirks.xlsx"), VerantwoordingWorkbook.filled(SisaSamples.CONFIG,
                SisaSamples.REGELING, SisaSamples.amsterdam2024(), EnumSet.allOf(SisaQuirk.class)));
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            XSSFSheet s = wb.getSheet(VerantwoordingWorkbook.SHEET);
            DataFormatter f = new DataFormatter();
            String title = f.formatCellValue(s.getRow(0).getCell(0));
            // the 2024 bijlage's version date from the data: 15 januari 2025
            assertTrue(title.contains("verslagjaar 2024") && title.contains("versie 15 januari 2025"), title);
            int headers = 0;
            for (int r = 0; r <= s.getLastRowNum(); r++) {
                if (s.getRow(r) != null && "Verstrekker".equals(f.formatCellValue(s.getRow(r).getCell(0)))) {
                    headers++;
                    assertEquals("Ontvanger", f.formatCellValue(s.getRow(r).getCell(4)));
                    assertEquals("Onderdeel (artikel) en focusgebied", f.formatCellValue(s.getRow(r).getCell(5)));
                    // Amsterdam: ORG + 5 split onderdelen × 2 focusgebieden (no SEO) = 11 value rows after 3 header rows
                    assertEquals("Gemeente Amsterdam", f.formatCellValue(s.getRow(r + 3).getCell(4)));
                    assertEquals("Gemeente Amsterdam", f.formatCellValue(s.getRow(r + 13).getCell(4)));
                    assertTrue(s.getRow(r + 14) == null || f.formatCellValue(s.getRow(r + 14).getCell(4)).isEmpty());
                }
            }
            // 7 indicators besides the row key, 5 per block next to the key → two blocks
            assertEquals(2, headers);
        }
    }

    @Test
    void sameInputSameBytes() {
        byte[] a = VerantwoordingWorkbook.filled(SisaSamples.CONFIG, SisaSamples.REGELING, SisaSamples.amsterdam2024(),
                EnumSet.allOf(SisaQuirk.class));
        byte[] b = VerantwoordingWorkbook.filled(SisaSamples.CONFIG, SisaSamples.REGELING, SisaSamples.amsterdam2024(),
                EnumSet.allOf(SisaQuirk.class));
        assertArrayEquals(a, b);
    }
}
