package nl.kansrijkewijk.reader;

import java.util.LinkedHashMap;
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

    RawForm(DocumentShape shape, Set<String> versions) {
        this.shape = shape;
        this.versions = versions;
    }

    void put(String key, RawValue value) {
        values.putIfAbsent(key, value);
    }
}
