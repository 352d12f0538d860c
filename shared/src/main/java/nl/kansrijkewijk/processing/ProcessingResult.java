package nl.kansrijkewijk.processing;

import java.util.SortedMap;
import nl.kansrijkewijk.provenance.Provenance;

/**
 * Outputs of one processed upload, by file name (e.g. "bevindingen.json", "concept-verleningsbeschikking.pdf"),
 * plus the numbers a summary line needs. Same input → byte-identical outputs.
 *
 * @param outcome    one Dutch word or phrase for the summary ("toekenning", "gedeeltelijke afwijzing", "afwijzing",
 *                   "onleesbaar", "andere gemeente")
 * @param kind       what the document was recognised as, by content
 * @param provenance what produced the outputs; null when the processor does not say
 */
public record ProcessingResult(
        Status status,
        String gemeente,
        String outcome,
        long afwijzingen,
        long waarschuwingen,
        SortedMap<String, byte[]> outputs,
        DocumentKind kind,
        Provenance provenance) {

    public ProcessingResult(Status status, String gemeente, String outcome, long afwijzingen, long waarschuwingen,
            SortedMap<String, byte[]> outputs) {
        this(status, gemeente, outcome, afwijzingen, waarschuwingen, outputs, null, null);
    }

    public enum Status {
        VERWERKT,
        ONLEESBAAR,
        /** Read, but not accepted where it was uploaded (e.g. another gemeente's folder): an error report, no decision. */
        GEWEIGERD
    }
}
