package nl.kansrijkewijk.processing;

import java.util.List;
import nl.kansrijkewijk.aanvraag.Aanvraag;
import nl.kansrijkewijk.besluit.Besluit;
import nl.kansrijkewijk.finding.Finding;
import nl.kansrijkewijk.finding.Severity;
import nl.kansrijkewijk.regeling.Regeling;

/**
 * Everything the core concluded about one upload, before it is written out. For an unreadable upload only
 * {@code documentName}, {@code sha256}, {@code error} (Dutch, for the gemeente) and {@code errorReason} (a stable
 * code: "te-groot", "afgebroken", "wachtwoord", … as in UnreadableDocumentException.Reason) are set.
 */
public record Evaluation(
        String documentName,
        String sha256,
        Aanvraag aanvraag,
        Regeling regeling,
        List<Finding> findings,
        Besluit besluit,
        String error,
        String errorReason) {

    public Evaluation(String documentName, String sha256, Aanvraag aanvraag, Regeling regeling, List<Finding> findings,
            Besluit besluit, String error) {
        this(documentName, sha256, aanvraag, regeling, findings, besluit, error, error == null ? null : "onleesbaar");
    }

    public boolean readable() {
        return error == null;
    }

    public long count(Severity severity) {
        return findings == null ? 0 : findings.stream().filter(f -> f.severity() == severity).count();
    }

    /** One Dutch word for summaries: toekenning, gedeeltelijke afwijzing, afwijzing, onleesbaar. */
    public String outcome() {
        if (!readable()) {
            return "onleesbaar";
        }
        if (besluit.rejectedWhole() != null || besluit.totalGranted().signum() == 0) {
            return "afwijzing";
        }
        return besluit.totalRefused().signum() > 0 ? "gedeeltelijke afwijzing" : "toekenning";
    }
}
