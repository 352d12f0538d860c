package nl.kansrijkewijk.reader;

import java.io.IOException;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.kansrijkewijk.aanvraag.Source.DocumentShape;
import nl.kansrijkewijk.finding.Location;
import nl.kansrijkewijk.form.BlankFormPdf;
import nl.kansrijkewijk.form.FormCatalogue;
import nl.kansrijkewijk.limits.Limits;
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

    private PdfFormReader() {}

    /** Counts of form fields in a PDF: known keys, and known keys with a value. */
    record FieldCount(int known, int filled) {}

    static FieldCount count(PDDocument doc, Limits limits) throws UnreadableDocumentException {
        PDAcroForm form = doc.getDocumentCatalog().getAcroForm(null);
        if (form == null) {
            return new FieldCount(0, 0);
        }
        int known = 0;
        int filled = 0;
        for (PDField f : fields(form, limits)) {
            known++;
            String v = f.getValueAsString();
            if (v != null && !v.isBlank()) {
                filled++;
            }
        }
        return new FieldCount(known, filled);
    }

    static RawForm read(PDDocument doc, String documentName, Limits limits)
            throws IOException, UnreadableDocumentException {
        RawForm raw = new RawForm(DocumentShape.PDF_FORM, versions(doc), limits.maxTextLength());
        PDAcroForm form = doc.getDocumentCatalog().getAcroForm(null);
        Map<COSDictionary, Integer> pages = widgetPages(doc, limits.maxPages());
        for (PDField f : fields(form, limits)) {
            String key = f.getFullyQualifiedName();
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

    /**
     * The form's own terminal fields, from one walk over the whole field tree. A tree with more fields than the
     * limit is refused rather than read in part: stopping early made a filled form whose AcroForm lists 20 000
     * other fields first look empty.
     */
    private static java.util.List<PDField> fields(PDAcroForm form, Limits limits) throws UnreadableDocumentException {
        FormCatalogue catalogue = FormCatalogue.standard();
        java.util.List<PDField> found = new java.util.ArrayList<>();
        int seen = 0;
        for (PDField f : form.getFieldTree()) {
            if (++seen > limits.maxFields()) {
                throw new UnreadableDocumentException(UnreadableDocumentException.Reason.TE_GROOT, "De PDF bevat meer "
                        + "dan " + limits.maxFields() + " formuliervelden; het aanvraagformulier heeft er "
                        + FormCatalogue.standard().fields().size() + ". Zo'n PDF wordt niet gelezen. Vul het "
                        + "formulier zoals het is verstrekt in en upload het opnieuw.", "AcroForm with more than " + limits.maxFields() + " fields");
            }
            if (!(f instanceof PDNonTerminalField) && catalogue.field(f.getFullyQualifiedName()) != null) {
                found.add(f);
            }
        }
        return found;
    }

    private static Map<COSDictionary, Integer> widgetPages(PDDocument doc, int maxPages) throws IOException {
        Map<COSDictionary, Integer> pages = new IdentityHashMap<>();
        int n = 0;
        for (PDPage page : doc.getPages()) {
            if (++n > maxPages) {
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
