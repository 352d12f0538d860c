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
    /**
     * Attempt markers live under this top-level folder of the output bucket, mirroring the output folder
     * ({@code verwerking/<output folder>poging-1.json}, …), apart from what the gemeente reads. Written before an
     * attempt processes the upload: an attempt that dies (out of memory, timeout) leaves its marker, so a later
     * attempt knows and answers with an error report.
     */
    public static final String ATTEMPTS_FOLDER = "verwerking/";

    /** S3's limit on a key, in UTF-8 bytes. */
    static final int MAX_KEY_BYTES = 1024;
    /**
     * Bytes left for the upload's own path in an output key: the limit less "/", a token of at most 128 bytes,
     * "/" and an output name of at most 100 bytes (or the attempts folder and a marker name), with room to spare.
     */
    static final int MAX_PATH_BYTES = 700;
    private static final int KEPT_NAME_BYTES = 150;

    private static final Pattern SAFE_TOKEN = Pattern.compile("[A-Za-z0-9._-]{1,128}");
    private static final Pattern OUTPUT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private OutputLayout() {}

    public static String prefix(UploadRef upload) {
        if (!upload.key().startsWith(TriggerFilter.INBOX_PREFIX)) {
            throw new IllegalArgumentException("not an inbox key: " + upload.key());
        }
        return path(upload.key().substring(TriggerFilter.INBOX_PREFIX.length())) + "/" + token(upload) + "/";
    }

    /**
     * The upload's path, or, when it is too long to leave room for the output names within S3's key limit, its
     * first folder (the gemeente) and the start of the file name followed by "~" and a hash of the whole path:
     * deterministic, still recognisable, and distinct for distinct uploads.
     */
    static String path(String path) {
        if (utf8(path) <= MAX_PATH_BYTES) {
            return path;
        }
        String hash = Sha256.hex(path.getBytes(StandardCharsets.UTF_8)).substring(0, 16);
        int slash = path.indexOf('/');
        String folder = slash > 0 && utf8(path.substring(0, slash)) <= 100 ? path.substring(0, slash + 1) : "";
        String name = path.substring(path.lastIndexOf('/') + 1);
        return folder + truncate(name, KEPT_NAME_BYTES) + "~" + hash;
    }

    /** The longest prefix of {@code s} within {@code maxBytes} UTF-8 bytes, never splitting a character. */
    private static String truncate(String s, int maxBytes) {
        int bytes = 0;
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            int n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes + n > maxBytes) {
                break;
            }
            bytes += n;
            i += Character.charCount(cp);
        }
        return s.substring(0, i);
    }

    private static int utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** The key of the marker of attempt {@code n} (1-based) for the output folder {@code prefix}. */
    public static String attemptMarker(String prefix, int n) {
        return ATTEMPTS_FOLDER + prefix + "poging-" + n + ".json";
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
