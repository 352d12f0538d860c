package nl.kansrijkewijk.form;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The blank workbook: the same fields as the PDF, findable by key, dropdowns, fixed metadata, fixed bytes. */
class BlankFormXlsxTest {

    @Test
    void sheetsInOrderWithTheListsHidden() throws IOException {
        try (XSSFWorkbook wb = open(BlankFormXlsx.generate())) {
            List<String> names = new ArrayList<>();
            wb.forEach(s -> names.add(s.getSheetName()));
            assertEquals(List.of("Toelichting", "A Aanvrager", "B Begroting", "C Activiteiten", "D School en omgeving",
                    "E Verklaringen", "Keuzelijsten"), names);
            assertEquals(SheetVisibility.HIDDEN, wb.getSheetVisibility(wb.getSheetIndex("Keuzelijsten")));
            for (String s : BlankFormXlsx.FORM_SHEETS) {
                assertEquals(SheetVisibility.VISIBLE, wb.getSheetVisibility(wb.getSheetIndex(s)));
            }
        }
    }

    @Test
    void everyFieldOfTheCatalogueHasExactlyOneCell() throws IOException {
        try (XSSFWorkbook wb = open(BlankFormXlsx.generate())) {
            XlsxKeyIndex index = XlsxKeyIndex.of(wb);
            List<String> keys = FormCatalogue.standard().fields().stream().map(FieldDef::key).toList();
            assertEquals(new HashSet<>(keys), index.cells().keySet());
            assertEquals(keys.size(), new HashSet<>(index.cells().values()).size());
            for (XlsxKeyIndex.CellPos p : index.cells().values()) {
                Cell c = p.sheet().getRow(p.row()).getCell(p.col());
                assertFalse(c.getCellStyle().getLocked(), "value cells are unlocked: " + p.a1());
            }
            assertEquals(List.of(FormFields.FORM_VERSION), List.copyOf(index.versions()));
        }
    }

    @Test
    void choiceFieldsHaveDropdownsThatOnlyWarn() throws IOException {
        try (XSSFWorkbook wb = open(BlankFormXlsx.generate())) {
            XlsxKeyIndex index = XlsxKeyIndex.of(wb);
            for (String key : List.of("A.gemeente", "A.soort", "C.7.onderdeel", "C.60.soort", "D.school.3.inCoalitie",
                    "E.alliantieoverleg")) {
                XlsxKeyIndex.CellPos p = index.get(key);
                DataValidation dv = ((XSSFSheet) p.sheet()).getDataValidations().stream()
                        .filter(v -> java.util.Arrays.stream(v.getRegions().getCellRangeAddresses())
                                .anyMatch(r -> r.isInRange(p.row(), p.col())))
                        .findFirst().orElseThrow(() -> new AssertionError("no dropdown for " + key));
                assertEquals(DataValidation.ErrorStyle.WARNING, dv.getErrorStyle(), key);
            }
        }
    }

    @Test
    void fixedMetadataAndZipTimes() throws IOException {
        byte[] xlsx = BlankFormXlsx.generate();
        try (XSSFWorkbook wb = open(xlsx)) {
            assertEquals(Instant.parse("2023-06-30T22:00:00Z"), wb.getProperties().getCoreProperties().getCreated().toInstant());
            assertEquals(Instant.parse("2023-06-30T22:00:00Z"), wb.getProperties().getCoreProperties().getModified().toInstant());
            assertEquals(FormFields.FORM_VERSION, wb.getProperties().getCustomProperties()
                    .getProperty(BlankFormXlsx.VERSION_PROPERTY).getLpwstr());
        }
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                assertEquals(LocalDateTime.of(2023, 7, 1, 0, 0), e.getTimeLocal(), e.getName());
            }
        }
    }

    @Test
    void generatingAndFillingTwiceGivesIdenticalBytes() throws InterruptedException {
        byte[] first = BlankFormXlsx.render();
        Thread.sleep(1100);
        assertArrayEquals(first, BlankFormXlsx.render());
        Map<String, String> v = Map.of("A.gemeente", "Heerlen", "A.datum", "15-09-2023", "B.SEO.fg1.2023", "€ 1.000,00",
                "B.SEO.fg1.totaal", "€ 1.000,00", "C.1.begroting.2023", "1000", "C.1.naam", "Naschoolse sport");
        assertArrayEquals(FormFiller.fillXlsx(v, EnumSet.allOf(XlsxQuirk.class)),
                FormFiller.fillXlsx(new java.util.TreeMap<>(v), EnumSet.allOf(XlsxQuirk.class)));
    }

    private static XSSFWorkbook open(byte[] b) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(b));
    }
}
