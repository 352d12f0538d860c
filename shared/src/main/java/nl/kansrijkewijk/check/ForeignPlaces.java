package nl.kansrijkewijk.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.kansrijkewijk.regeling.Names;

/**
 * Art. 8(2)(c), "reizen naar het buitenland": foreign countries named in Dutch (from Java's locale data, so no list
 * of countries is kept by hand) and the adjectives the regeling data lists ("Belgische"). A Dutch place name is not
 * a country and is never found ("reis naar Enkhuizen").
 */
public final class ForeignPlaces {
    private static final Locale DUTCH = Locale.of("nl");
    /** normalised Dutch country name → the name as Java writes it ("belgie" → "België"). */
    private static final Map<String, String> COUNTRIES = countries();

    private ForeignPlaces() {}

    private static Map<String, String> countries() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String code : Locale.getISOCountries()) {
            if (code.equals("NL")) {
                continue;
            }
            String name = Locale.of("", code).getDisplayCountry(DUTCH);
            String n = Names.normalise(name);
            if (!n.isEmpty() && !n.equals(Names.normalise(code))) {
                m.putIfAbsent(n, name);
            }
        }
        return m;
    }

    /** The country names and adjectives in the text, as they are written, in order of first appearance. */
    public static List<String> find(String text, List<String> adjectives, List<String> notForeign) {
        List<String> found = new ArrayList<>();
        if (text == null) {
            return found;
        }
        String haystack = " " + Names.normalise(text) + " ";
        List<String> excluded = notForeign.stream().map(Names::normalise).toList();
        List<Map.Entry<Integer, String>> hits = new ArrayList<>();
        COUNTRIES.forEach((n, name) -> {
            int at = haystack.indexOf(" " + n + " ");
            if (at >= 0 && !excluded.contains(n)) {
                hits.add(Map.entry(at, name));
            }
        });
        for (String adjective : adjectives) {
            String n = Names.normalise(adjective);
            int at = haystack.indexOf(" " + n + " ");
            if (!n.isEmpty() && at >= 0) {
                hits.add(Map.entry(at, adjective));
            }
        }
        hits.sort(Map.Entry.comparingByKey());
        hits.forEach(h -> {
            if (!found.contains(h.getValue())) {
                found.add(h.getValue());
            }
        });
        return found;
    }
}
