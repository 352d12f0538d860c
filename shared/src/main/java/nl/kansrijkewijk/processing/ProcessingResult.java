package nl.kansrijkewijk.processing;

import java.util.SortedMap;

/**
 * Outputs of one processed upload, by file name (e.g. "bevindingen.json", "concept-verleningsbeschikking.pdf"),
 * plus the numbers a summary line needs. Same input → byte-identical outputs.
 *
 * @param outcome one Dutch word or phrase for the summary ("toekenning", "gedeeltelijke afwijzing", "afwijzing", "onleesbaar")
 */
public record ProcessingResult(
        Status status,
        String gemeente,
        String outcome,
        long afwijzingen,
        long waarschuwingen,
        SortedMap<String, byte[]> outputs) {

    public enum Status {
        VERWERKT,
        ONLEESBAAR
    }
}
