package nl.kansrijkewijk.render;

import java.time.LocalDate;
import java.util.List;
import nl.kansrijkewijk.aanvraag.Aanvraag;
import nl.kansrijkewijk.besluit.Besluit;
import nl.kansrijkewijk.check.Finding;
import nl.kansrijkewijk.regeling.Regeling;

/**
 * Writes concept-verleningsbeschikking.pdf: the draft decision as a Dutch ministry letter (art. 13 of the
 * regeling), PDF/A-3a and PDF/UA-1, "CONCEPT" on every page. When the aanvraag is refused as a whole
 * ({@link Besluit#rejectedWhole()} non-null) it writes a concept afwijzingsbeschikking instead.
 *
 * <p>Waarschuwingen are deliberately not printed in the letter: the PDF is the text the minister signs,
 * and an internal note inside it could be sent out with it. The reviewer clears them in bevindingen.xlsx
 * (or bevindingen.html), which lists every finding; the letter carries the motivering of each finding that
 * changed an amount, because that is part of the decision (art. 13, derde lid, onder c).
 *
 * <p>Same input, same bytes: the PDF's dates are the submission date (else the start of the period) and
 * its identifier a hash of the content.
 */
public final class BeschikkingPdfWriter {
    public static final String FILE_NAME = "concept-verleningsbeschikking.pdf";

    public byte[] write(Besluit besluit, Aanvraag aanvraag, List<Finding> findings, Regeling regeling) {
        String xhtml = BeschikkingHtml.build(besluit, aanvraag, findings, regeling);
        return AccessiblePdf.render(xhtml, documentDate(besluit, regeling));
    }

    /** The XHTML the PDF is rendered from; for tests and for a browser preview. */
    public String xhtml(Besluit besluit, Aanvraag aanvraag, List<Finding> findings, Regeling regeling) {
        return BeschikkingHtml.build(besluit, aanvraag, findings, regeling);
    }

    static LocalDate documentDate(Besluit besluit, Regeling regeling) {
        if (besluit.submissionDate() != null) {
            return besluit.submissionDate();
        }
        return besluit.periodFrom() != null ? besluit.periodFrom() : regeling.validFrom();
    }
}
