package nl.kansrijkewijk.regeling;

import java.text.Normalizer;
import java.util.Locale;

/** Comparison form of names typed by people: case, accents, quotes, hyphens and spacing do not matter. */
public final class Names {
    private Names() {}

    public static String normalise(String s) {
        if (s == null) {
            return "";
        }
        String n = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return n.toLowerCase(Locale.ROOT).replaceAll("['’`]", "").replaceAll("[^a-z0-9]+", " ").strip();
    }
}
