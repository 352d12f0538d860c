package nl.kansrijkewijk.pipeline;

import java.util.List;
import java.util.Locale;

/**
 * Which upload keys start the pipeline: every object under {@value #INBOX_PREFIX}, whatever its name, exactly the
 * S3 notification of template.yaml (a test holds the two together). A suffix filter in S3 is case-sensitive and
 * one per notification: "aanvraag.Pdf", ".xls" and ".ods" uploads then got no answer at all. Now every upload is
 * read by its content, and one that is not the form (another format included) gets a Dutch error report that says
 * which format to use. ./kw serve applies the same filter to emulate the trigger.
 */
public final class TriggerFilter {
    public static final String INBOX_PREFIX = "inbox/";
    /** The suffixes the form is provided in, compared ignoring case (for logs; the content decides). */
    public static final List<String> FORM_SUFFIXES = List.of(".pdf", ".xlsx");

    private TriggerFilter() {}

    /** Every object under the inbox, except a "folder" placeholder ending in "/". */
    public static boolean matches(String key) {
        return key != null && key.startsWith(INBOX_PREFIX) && !key.endsWith("/")
                && key.length() > INBOX_PREFIX.length();
    }

    /** Whether the name ends in a suffix the form comes in, in any case (".PDF", ".Xlsx"). */
    public static boolean hasFormSuffix(String key) {
        String lower = key == null ? "" : key.toLowerCase(Locale.ROOT);
        return FORM_SUFFIXES.stream().anyMatch(lower::endsWith);
    }
}
