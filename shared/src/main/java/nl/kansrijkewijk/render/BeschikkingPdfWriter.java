package nl.kansrijkewijk.render;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import nl.kansrijkewijk.aanvraag.Aanvraag;
import nl.kansrijkewijk.besluit.Besluit;
import nl.kansrijkewijk.config.Afzender;
import nl.kansrijkewijk.config.AfzenderLoader;
import nl.kansrijkewijk.finding.Finding;
import nl.kansrijkewijk.regeling.Regeling;

/**
 * Writes concept-verleningsbeschikking.pdf: the draft decision as a Dutch ministry letter (art. 13 of the
 * regeling), PDF/A-2a and PDF/UA-1, "CONCEPT" on every page. When the aanvraag is refused as a whole
 * ({@link Besluit#rejectedWhole()} non-null) it writes a concept afwijzingsbeschikking instead.
 *
 * <p>Waarschuwingen appear only inside the marked reviewer's block of the "Beoordeling" paragraph, which the
 * reviewer replaces by the art. 12 judgement before signing; the full list with trails is in bevindingen.xlsx.
 *
 * <p>Same input, same bytes: the PDF's dates are the submission date (else the start of the period) and
 * its identifier a hash of the content.
 */
public final class BeschikkingPdfWriter {
    public static final String FILE_NAME = "concept-verleningsbeschikking.pdf";

    private final Afzender afzender;

    /** With this deployment's configuration ({@link AfzenderLoader#standard()}). */
    public BeschikkingPdfWriter() {
        this(AfzenderLoader.standard());
    }

    public BeschikkingPdfWriter(Afzender afzender) {
        this.afzender = Objects.requireNonNull(afzender, "afzender");
    }

    public byte[] write(Besluit besluit, Aanvraag aanvraag, List<Finding> findings, Regeling regeling) {
        return AccessiblePdf.render(xhtml(besluit, aanvraag, findings, regeling), documentDate(besluit, regeling));
    }

    /** The XHTML the PDF is rendered from; for tests and for a browser preview. */
    public String xhtml(Besluit besluit, Aanvraag aanvraag, List<Finding> findings, Regeling regeling) {
        return BeschikkingHtml.build(besluit, aanvraag, findings, regeling, afzender);
    }

    static LocalDate documentDate(Besluit besluit, Regeling regeling) {
        if (besluit.submissionDate() != null) {
            return besluit.submissionDate();
        }
        return besluit.periodFrom() != null ? besluit.periodFrom() : regeling.validFrom();
    }
}
