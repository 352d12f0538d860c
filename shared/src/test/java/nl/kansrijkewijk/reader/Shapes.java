package nl.kansrijkewijk.reader;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import nl.kansrijkewijk.aanvraag.Aanvraag;
import nl.kansrijkewijk.aanvraag.Source.DocumentShape;
import nl.kansrijkewijk.form.FormFiller;
import nl.kansrijkewijk.form.XlsxQuirk;

/** Fills one set of values into all three shapes and reads each back. */
final class Shapes {
    private Shapes() {}

    static Map<DocumentShape, ReadResult> readAll(Map<String, String> values) throws UnreadableDocumentException {
        byte[] pdf = FormFiller.fillPdf(values);
        Map<DocumentShape, ReadResult> out = new EnumMap<>(DocumentShape.class);
        out.put(DocumentShape.PDF_FORM, AanvraagReader.read("aanvraag.pdf", pdf));
        out.put(DocumentShape.PDF_FLATTENED, AanvraagReader.read("aanvraag-afgedrukt.pdf", FormFiller.flatten(pdf)));
        out.put(DocumentShape.XLSX, AanvraagReader.read("aanvraag.xlsx", FormFiller.fillXlsx(values)));
        return out;
    }

    static ReadResult xlsx(Map<String, String> values, Set<XlsxQuirk> quirks) throws UnreadableDocumentException {
        return AanvraagReader.read("aanvraag.xlsx", FormFiller.fillXlsx(values, quirks));
    }

    static ReadResult pdf(Map<String, String> values) throws UnreadableDocumentException {
        return AanvraagReader.read("aanvraag.pdf", FormFiller.fillPdf(values));
    }

    /** The aanvraag without its source (which differs per shape by design). */
    static Aanvraag content(ReadResult r) {
        Aanvraag a = r.aanvraag();
        return new Aanvraag(a.formVersion(), a.gemeente(), a.gemeentecode(), a.focusgebieden(), a.kind(),
                a.verleningKenmerk(), a.submissionDate(), a.signatory(), a.contact(), a.budget(), a.activities(),
                a.schoolEnOmgeving(), a.declarations(), null);
    }
}
