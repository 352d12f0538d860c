package nl.kansrijkewijk.reader;

import java.io.IOException;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.kansrijkewijk.aanvraag.Source.DocumentShape;
import nl.kansrijkewijk.check.Location;
import nl.kansrijkewijk.form.BlankFormPdf;
import nl.kansrijkewijk.form.FormCatalogue;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDNonTerminalField;
import org.apache.pdfbox.text.PDFTextStripper;

/** Reads the fillable PDF: field values by fully qualified field name, which is the FormFields key. */
final class PdfFormReader {
    static final Pattern VERSION = Pattern.compile("\\bKW-\\d{4}-\\d+\\b");
    private static final int MAX_FIELDS = 20_000;
    private static final int MAX_ANNOTATION_PAGES = 500;

    private PdfFormReader() {}

    /** Counts of form fields in a PDF: known keys, and known keys with a value. */
    record FieldCount(int known, int filled) {}

    static FieldCount count(PDDocument doc) {
        PDAcroForm form = doc.getDocumentCatalog().getAcroForm(null);
        if (form == null) {
            return new FieldCount(0, 0);
        }
        FormCatalogue catalogue = FormCatalogue.standard();
        int known = 0;
        int filled = 0;
        int seen = 0;
        for (PDField f : form.getFieldTree()) {
            if (++seen > MAX_FIELDS) {
                break;
            }
            if (f instanceof PDNonTerminalField || catalogue.field(f.getFullyQualifiedName()) == null) {
                continue;
            }
            known++;
            String v = f.getValueAsString();
            if (v != null && !v.isBlank()) {
                filled++;
            }
        }
        return new FieldCount(known, filled);
    }

    static RawForm read(PDDocument doc, String documentName) throws IOException {
        RawForm raw = new RawForm(DocumentShape.PDF_FORM, versions(doc));
        PDAcroForm form = doc.getDocumentCatalog().getAcroForm(null);
        Map<COSDictionary, Integer> pages = widgetPages(doc);
        FormCatalogue catalogue = FormCatalogue.standard();
        int seen = 0;
        for (PDField f : form.getFieldTree()) {
            if (++seen > MAX_FIELDS) {
                break;
            }
            if (f instanceof PDNonTerminalField) {
                continue;
            }
            String key = f.getFullyQualifiedName();
            if (catalogue.field(key) == null) {
                continue;
            }
            Integer page = null;
            for (PDAnnotationWidget w : f.getWidgets()) {
                page = pages.get(w.getCOSObject());
                if (page != null) {
                    break;
                }
            }
            String v = f.getValueAsString();
            raw.put(key, new RawValue(v == null ? "" : v, Location.field(documentName, page, key), null));
        }
        return raw;
    }

    private static Map<COSDictionary, Integer> widgetPages(PDDocument doc) throws IOException {
        Map<COSDictionary, Integer> pages = new IdentityHashMap<>();
        int n = 0;
        for (PDPage page : doc.getPages()) {
            if (++n > MAX_ANNOTATION_PAGES) {
                break;
            }
            for (PDAnnotation a : page.getAnnotations()) {
                if (a instanceof PDAnnotationWidget) {
                    pages.putIfAbsent(a.getCOSObject(), n);
                }
            }
        }
        return pages;
    }

    /** Form versions named in the document information or printed on the first page. */
    static Set<String> versions(PDDocument doc) throws IOException {
        Set<String> found = new LinkedHashSet<>();
        PDDocumentInformation info = doc.getDocumentInformation();
        if (info != null) {
            addVersions(found, info.getCustomMetadataValue(BlankFormPdf.VERSION_INFO_KEY));
            addVersions(found, info.getKeywords());
        }
        if (doc.getNumberOfPages() > 0) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(1);
            stripper.setEndPage(1);
            addVersions(found, stripper.getText(doc));
        }
        return found;
    }

    static void addVersions(Set<String> found, String text) {
        if (text == null) {
            return;
        }
        Matcher m = VERSION.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
    }
}
