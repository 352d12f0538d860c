package nl.kansrijkewijk.functions.aanvraag;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The error report for an upload the pipeline itself refuses before any reader sees it (too large):
 * {@code fout.json} for machines and {@code fout.txt} for people, in the place its outputs would have been.
 * The processor writes the same two files for documents it cannot read.
 */
public final class ErrorReport {
    public static final String JSON = "fout.json";
    public static final String TEXT = "fout.txt";

    private ErrorReport() {}

    /**
     * @param reason      a stable machine code, e.g. "te-groot"
     * @param userMessage Dutch, shown to the gemeente
     */
    public static SortedMap<String, byte[]> outputs(String documentName, String reason, String userMessage) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("document", documentName);
        json.put("status", "onleesbaar");
        json.put("reason", reason);
        json.put("message", userMessage);
        String text = "Het document \"" + documentName + "\" is niet verwerkt.\n\n"
                + userMessage + "\n\n"
                + "Het geüploade bestand zelf is niet gewijzigd. Verbeter het bestand en upload het opnieuw.\n";
        SortedMap<String, byte[]> outputs = new TreeMap<>();
        outputs.put(JSON, Json.write(json));
        outputs.put(TEXT, text.getBytes(StandardCharsets.UTF_8));
        return outputs;
    }

    static SortedMap<String, byte[]> tooLarge(String documentName, long size, long maxBytes) {
        return outputs(documentName, "te-groot",
                "Het bestand is " + megabytes(size) + " groot; de grens is " + megabytes(maxBytes)
                        + ". Een aanvraagformulier (PDF of Excel) is veel kleiner. Upload alleen het ingevulde "
                        + "formulier, zonder ingescande bijlagen.");
    }

    /** "20,0 MB", "5 kB": one decimal with a Dutch comma; integer arithmetic keeps it locale-free. */
    static String megabytes(long bytes) {
        if (bytes < 1024 * 1024) {
            return ((bytes + 1023) / 1024) + " kB";
        }
        long tenths = (bytes * 10 + 512 * 1024) / (1024 * 1024);
        return (tenths / 10) + "," + (tenths % 10) + " MB";
    }
}
