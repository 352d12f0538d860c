package nl.kansrijkewijk.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.kansrijkewijk.aanvraag.Aanvraag;
import nl.kansrijkewijk.aanvraag.Activity;
import nl.kansrijkewijk.aanvraag.Source.DocumentShape;
import nl.kansrijkewijk.finding.Finding;
import nl.kansrijkewijk.finding.Location;
import nl.kansrijkewijk.finding.Severity;
import nl.kansrijkewijk.form.BlankFormXlsx;
import nl.kansrijkewijk.form.FormFiller;
import nl.kansrijkewijk.form.PdfLayout;
import nl.kansrijkewijk.form.XlsxKeyIndex;
import nl.kansrijkewijk.form.XlsxQuirk;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDNonTerminalField;
import org.apache.pdfbox.pdmodel.interactive.form.PDTextField;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Values that cannot be read become null with a LEES-VELD waarschuwing at the right place; LEES-VERSIE. */
class ReadFindingsTest {
    private static final Map<String, String> BAD = new LinkedHashMap<>();
    private static Map<DocumentShape, ReadResult> read;

    @BeforeAll
    static void fill() throws UnreadableDocumentException {
        BAD.put("A.gemeente", "Utrecht");
        BAD.put("A.soort", "subsidie");
        BAD.put("A.datum", "31-09-2023");
        BAD.put("B.ARM.fg1.2023", "ongeveer vijf ton");
        BAD.put("B.ARM.fg1.2024", "-5.000");
        BAD.put("B.ARM.fg1.2025", "170.000");
        BAD.put("C.1.naam", "Buurtpreventie");
        BAD.put("C.1.onderdeel", "gezonde leefomgeving");
        BAD.put("C.1.soort", "misschien");
        BAD.put("C.1.overheidsvergoeding", "weet niet");
        BAD.put("C.1.art6", "z");
        BAD.put("C.1.begroting.2024", "1.234,567");
        BAD.put("C.2.naam", "Integrale aanpak");
        BAD.put("C.2.onderdeel", "INT");
        BAD.put("C.2.doelstellingen", "ARM, wonen");
        BAD.put("D.coalitie.scholenFocusgebied", "twintig");
        BAD.put("E.staatssteun", "misschien");
        read = Shapes.readAll(BAD);
    }

    /** In the order of the form (the order of FormCatalogue's fields). */
    private static final List<String> UNREADABLE = List.of("A.soort", "A.datum", "B.ARM.fg1.2023", "B.ARM.fg1.2024",
            "C.1.onderdeel", "C.1.soort", "C.1.begroting.2024", "C.1.overheidsvergoeding", "C.1.art6",
            "C.2.doelstellingen", "D.coalitie.scholenFocusgebied", "E.staatssteun");

    @ParameterizedTest
    @EnumSource(DocumentShape.class)
    void everyUnreadableFieldHasOneFinding(DocumentShape shape) {
        ReadResult r = read.get(shape);
        assertEquals(UNREADABLE, r.findings().stream().map(f -> f.location().field()).toList());
        for (Finding f : r.findings()) {
            assertEquals("LEES-VELD", f.rule());
            assertEquals("art. 10, tweede lid", f.article());
            assertEquals(Severity.WAARSCHUWING, f.severity());
            // A number typed into a workbook cell is stored as a number; the message quotes how Excel holds it.
            String typed = shape == DocumentShape.XLSX && f.location().field().equals("B.ARM.fg1.2024") ? "-5000,00"
                    : BAD.get(f.location().field());
            assertTrue(f.message().contains("‘" + typed + "’"), f.message());
            assertNull(f.refusedAmount());
        }
    }

    @ParameterizedTest
    @EnumSource(DocumentShape.class)
    void unreadableValuesAreNullAndTheRestIsRead(DocumentShape shape) {
        Aanvraag a = read.get(shape).aanvraag();
        assertEquals("Utrecht", a.gemeente());
        assertNull(a.kind());
        assertNull(a.submissionDate());
        assertEquals(Map.of(2025, new BigDecimal("170000.00")), a.budget().get(0).perYear());
        Activity one = a.activities().get(0);
        assertNull(one.onderdeel());
        assertNull(one.kind());
        assertNull(one.otherGovernmentFunding());
        assertNull(one.art6Aspect());
        assertEquals(Map.of(), one.budget());
        assertEquals(List.of("ARM"), a.activities().get(1).objectives());
        assertNull(a.schoolEnOmgeving().schoolsInFocusgebied());
        assertNull(a.declarations().stateAidChecked());
    }

    @Test
    void messagesNameTheFieldLabelAndActivity() {
        Map<String, Finding> byField = read.get(DocumentShape.PDF_FORM).findings().stream()
                .collect(Collectors.toMap(f -> f.location().field(), Function.identity()));
        Finding amount = byField.get("B.ARM.fg1.2023");
        assertEquals("Het veld ‘Begroting preventie van armoede en schulden, focusgebied 1: 2023’ (B.ARM.fg1.2023) "
                + "bevat ‘ongeveer vijf ton’: dat is geen bedrag. Deze waarde telt niet mee; vul het veld opnieuw in.",
                amount.message());
        assertEquals("ARM", amount.onderdeel());
        assertTrue(byField.get("A.datum").message().contains("geen bestaande datum"));
        assertTrue(byField.get("B.ARM.fg1.2024").message().contains("negatief"));
        assertTrue(byField.get("C.1.begroting.2024").message().contains("meer dan twee decimalen"));
        assertTrue(byField.get("C.2.doelstellingen").message().contains("‘wonen’"));
        assertEquals(1, byField.get("C.1.soort").activity());
        assertTrue(byField.get("C.1.soort").message().startsWith("Het veld ‘Activiteit 1: soort activiteit’"));
    }

    @Test
    void locationsPointAtPageOrCell() {
        Location pdf = findingAt(DocumentShape.PDF_FORM, "C.1.soort");
        assertEquals(PdfLayout.standard().field("C.1.soort").page(), pdf.page());
        assertEquals("aanvraag.pdf", pdf.document());
        assertEquals(pdf.page(), findingAt(DocumentShape.PDF_FLATTENED, "C.1.soort").page());
        assertEquals("'C Activiteiten'!G6", findingAt(DocumentShape.XLSX, "C.1.soort").cell());
        assertEquals("'B Begroting'!D9", findingAt(DocumentShape.XLSX, "B.ARM.fg1.2023").cell());
    }

    private static Location findingAt(DocumentShape shape, String field) {
        return read.get(shape).findings().stream().filter(f -> f.location().field().equals(field)).findFirst()
                .orElseThrow().location();
    }

    @Test
    void dutchAmountAndDateNotationsInEveryShape() throws UnreadableDocumentException {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("A.datum", "30 sept. 2023");
        String[] amounts = {"€ 1.234.567,00", "1234567", "1.234.567", "1 234 567", "EUR 1234567,-", "€1.234.567",
            "1,234,567.00", "1234567.00"};
        for (int i = 0; i < amounts.length; i++) {
            v.put("C." + (i + 1) + ".naam", "Bedrag " + (i + 1));
            v.put("C." + (i + 1) + ".begroting.2024", amounts[i]);
        }
        for (ReadResult r : Shapes.readAll(v).values()) {
            assertEquals(List.of(), r.findings());
            assertEquals(LocalDate.of(2023, 9, 30), r.aanvraag().submissionDate());
            for (Activity a : r.aanvraag().activities()) {
                assertEquals(new BigDecimal("1234567.00"), a.budget().get(2024), a.name());
            }
        }
        ReadResult excelDate = Shapes.xlsx(Map.of("A.datum", "30-09-2023"), Set.of(XlsxQuirk.EXCEL_DATES));
        assertEquals(LocalDate.of(2023, 9, 30), excelDate.aanvraag().submissionDate());
    }

    @Test
    void numericAndBooleanCellsInTextFields() throws Exception {
        byte[] filled = FormFiller.fillXlsx(Map.of("C.1.naam", "x"));
        byte[] edited;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(filled))) {
            XlsxKeyIndex index = XlsxKeyIndex.of(wb);
            set(index, "A.datum", 45199);                 // an Excel serial without a date format: 30-09-2023
            setBool(index, "E.alliantieoverleg", true);   // a TRUE typed in a ja/nee cell
            set(index, "D.coalitie.scholenFocusgebied", 20);
            set(index, "C.1.begroting.2023", 1234.5);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            edited = out.toByteArray();
        }
        ReadResult r = AanvraagReader.read("cellen.xlsx", edited);
        assertEquals(List.of(), r.findings());
        assertEquals(LocalDate.of(2023, 9, 30), r.aanvraag().submissionDate());
        assertEquals(true, r.aanvraag().declarations().alliantieoverleg());
        assertEquals(20, r.aanvraag().schoolEnOmgeving().schoolsInFocusgebied());
        assertEquals(new BigDecimal("1234.50"), r.aanvraag().activities().get(0).budget().get(2023));
    }

    private static void set(XlsxKeyIndex index, String key, double value) {
        XlsxKeyIndex.CellPos p = index.get(key);
        Row row = p.sheet().getRow(p.row());
        (row.getCell(p.col()) != null ? row.getCell(p.col()) : row.createCell(p.col())).setCellValue(value);
    }

    private static void setBool(XlsxKeyIndex index, String key, boolean value) {
        XlsxKeyIndex.CellPos p = index.get(key);
        Row row = p.sheet().getRow(p.row());
        (row.getCell(p.col()) != null ? row.getCell(p.col()) : row.createCell(p.col())).setCellValue(value);
    }

    // ---------------------------------------------------------------------------------------- version

    @Test
    void theFormVersionIsRecognisedWithoutFinding() {
        read.values().forEach(r -> assertEquals("KW-2023-1", r.aanvraag().formVersion()));
        read.values().forEach(r -> assertTrue(r.findings().stream().noneMatch(f -> f.rule().equals("LEES-VERSIE"))));
    }

    @Test
    void aWorkbookWithoutVersionMarkerGetsOneLeesVersie() throws Exception {
        ReadResult r = AanvraagReader.read("zonder-versie.xlsx", workbookWithVersion(null));
        List<Finding> versie = r.findings().stream().filter(f -> f.rule().equals("LEES-VERSIE")).toList();
        assertEquals(1, versie.size());
        assertEquals(Severity.WAARSCHUWING, versie.get(0).severity());
        assertEquals(Location.document("zonder-versie.xlsx"), versie.get(0).location());
        assertNull(r.aanvraag().formVersion());
        assertEquals("Amsterdam", r.aanvraag().gemeente());
    }

    @Test
    void anotherVersionIsNamed() throws Exception {
        ReadResult r = AanvraagReader.read("oud.xlsx", workbookWithVersion("KW-2024-2"));
        Finding f = r.findings().stream().filter(x -> x.rule().equals("LEES-VERSIE")).findFirst().orElseThrow();
        assertTrue(f.message().contains("KW-2024-2"), f.message());
        assertEquals("KW-2024-2", r.aanvraag().formVersion());
    }

    private static byte[] workbookWithVersion(String version) throws Exception {
        byte[] filled = FormFiller.fillXlsx(Map.of("A.gemeente", "Amsterdam"));
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(filled))) {
            wb.getSheet(BlankFormXlsx.SHEET_TOELICHTING).getRow(1).getCell(1).setCellValue(version == null ? "" : version);
            wb.getProperties().getCustomProperties().getUnderlyingProperties().removeProperty(0);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void aHomeMadePdfWithTheFormsFieldNamesIsReadButFlagged() throws Exception {
        byte[] pdf;
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            PDAcroForm form = new PDAcroForm(doc);
            doc.getDocumentCatalog().setAcroForm(form);
            form.setDefaultAppearance("/Helv 0 Tf 0 g");
            PDNonTerminalField a = new PDNonTerminalField(form);
            a.setPartialName("A");
            PDTextField gemeente = new PDTextField(form);
            gemeente.setPartialName("gemeente");
            gemeente.getCOSObject().setItem(org.apache.pdfbox.cos.COSName.PARENT, a.getCOSObject());
            org.apache.pdfbox.cos.COSArray kids = new org.apache.pdfbox.cos.COSArray();
            kids.add(gemeente.getCOSObject());
            a.getCOSObject().setItem(org.apache.pdfbox.cos.COSName.KIDS, kids);
            PDAnnotationWidget w = gemeente.getWidgets().get(0);
            w.setRectangle(new org.apache.pdfbox.pdmodel.common.PDRectangle(50, 700, 200, 20));
            w.setPage(page);
            page.getAnnotations().add(w);
            form.setFields(List.of(a));
            gemeente.getCOSObject().setString(org.apache.pdfbox.cos.COSName.V, "Utrecht");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            pdf = out.toByteArray();
        }
        ReadResult r = AanvraagReader.read("zelfgemaakt.pdf", pdf);
        assertEquals(DocumentShape.PDF_FORM, r.aanvraag().source().shape());
        assertEquals("Utrecht", r.aanvraag().gemeente());
        assertEquals(List.of("LEES-VERSIE"), r.findings().stream().map(Finding::rule).toList());
    }
}
