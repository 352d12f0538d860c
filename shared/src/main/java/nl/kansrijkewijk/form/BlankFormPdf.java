package nl.kansrijkewijk.form;

import static nl.kansrijkewijk.form.FormFields.FORM_TITLE;
import static nl.kansrijkewijk.form.FormFields.FORM_VERSION;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.kansrijkewijk.form.FontMetrics.Face;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDNonTerminalField;
import org.apache.pdfbox.pdmodel.interactive.form.PDTextField;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;

/**
 * The blank fillable PDF (AcroForm) of form version {@link FormFields#FORM_VERSION}. Every field is a text field
 * whose fully qualified name is its FormFields key ("C.4.begroting.2024" is field 2024 in the hierarchy
 * C → 4 → begroting), so the same typed values survive filling, flattening and the XLSX twin.
 *
 * <p>Field appearances use DejaVu Sans embedded in full (not subset) in the AcroForm default resources: a viewer
 * or PDFBox can then render any value a user types (ë, €, ✓ …), which a subset or a WinAnsi standard font
 * cannot promise.
 */
public final class BlankFormPdf {
    /** Name of the field font in the AcroForm default resources. */
    public static final String FIELD_FONT = "DejaVu";
    /** Document information key holding the form version (also printed on every page). */
    public static final String VERSION_INFO_KEY = "KW-Formulierversie";

    private static byte[] cached;

    private BlankFormPdf() {}

    /** The blank form; byte-identical on every call. */
    public static synchronized byte[] generate() {
        if (cached == null) {
            cached = render();
        }
        return cached.clone();
    }

    /** Builds the form from scratch (no cache). */
    static byte[] render() {
        try (PDDocument doc = build(PdfLayout.standard())) {
            return PdfBytes.save(doc);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot generate the blank PDF form", e);
        }
    }

    static PDDocument build(PdfLayout layout) throws IOException {
        PDDocument doc = new PDDocument();
        PDType0Font regular = load(doc, Face.REGULAR, false);
        Map<Face, PDFont> fonts = Map.of(
                Face.REGULAR, regular, Face.BOLD, load(doc, Face.BOLD, true), Face.OBLIQUE, load(doc, Face.OBLIQUE, true));

        PDAcroForm acroForm = new PDAcroForm(doc);
        doc.getDocumentCatalog().setAcroForm(acroForm);
        PDResources dr = new PDResources();
        dr.put(COSName.getPDFName(FIELD_FONT), regular);
        acroForm.setDefaultResources(dr);
        acroForm.setDefaultAppearance("/" + FIELD_FONT + " 0 Tf 0 g");
        acroForm.setNeedAppearances(false);

        FormCatalogue catalogue = FormCatalogue.standard();
        FieldTree tree = new FieldTree(acroForm);
        for (PdfLayout.Page lp : layout.pages()) {
            PDPage page = new PDPage(new PDRectangle(PdfLayout.PAGE_WIDTH, PdfLayout.PAGE_HEIGHT));
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                drawRects(cs, lp.rects());
                for (PdfLayout.Text t : lp.texts()) {
                    cs.beginText();
                    cs.setFont(fonts.get(t.face()), t.size());
                    cs.setNonStrokingColor(t.gray());
                    cs.newLineAtOffset(t.x(), PdfLayout.PAGE_HEIGHT - t.baseline());
                    cs.showText(t.text());
                    cs.endText();
                }
            }
            for (PdfLayout.Field f : lp.fields()) {
                FieldDef def = catalogue.field(f.key());
                PDTextField tf = tree.textField(f.key());
                tf.setAlternateFieldName(def.tooltip());
                tf.setDefaultAppearance("/" + FIELD_FONT + " 0 Tf 0 g");
                tf.setMultiline(f.multiline());
                PDAnnotationWidget w = tf.getWidgets().get(0);
                w.setRectangle(pdfRect(f));
                w.setPage(page);
                w.setPrinted(true);
                page.getAnnotations().add(w);
            }
        }
        acroForm.setFields(tree.roots());
        acroForm.refreshAppearances();

        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(FORM_TITLE + " (" + FORM_VERSION + ")");
        info.setSubject("Formulier als bedoeld in artikel 10, tweede lid, van de Regeling kansrijke wijk");
        info.setKeywords(FORM_VERSION);
        info.setCreator("Regeling kansrijke wijk — formuliergenerator");
        info.setProducer("Apache PDFBox");
        info.setCustomMetadataValue(VERSION_INFO_KEY, FORM_VERSION);
        PDDocumentCatalog catalog = doc.getDocumentCatalog();
        catalog.setLanguage("nl-NL");
        PDViewerPreferences prefs = new PDViewerPreferences(new COSDictionary());
        prefs.setDisplayDocTitle(true);
        catalog.setViewerPreferences(prefs);
        return doc;
    }

    static PDRectangle pdfRect(PdfLayout.Field f) {
        return new PDRectangle(f.x(), PdfLayout.PAGE_HEIGHT - f.y() - f.h(), f.w(), f.h());
    }

    private static void drawRects(PDPageContentStream cs, List<PdfLayout.Rect> rects) throws IOException {
        for (PdfLayout.Rect r : rects) {
            float y = PdfLayout.PAGE_HEIGHT - r.y() - r.h();
            switch (r.kind()) {
                case BAND -> {
                    cs.setNonStrokingColor(0.11f, 0.27f, 0.45f);
                    cs.addRect(r.x(), y, r.w(), r.h());
                    cs.fill();
                }
                case SUBBAND -> {
                    cs.setNonStrokingColor(0.89f, 0.92f, 0.96f);
                    cs.addRect(r.x(), y, r.w(), r.h());
                    cs.fill();
                }
                case RULE -> {
                    cs.setNonStrokingColor(0.55f);
                    cs.addRect(r.x(), y, r.w(), r.h());
                    cs.fill();
                }
                case FIELD -> {
                    cs.setNonStrokingColor(0.95f, 0.97f, 1f);
                    cs.setStrokingColor(0.52f, 0.58f, 0.66f);
                    cs.setLineWidth(0.5f);
                    cs.addRect(r.x(), y, r.w(), r.h());
                    cs.fillAndStroke();
                }
            }
        }
    }

    private static PDType0Font load(PDDocument doc, Face face, boolean subset) throws IOException {
        try (InputStream in = BlankFormPdf.class.getResourceAsStream(face.resource)) {
            if (in == null) {
                throw new IllegalStateException("font missing from the classpath: " + face.resource);
            }
            return PDType0Font.load(doc, in, subset);
        }
    }

    /**
     * Builds the field hierarchy from dotted keys: a PDF partial name may not contain a period, so "A.gemeente"
     * becomes field "gemeente" under non-terminal field "A", and its fully qualified name is the key again.
     */
    private static final class FieldTree {
        private final PDAcroForm acroForm;
        private final Map<String, PDNonTerminalField> parents = new HashMap<>();
        private final List<PDField> roots = new ArrayList<>();

        FieldTree(PDAcroForm acroForm) {
            this.acroForm = acroForm;
        }

        PDTextField textField(String key) {
            String[] parts = key.split("\\.");
            PDNonTerminalField parent = null;
            StringBuilder prefix = new StringBuilder();
            for (int i = 0; i < parts.length - 1; i++) {
                if (i > 0) {
                    prefix.append('.');
                }
                prefix.append(parts[i]);
                PDNonTerminalField existing = parents.get(prefix.toString());
                if (existing == null) {
                    existing = new PDNonTerminalField(acroForm);
                    existing.setPartialName(parts[i]);
                    attach(parent, existing);
                    parents.put(prefix.toString(), existing);
                }
                parent = existing;
            }
            PDTextField tf = new PDTextField(acroForm);
            tf.setPartialName(parts[parts.length - 1]);
            attach(parent, tf);
            return tf;
        }

        private void attach(PDNonTerminalField parent, PDField child) {
            if (parent == null) {
                roots.add(child);
                return;
            }
            COSArray kids = parent.getCOSObject().getCOSArray(COSName.KIDS);
            if (kids == null) {
                kids = new COSArray();
                parent.getCOSObject().setItem(COSName.KIDS, kids);
            }
            kids.add(child.getCOSObject());
            child.getCOSObject().setItem(COSName.PARENT, parent.getCOSObject());
        }

        List<PDField> roots() {
            return roots;
        }
    }
}
