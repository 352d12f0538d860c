package nl.kansrijkewijk.processing;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The error report of an upload that cannot be processed: fout.json for machines, fout.txt for people, written
 * where its outputs would have been. One format whether the pipeline refuses the upload (too large) or the
 * reader cannot read it.
 */
public final class ErrorOutputs {
    public static final String SCHEMA = "kw-fout/1";

    private ErrorOutputs() {}

    /**
     * @param sha256      hex SHA-256 of the upload, or null when it was not downloaded
     * @param reason      a stable machine code: "onleesbaar", "te-groot", "te-complex", "afgebroken", "wachtwoord",
     *                    "ander-formaat", "niet-het-formulier", "beschadigd", "leeg"
     * @param userMessage Dutch, for the gemeente
     */
    public static SortedMap<String, byte[]> of(String documentName, String sha256, String reason, String userMessage) {
        return write(documentName, sha256, "onleesbaar", reason, userMessage,
                "Het geüploade bestand zelf is ongewijzigd bewaard. Upload een verbeterd exemplaar van het\n"
                        + "aanvraagformulier Regeling kansrijke wijk (PDF of Excel) om het opnieuw te laten beoordelen.\n");
    }

    /**
     * The report for a document that was read but is not accepted where it was uploaded (another gemeente's
     * folder, a folder of no gemeente): status "geweigerd", no decision. The message says where it belongs.
     *
     * @param reason a stable machine code: "andere-gemeente", "map-onbekend"
     */
    public static SortedMap<String, byte[]> refused(String documentName, String sha256, String reason, String userMessage) {
        return write(documentName, sha256, "geweigerd", reason, userMessage,
                "Het geüploade bestand zelf is ongewijzigd bewaard. Er is geen conceptbeschikking voor opgesteld.\n");
    }

    private static SortedMap<String, byte[]> write(String documentName, String sha256, String status, String reason,
            String userMessage, String closing) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("schema", SCHEMA);
        json.put("document", documentName);
        json.put("sha256", sha256);
        json.put("status", status);
        json.put("reason", reason);
        json.put("message", userMessage);
        String text = "Het bestand '" + documentName + "' is niet verwerkt.\n\n"
                + userMessage + "\n\n"
                + closing
                + (sha256 == null ? "" : "Kenmerk van de upload (SHA-256): " + sha256 + "\n");
        SortedMap<String, byte[]> out = new TreeMap<>();
        out.put(OutputNames.FOUT_JSON, Json.bytes(json));
        out.put(OutputNames.FOUT_TXT, text.getBytes(StandardCharsets.UTF_8));
        return out;
    }
}
