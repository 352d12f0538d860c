package nl.kansrijkewijk.reader;

import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationFileAttachment;

/**
 * What in a PDF a reviewer should not open unthinkingly: embedded files (an attachment may carry malware that
 * the reader never looks at) and actions that run on opening (JavaScript, launching a program). The form itself
 * has none; the reader reads on, and the reviewer gets a waarschuwing (LEES-BIJLAGE-ACTIEF).
 */
final class PdfActiveContent {
    private static final COSName JAVASCRIPT = COSName.JAVA_SCRIPT;
    private static final COSName EMBEDDED_FILES = COSName.EMBEDDED_FILES;
    private static final List<String> RISKY_ACTIONS = List.of("JavaScript", "Launch", "ImportData", "SubmitForm",
            "Rendition", "GoToE");

    private PdfActiveContent() {}

    /** Dutch descriptions of what was found, e.g. "een ingesloten bestand"; empty when nothing. */
    static List<String> find(PDDocument doc, int maxPages) {
        List<String> found = new ArrayList<>();
        COSDictionary catalog = doc.getDocumentCatalog().getCOSObject();
        COSDictionary names = catalog.getCOSDictionary(COSName.NAMES);
        if (names != null && names.getCOSDictionary(EMBEDDED_FILES) != null) {
            found.add("ingesloten bestanden (bijlagen)");
        }
        if (names != null && names.getCOSDictionary(JAVASCRIPT) != null) {
            found.add("JavaScript");
        }
        if (risky(catalog.getDictionaryObject(COSName.OPEN_ACTION))) {
            found.add("een actie die bij het openen wordt uitgevoerd");
        }
        if (catalog.getCOSDictionary(COSName.AA) != null) {
            found.add("acties bij gebeurtenissen in het document");
        }
        int n = 0;
        for (PDPage page : doc.getPages()) {
            if (++n > maxPages) {
                break;
            }
            try {
                for (PDAnnotation a : page.getAnnotations()) {
                    if (a instanceof PDAnnotationFileAttachment && !found.contains("een bijlage op een pagina")) {
                        found.add("een bijlage op een pagina");
                    }
                }
            } catch (java.io.IOException | RuntimeException e) {
                // unreadable annotations are the page reader's concern
            }
        }
        return found;
    }

    private static boolean risky(COSBase action) {
        if (!(action instanceof COSDictionary d)) {
            return false; // a destination array: only jumps to a page
        }
        String type = d.getNameAsString(COSName.S);
        return type != null && RISKY_ACTIONS.contains(type);
    }
}
