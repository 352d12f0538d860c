package nl.kansrijkewijk.functions.portal;

import nl.kansrijkewijk.pipeline.status.InboxKeys;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Upload keys: {@code inbox/<CBS code>/<tracking id>-<sanitised file name>}. The gemeente chooses only the
 * file name; the folder comes from its identity and the tracking id from the portal, so two uploads never
 * share a key and a name cannot lead out of the folder.
 */
public final class UploadKeys {
    public static final String INBOX_PREFIX = InboxKeys.INBOX_PREFIX;
    /** What the processing function reads (TriggerFilter of kw-function-aanvraag, lower case here). */
    public static final String[] EXTENSIONS = {".pdf", ".xlsx"};
    private static final int MAX_NAME = 100;
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(AMSTERDAM);
    private static final Pattern SAFE_SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,200}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private UploadKeys() {}

    /** A tracking id: sortable by time of request, unguessable enough to not collide (24 random bits per second). */
    public static String newTrackingId(Instant now) {
        byte[] b = new byte[3];
        RANDOM.nextBytes(b);
        return STAMP.format(now) + "-" + HexFormat.of().formatHex(b);
    }

    /**
     * The file name as it may appear in a key: the last path segment, accents removed, anything but letters,
     * digits, dot, dash and underscore replaced, the extension in lower case.
     *
     * @return empty when the name does not end in .pdf or .xlsx
     */
    public static Optional<String> sanitise(String original) {
        if (original == null) {
            return Optional.empty();
        }
        String name = original.strip();
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        String lower = name.toLowerCase(Locale.ROOT);
        String extension = null;
        for (String e : EXTENSIONS) {
            if (lower.endsWith(e)) {
                extension = e;
            }
        }
        if (extension == null) {
            return Optional.empty();
        }
        String base = Normalizer.normalize(name.substring(0, name.length() - extension.length()), Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "")
                .replaceAll("[^A-Za-z0-9._-]+", "-")
                .replaceAll("\\.{2,}", ".")
                .replaceAll("-{2,}", "-")
                .replaceAll("^[._-]+|[._-]+$", "");
        if (base.isEmpty()) {
            base = "document";
        }
        if (base.length() > MAX_NAME) {
            base = base.substring(0, MAX_NAME);
        }
        return Optional.of(base + extension);
    }

    public static String key(Caller.Gemeente gemeente, String trackingId, String sanitisedName) {
        String key = INBOX_PREFIX + gemeente.cbsCode() + "/" + trackingId + "-" + sanitisedName;
        if (!isOwnInboxKey(gemeente, key)) {
            throw new IllegalArgumentException("key outside the gemeente's inbox: " + key);
        }
        return key;
    }

    /** Exactly one clean segment directly under the gemeente's own inbox folder. */
    public static boolean isOwnInboxKey(Caller caller, String key) {
        if (!(caller instanceof Caller.Gemeente g) || key == null) {
            return false;
        }
        String prefix = INBOX_PREFIX + g.cbsCode() + "/";
        if (!key.startsWith(prefix)) {
            return false;
        }
        String rest = key.substring(prefix.length());
        return SAFE_SEGMENT.matcher(rest).matches() && !rest.contains("..");
    }

    /** Tracking id and file name of an inbox key ({@link InboxKeys#parse}). */
    public static Optional<InboxKeys.Parsed> parse(String key) {
        return InboxKeys.parse(key);
    }

    public static String contentType(String sanitisedName) {
        return sanitisedName.endsWith(".pdf") ? "application/pdf"
                : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    }
}
