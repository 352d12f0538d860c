package nl.kansrijkewijk.pipeline.status;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reading an upload key, {@code inbox/<CBS code>/<file>}: the gemeente and, for an upload made through the portal
 * ({@code <tracking id>-<file name>}), its tracking id. Writing keys is the portal's (UploadKeys).
 */
public final class InboxKeys {
    public static final String INBOX_PREFIX = "inbox/";
    public static final Pattern CBS_CODE = Pattern.compile("GM\\d{4}");
    private static final Pattern TRACKED = Pattern.compile("(\\d{8}-\\d{6}-[0-9a-f]{6})-(.+)");

    private InboxKeys() {}

    /** Tracking id and file name of an inbox key; an upload made straight to S3 has its file name as id. */
    public record Parsed(String cbsCode, String trackingId, String fileName) {}

    public static Optional<Parsed> parse(String key) {
        if (key == null || !key.startsWith(INBOX_PREFIX)) {
            return Optional.empty();
        }
        String rest = key.substring(INBOX_PREFIX.length());
        int slash = rest.indexOf('/');
        if (slash <= 0 || slash == rest.length() - 1 || rest.indexOf('/', slash + 1) >= 0) {
            return Optional.empty();
        }
        String code = rest.substring(0, slash);
        if (!CBS_CODE.matcher(code).matches()) {
            return Optional.empty();
        }
        String file = rest.substring(slash + 1);
        Matcher m = TRACKED.matcher(file);
        return Optional.of(m.matches() ? new Parsed(code, m.group(1), m.group(2)) : new Parsed(code, file, file));
    }
}
