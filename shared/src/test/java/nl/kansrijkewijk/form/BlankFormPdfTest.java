package nl.kansrijkewijk.form;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.kansrijkewijk.form.FontMetrics.Face;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDCIDFontType2;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDNonTerminalField;
import org.apache.pdfbox.pdmodel.interactive.form.PDTextField;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The blank PDF form: every field, tooltips, embedded fonts, running header and footer, a clean layout. */
class BlankFormPdfTest {
    private static byte[] blank;

    @BeforeAll
    static void generate() {
        blank = BlankFormPdf.generate();
    }

    @Test
    void everyCatalogueFieldIsATextFieldNamedByItsKey() throws IOException {
        try (PDDocument doc = Loader.loadPDF(blank)) {
            PDAcroForm form = doc.getDocumentCatalog().getAcroForm(null);
            List<String> terminal = new ArrayList<>();
            for (PDField f : form.getFieldTree()) {
                if (!(f instanceof PDNonTerminalField)) {
                    terminal.add(f.getFullyQualifiedName());
                }
            }
            List<String> keys = FormCatalogue.standard().fields().stream().map(FieldDef::key).toList();
            assertEquals(keys.size(), terminal.size());
            assertEquals(new java.util.HashSet<>(keys), new java.util.HashSet<>(terminal));
            for (FieldDef def : FormCatalogue.standard().fields()) {
                PDTextField tf = assertInstanceOf(PDTextField.class, form.getField(def.key()), def.key());
                assertEquals(def.tooltip(), tf.getAlternateFieldName());
                assertEquals(def.type() == FieldType.LONG_TEXT, tf.isMultiline(), def.key());
                assertTrue(tf.getDefaultAppearance().startsWith("/" + BlankFormPdf.FIELD_FONT + " "));
                PDPage page = tf.getWidgets().get(0).getPage();
                assertEquals(PdfLayout.standard().field(def.key()).page(), doc.getPages().indexOf(page) + 1, def.key());
            }
            assertTrue(form.getField("C.4.onderdeel").getAlternateFieldName().contains("ORG, INT, ARM, VEE, REI, SEO, OJK"));
            assertTrue(form.getField("C.4.soort").getAlternateFieldName().contains("nieuw, uitbreiding"));
            assertTrue(form.getField("E.staatssteun").getAlternateFieldName().contains("ja of nee"));
        }
    }

    @Test
    void fieldFontIsDejaVuEmbeddedInFullAndEveryFontIsEmbedded() throws IOException {
        try (PDDocument doc = Loader.loadPDF(blank)) {
            PDResources dr = doc.getDocumentCatalog().getAcroForm(null).getDefaultResources();
            PDType0Font font = assertInstanceOf(PDType0Font.class, dr.getFont(COSName.getPDFName(BlankFormPdf.FIELD_FONT)));
            assertFalse(font.getName().matches("[A-Z]{6}\\+.*"), "a subset font cannot show what users type: " + font.getName());
            assertNotNull(((PDCIDFontType2) font.getDescendantFont()).getFontDescriptor().getFontFile2());
            for (String s : List.of("ë", "€", "✓", "Ç", "ř", "’")) {
                assertTrue(font.getStringWidth(s) > 0, s);
            }
            for (PDPage page : doc.getPages()) {
                PDResources res = page.getResources();
                for (COSName name : res.getFontNames()) {
                    PDFont f = res.getFont(name);
                    assertTrue(f.isEmbedded(), f.getName());
                }
            }
        }
    }

    @Test
    void everyPageCarriesTitleVersionAndPageNumber() throws IOException {
        try (PDDocument doc = Loader.loadPDF(blank)) {
            int n = doc.getNumberOfPages();
            PDFTextStripper stripper = new PDFTextStripper();
            for (int p = 1; p <= n; p++) {
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                String text = stripper.getText(doc);
                assertTrue(text.contains(FormFields.FORM_TITLE), "page " + p);
                assertTrue(text.contains(FormFields.FORM_VERSION), "page " + p);
                assertTrue(text.contains("pagina " + p + " van " + n), "page " + p);
            }
            assertEquals(FormFields.FORM_VERSION,
                    doc.getDocumentInformation().getCustomMetadataValue(BlankFormPdf.VERSION_INFO_KEY));
        }
    }

    @Test
    void layoutHasNoOverlapsAndStaysWithinTheMargins() {
        for (PdfLayout.Page page : PdfLayout.standard().pages()) {
            List<float[]> texts = new ArrayList<>();
            for (PdfLayout.Text t : page.texts()) {
                float w = FontMetrics.of(t.face()).width(t.text(), t.size());
                float[] box = {t.x(), t.baseline() - 0.76f * t.size(), t.x() + w, t.baseline() + 0.22f * t.size()};
                assertTrue(box[0] >= PdfLayout.LEFT - 0.01f && box[2] <= PdfLayout.RIGHT + 0.01f,
                        "outside the margins on page " + page.number() + ": " + t.text());
                texts.add(box);
            }
            for (int i = 0; i < texts.size(); i++) {
                for (int j = i + 1; j < texts.size(); j++) {
                    assertFalse(overlap(texts.get(i), texts.get(j)), "texts overlap on page " + page.number() + ": '"
                            + page.texts().get(i).text() + "' and '" + page.texts().get(j).text() + "'");
                }
            }
            List<PdfLayout.Field> fields = page.fields();
            for (PdfLayout.Field f : fields) {
                float[] fb = {f.x(), f.y(), f.x() + f.w(), f.y() + f.h()};
                assertTrue(f.h() >= 12 && f.w() >= 40, "field too small: " + f.key());
                assertTrue(fb[0] >= PdfLayout.LEFT - 0.01f && fb[2] <= PdfLayout.RIGHT + 0.01f, f.key());
                assertTrue(fb[1] > PdfLayout.HEADER_BASELINE + 6 && fb[3] < PdfLayout.FOOTER_BASELINE - 12, f.key());
                for (int i = 0; i < texts.size(); i++) {
                    assertFalse(overlap(fb, texts.get(i)), "text '" + page.texts().get(i).text() + "' overlaps " + f.key());
                }
                for (PdfLayout.Field g : fields) {
                    if (g != f) {
                        assertFalse(overlap(fb, new float[] {g.x(), g.y(), g.x() + g.w(), g.y() + g.h()}),
                                f.key() + " overlaps " + g.key());
                    }
                }
            }
        }
    }

    @Test
    void activitiesComeTwoPerPage() {
        assertEquals(PdfLayout.standard().field("C.1.naam").page(), PdfLayout.standard().field("C.2.naam").page());
        assertEquals(PdfLayout.standard().field("C.1.naam").page() + 1, PdfLayout.standard().field("C.3.naam").page());
        assertEquals(PdfLayout.standard().field("C.59.naam").page(), PdfLayout.standard().field("C.60.scholen").page());
    }

    private static boolean overlap(float[] a, float[] b) {
        return a[0] < b[2] - 0.01f && b[0] < a[2] - 0.01f && a[1] < b[3] - 0.01f && b[1] < a[3] - 0.01f;
    }

    @Test
    void generatingTwiceGivesIdenticalBytes() throws InterruptedException {
        byte[] first = BlankFormPdf.render();
        Thread.sleep(1100);
        assertArrayEquals(first, BlankFormPdf.render());
        assertArrayEquals(first, blank);
    }

    @Test
    void fillingAndFlatteningAreDeterministic() {
        Map<String, String> v = Map.of("A.gemeente", "Zaanstad", "C.1.omschrijving", "Één regel met ë en €.");
        byte[] a = FormFiller.fillPdf(v);
        assertArrayEquals(a, FormFiller.fillPdf(new java.util.TreeMap<>(v)));
        assertArrayEquals(FormFiller.flatten(a), FormFiller.flatten(a));
        assertFalse(java.util.Arrays.equals(a, blank));
    }

    @Test
    void fillerShrinksTextToFitItsBox() {
        PdfLayout.Field f = PdfLayout.standard().field("C.1.omschrijving");
        String longText = "woord ".repeat(300).strip();
        FormFiller.Fit fit = FormFiller.fit(longText, f.w(), f.h(), true, f.maxFontSize());
        assertTrue(fit.size() < f.maxFontSize());
        float used = 1.5f + 0.95f * fit.size() + (fit.lines().size() - 1) * FormFiller.leading(fit.size());
        assertTrue(used <= f.h(), "text runs out of the box");
        assertEquals(longText, String.join(" ", fit.lines()));
        FormFiller.Fit shortFit = FormFiller.fit("ja", 70, 15, false, 9);
        assertEquals(9f, shortFit.size());
        float width = FontMetrics.of(Face.REGULAR).width("€ 43.566.266,00", 1);
        FormFiller.Fit amount = FormFiller.fit("€ 43.566.266,00", 60, 15, false, 8.5f);
        assertTrue(width * amount.size() <= 56, "amount must fit a narrow column");
    }
}
