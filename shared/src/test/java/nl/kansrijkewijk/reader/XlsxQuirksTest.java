package nl.kansrijkewijk.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.kansrijkewijk.aanvraag.Aanvraag;
import nl.kansrijkewijk.aanvraag.Activity;
import nl.kansrijkewijk.form.BlankFormXlsx;
import nl.kansrijkewijk.form.FormFiller;
import nl.kansrijkewijk.form.XlsxKeyIndex;
import nl.kansrijkewijk.form.XlsxQuirk;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Messy workbooks read the same as a tidy one: every quirk a user adds, and edits made by hand. */
class XlsxQuirksTest {
    private static Map<String, String> values;
    private static Aanvraag tidy;

    @BeforeAll
    static void readTidy() throws UnreadableDocumentException {
        values = SampleForms.comprehensive();
        ReadResult r = Shapes.xlsx(values, Set.of());
        assertEquals(List.of(), r.findings());
        tidy = Shapes.content(r);
    }

    @ParameterizedTest
    @EnumSource(XlsxQuirk.class)
    void eachQuirkReadsTheSame(XlsxQuirk quirk) throws Exception {
        byte[] messy = FormFiller.fillXlsx(values, Set.of(quirk));
        assertQuirkPresent(quirk, messy);
        ReadResult r = AanvraagReader.read("rommelig.xlsx", messy);
        assertEquals(List.of(), r.findings());
        assertEquals(tidy, Shapes.content(r));
    }

    @Test
    void allQuirksTogetherReadTheSame() throws Exception {
        ReadResult r = Shapes.xlsx(values, EnumSet.allOf(XlsxQuirk.class));
        assertEquals(List.of(), r.findings());
        assertEquals(tidy, Shapes.content(r));
    }

    @Test
    void blankRowsMoveTheCellsTheLocationsPointAt() throws Exception {
        ReadResult r = Shapes.xlsx(values, Set.of(XlsxQuirk.BLANK_ROWS));
        assertEquals("'C Activiteiten'!C6", r.aanvraag().source().location("C.1.naam").cell());
        assertEquals("'C Activiteiten'!C8", r.aanvraag().source().location("C.2.naam").cell());
    }

    private static void assertQuirkPresent(XlsxQuirk quirk, byte[] xlsx) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            XlsxKeyIndex index = XlsxKeyIndex.of(wb);
            switch (quirk) {
                case BLANK_ROWS -> assertEquals(2, index.get("C.2.naam").row() - index.get("C.1.naam").row());
                case MERGED_CELLS -> {
                    assertFalse(wb.getSheet(BlankFormXlsx.SHEET_A).getMergedRegions().isEmpty());
                    assertFalse(wb.getSheet(BlankFormXlsx.SHEET_B).getMergedRegions().isEmpty());
                }
                case TEXT_AMOUNTS -> assertEquals("€ 510.000,00", cell(index, "B.ARM.fg1.2023").getStringCellValue());
                case FORMULAS -> {
                    assertEquals(CellType.FORMULA, cell(index, "B.ORG.fg1.totaal").getCellType());
                    assertEquals(CellType.FORMULA, cell(index, "C.1.begroting.2023").getCellType());
                }
                case HIDDEN_SHEET -> {
                    assertEquals(SheetVisibility.HIDDEN, wb.getSheetVisibility(wb.getSheetIndex("Kladblok")));
                    assertEquals(SheetVisibility.HIDDEN, wb.getSheetVisibility(wb.getSheetIndex(BlankFormXlsx.SHEET_E)));
                }
                case EXCEL_DATES -> {
                    Cell d = cell(index, "A.datum");
                    assertEquals(CellType.NUMERIC, d.getCellType());
                    assertTrue(DateUtil.isCellDateFormatted(d));
                }
            }
        }
    }

    private static Cell cell(XlsxKeyIndex index, String key) {
        XlsxKeyIndex.CellPos p = index.get(key);
        return p.sheet().getRow(p.row()).getCell(p.col());
    }

    // ---------------------------------------------------------------------------------------- hand edits

    interface Edit {
        void apply(XSSFWorkbook wb) throws Exception;
    }

    private static ReadResult edited(Edit edit) throws Exception {
        byte[] filled = FormFiller.fillXlsx(values, Set.of());
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(filled))) {
            edit.apply(wb);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return AanvraagReader.read("bewerkt.xlsx", out.toByteArray());
        }
    }

    @Test
    void insertedColumnsRowsAndRenamedSheetsDoNotMatter() throws Exception {
        ReadResult r = edited(wb -> {
            wb.getSheet(BlankFormXlsx.SHEET_A).shiftRows(0, wb.getSheet(BlankFormXlsx.SHEET_A).getLastRowNum(), 3);
            Sheet c = wb.getSheet(BlankFormXlsx.SHEET_C);
            c.shiftColumns(4, 30, 1); // a new column between "Onderdeel" and "Focusgebied"
            for (Row row : c) {
                row.createCell(4).setCellValue("eigen notitie");
            }
            wb.setSheetName(wb.getSheetIndex(BlankFormXlsx.SHEET_D), "Scholen");
            wb.setSheetOrder(BlankFormXlsx.SHEET_E, 0);
        });
        assertEquals(List.of(), r.findings());
        assertEquals(tidy, Shapes.content(r));
        assertEquals("Scholen!C4", r.aanvraag().source().location("D.coalitie.naam").cell());
    }

    @Test
    void aCopiedSheetDoesNotOverrideTheForm() throws Exception {
        ReadResult r = edited(wb -> {
            Sheet copy = wb.cloneSheet(wb.getSheetIndex(BlankFormXlsx.SHEET_A));
            wb.setSheetOrder(copy.getSheetName(), 0);
            XlsxKeyIndex index = XlsxKeyIndex.of(wb);
            XlsxKeyIndex.CellPos p = index.get("A.gemeente");
            // The copy sits first in the workbook; the form's own sheet must still win.
            copy.getRow(p.row()).getCell(p.col()).setCellValue("Rotterdam");
        });
        assertEquals("Amsterdam", r.aanvraag().gemeente());
        assertEquals(tidy, Shapes.content(r));
    }

    @Test
    void anAddedActivityRowWithoutKeyIsRead_aTotalsRowIsNot() throws Exception {
        ReadResult r = edited(wb -> {
            XlsxKeyIndex index = XlsxKeyIndex.of(wb);
            Sheet c = wb.getSheet(BlankFormXlsx.SHEET_C);
            int last = index.get("C.60.naam").row();
            Row added = c.createRow(last + 1);
            added.createCell(index.get("C.60.naam").col()).setCellValue("Extra activiteit buiten het blad");
            added.createCell(index.get("C.60.onderdeel").col()).setCellValue("VEE");
            added.createCell(index.get("C.60.begroting.2024").col()).setCellValue(1234.5);
            Row totals = c.createRow(last + 2);
            totals.createCell(index.get("C.60.naam").col()).setCellValue("Totaal");
            totals.createCell(index.get("C.60.begroting.2024").col()).setCellFormula("SUM(K6:K66)");
        });
        List<Activity> acts = r.aanvraag().activities();
        Activity extra = acts.get(acts.size() - 1);
        assertEquals(61, extra.number());
        assertEquals("VEE", extra.onderdeel());
        assertEquals("Extra activiteit buiten het blad", extra.name());
        assertEquals(Map.of(2024, new BigDecimal("1234.50")), extra.budget());
        assertEquals(26, acts.size());
    }

    @Test
    void aDeletedKeyHeaderRowFallsBackToTheFormsColumnOrder() throws Exception {
        ReadResult r = edited(wb -> {
            Sheet b = wb.getSheet(BlankFormXlsx.SHEET_B);
            b.removeRow(b.getRow(3));
            b.shiftRows(4, b.getLastRowNum(), -1);
            Sheet c = wb.getSheet(BlankFormXlsx.SHEET_C);
            c.removeRow(c.getRow(4));
        });
        assertEquals(tidy.budget(), r.aanvraag().budget());
        assertEquals(tidy.activities(), r.aanvraag().activities());
    }

    @Test
    void formulaErrorsAndBrokenFormulasAreReportedNotThrown() throws Exception {
        ReadResult r = edited(wb -> {
            XlsxKeyIndex index = XlsxKeyIndex.of(wb);
            XlsxKeyIndex.CellPos p = index.get("B.VEE.fg1.2024");
            p.sheet().getRow(p.row()).getCell(p.col()).setCellFormula("1/0");
            XlsxKeyIndex.CellPos q = index.get("B.VEE.fg1.2025");
            p.sheet().getRow(q.row()).getCell(q.col()).setCellFormula("NA()");
        });
        List<String> fields = r.findings().stream().map(f -> f.location().field()).toList();
        assertTrue(fields.contains("B.VEE.fg1.2024"), fields.toString());
        assertTrue(fields.contains("B.VEE.fg1.2025"), fields.toString());
        assertNotNull(r.aanvraag().budget().get(6));
        assertEquals(Map.of(2023, new BigDecimal("85000.00")), r.aanvraag().budget().get(6).perYear());
    }
}
