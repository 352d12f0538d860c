package nl.kansrijkewijk.reader;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.kansrijkewijk.aanvraag.Source.DocumentShape;

/**
 * What one shape reader found: raw values by form field key and the form version markers it saw. The one
 * {@link AanvraagMapper} turns this into an Aanvraag, so all shapes are interpreted identically.
 */
final class RawForm {
    final DocumentShape shape;
    final Map<String, RawValue> values = new LinkedHashMap<>();
    final Set<String> versions;
    /** Whether the document names the regeling or the form anywhere (recognisable even without keys). */
    boolean titleSeen;
    /** Embedded files or actions found in a PDF (Dutch phrases), for LEES-BIJLAGE-ACTIEF. */
    final List<String> activeContent = new ArrayList<>();
    /** Fields whose text held direction-control characters (removed before use), for LEES-TEKENS. */
    final Set<String> bidiFields = new LinkedHashSet<>();
    private final int maxTextLength;

    RawForm(DocumentShape shape, Set<String> versions, int maxTextLength) {
        this.shape = shape;
        this.versions = versions;
        this.maxTextLength = maxTextLength;
    }

    /**
     * Keeps the first value per key. Text is made safe to show: direction controls (U+202A–U+202E, U+2066–U+2069),
     * which can make a name or amount display reversed to a reviewer, are removed and the field is noted; a text
     * longer than the limit is not used (it becomes a LEES-VELD problem).
     */
    void put(String key, RawValue value) {
        if (values.containsKey(key)) {
            return;
        }
        String text = value.text();
        if (text != null && !text.isEmpty()) {
            String clean = withoutBidiControls(text);
            if (clean.length() != text.length()) {
                bidiFields.add(key);
            }
            if (clean.length() > maxTextLength) {
                value = new RawValue(clean.substring(0, 60) + "…", value.location(), "de tekst is langer dan "
                        + maxTextLength + " tekens");
            } else if (clean.length() != text.length()) {
                value = new RawValue(clean, value.location(), value.problem());
            }
        }
        values.put(key, value);
    }

    static String withoutBidiControls(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean control = (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
            if (control && b == null) {
                b = new StringBuilder(s.length()).append(s, 0, i);
            } else if (!control && b != null) {
                b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }
}
