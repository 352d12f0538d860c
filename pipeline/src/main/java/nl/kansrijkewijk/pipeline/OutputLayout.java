package nl.kansrijkewijk.pipeline;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;
import nl.kansrijkewijk.hash.Sha256;

/**
 * Where the outputs of one upload go in the output bucket:
 * {@code <upload key without "inbox/">/<versionId or ETag>/<output file>}, e.g.
 * {@code GM0363/aanvraag.pdf/3sL4kqtJlcpXroDTDmJ.rbVPaU5cT5pg/bevindingen.json}.
 * The key depends only on the upload's identity, so a repeated event targets the same keys, and a new
 * upload under the same name gets a folder of its own. {@value #MANIFEST} is written last and marks the
 * folder complete.
 */
public final class OutputLayout {
    public static final String MANIFEST = "manifest.json";

    private static final Pattern SAFE_TOKEN = Pattern.compile("[A-Za-z0-9._-]{1,128}");
    private static final Pattern OUTPUT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private OutputLayout() {}

    public static String prefix(UploadRef upload) {
        if (!upload.key().startsWith(TriggerFilter.INBOX_PREFIX)) {
            throw new IllegalArgumentException("not an inbox key: " + upload.key());
        }
        return upload.key().substring(TriggerFilter.INBOX_PREFIX.length()) + "/" + token(upload) + "/";
    }

    /** The version id where the bucket has versions, else the ETag (content hash of a single-part upload). */
    static String token(UploadRef upload) {
        String token = upload.pinnedVersionId() != null ? upload.pinnedVersionId() : upload.eTag();
        if (token == null || token.isBlank()) {
            throw new IllegalStateException("upload has neither version id nor ETag: " + upload.describe());
        }
        // Version ids and ETags are URL-safe today; anything else is hashed rather than put in a key.
        return SAFE_TOKEN.matcher(token).matches() ? token : "h" + Sha256.hex(token.getBytes(StandardCharsets.UTF_8)).substring(0, 40);
    }

    /** Output names are plain file names chosen by the processor; the manifest name is reserved. */
    static boolean isValidOutputName(String name) {
        return OUTPUT_NAME.matcher(name).matches() && !name.equals(MANIFEST) && !name.contains("..");
    }

    static String contentType(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".json")) {
            return "application/json; charset=utf-8";
        } else if (lower.endsWith(".pdf")) {
            return "application/pdf";
        } else if (lower.endsWith(".xlsx")) {
            return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        } else if (lower.endsWith(".txt")) {
            return "text/plain; charset=utf-8";
        } else if (lower.endsWith(".html")) {
            return "text/html; charset=utf-8";
        } else if (lower.endsWith(".csv")) {
            return "text/csv; charset=utf-8";
        }
        return "application/octet-stream";
    }
}
