package nl.kansrijkewijk.pipeline;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The gemeente an upload belongs to is the folder it was written to, {@code inbox/<CBS code>/…}: the folder is what
 * a gemeente's access rights let it write (template.yaml), so it is authoritative, never the form's own claim.
 * Whether the code is one of the regeling's gemeenten is for the processor, which knows the regeling.
 */
public final class GemeenteFolder {
    private static final Pattern CBS_CODE = Pattern.compile("GM\\d{4}");

    private GemeenteFolder() {}

    /** @return the CBS code of {@code inbox/GM0363/a.pdf}; empty for a key outside a gemeente folder */
    public static Optional<String> of(String key) {
        if (key == null || !key.startsWith(TriggerFilter.INBOX_PREFIX)) {
            return Optional.empty();
        }
        String rest = key.substring(TriggerFilter.INBOX_PREFIX.length());
        int slash = rest.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        String folder = rest.substring(0, slash);
        return CBS_CODE.matcher(folder).matches() ? Optional.of(folder) : Optional.empty();
    }

    /** The folder name as the user sees it, for the error report: "onbekend" for inbox/onbekend/a.pdf. */
    static String folderName(String key) {
        String rest = key.startsWith(TriggerFilter.INBOX_PREFIX) ? key.substring(TriggerFilter.INBOX_PREFIX.length()) : key;
        int slash = rest.indexOf('/');
        return slash < 0 ? "" : rest.substring(0, slash);
    }
}
