package nl.kansrijkewijk.dossier;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The dossier's key layout (in S3: the output bucket, prefix {@code dossier/}, no trigger):
 * <pre>
 * dossier/&lt;CBS&gt;/events/&lt;kenmerk&gt;/&lt;kind&gt;/&lt;cause&gt;.json   append-only events
 * dossier/&lt;CBS&gt;/documenten/&lt;sha256&gt;                         the uploads the events name, by content
 * dossier/&lt;CBS&gt;/&lt;kenmerk&gt;/&lt;view&gt;/…                           derived outputs, one folder per set of inputs
 * dossier/&lt;CBS&gt;/dossier.json                                 the projection (rewritten on every change)
 * </pre>
 * Because the key of an event is its cause, a repeated delivery lands on the same key and two different causes
 * never do.
 */
public final class EventKeys {
    public static final String ROOT = "dossier/";
    private static final Pattern CBS = Pattern.compile("GM\\d{4}");
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]+");

    private EventKeys() {}

    public static String gemeente(String cbsCode) {
        return ROOT + cbs(cbsCode) + "/";
    }

    public static String events(String cbsCode) {
        return gemeente(cbsCode) + "events/";
    }

    public static String event(DossierEvent e) {
        return events(e.gemeenteCode()) + safe(e.kenmerk()) + "/" + safe(e.kind()) + "/" + safe(e.cause()) + ".json";
    }

    public static String document(String cbsCode, String sha256) {
        return gemeente(cbsCode) + "documenten/" + safe(sha256);
    }

    public static String view(String cbsCode, String kenmerk, String view) {
        return gemeente(cbsCode) + safe(kenmerk) + "/" + safe(view) + "/";
    }

    public static String state(String cbsCode) {
        return gemeente(cbsCode) + "dossier.json";
    }

    /** A CBS code as the dossier uses it; anything else is refused, since it becomes part of a key. */
    public static String cbs(String cbsCode) {
        String c = cbsCode == null ? "" : cbsCode.strip().toUpperCase(Locale.ROOT);
        if (!CBS.matcher(c).matches()) {
            throw new IllegalArgumentException("geen CBS-gemeentecode (GM + vier cijfers): '" + cbsCode + "'");
        }
        return c;
    }

    private static String safe(String segment) {
        if (segment == null || !SAFE.matcher(segment).matches() || segment.startsWith(".")) {
            throw new IllegalArgumentException("not a safe key segment: '" + segment + "'");
        }
        return segment;
    }
}
