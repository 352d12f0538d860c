package nl.kansrijkewijk.pipeline;

import java.util.List;

/**
 * Which upload keys start the pipeline: exactly the S3 notification filters of template.yaml (a test
 * holds the two together). S3 compares suffixes case-sensitively and allows one suffix per notification,
 * hence one entry per spelling. ./kw serve applies the same filter to emulate the trigger.
 */
public final class TriggerFilter {
    public static final String INBOX_PREFIX = "inbox/";
    public static final List<String> SUFFIXES = List.of(".pdf", ".PDF", ".xlsx", ".XLSX");

    private TriggerFilter() {}

    public static boolean matches(String key) {
        if (key == null || !key.startsWith(INBOX_PREFIX) || key.endsWith("/")) {
            return false;
        }
        for (String suffix : SUFFIXES) {
            if (key.endsWith(suffix) && key.length() > INBOX_PREFIX.length() + suffix.length()) {
                return true;
            }
        }
        return false;
    }
}
