package nl.kansrijkewijk.dossier;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Who a reviewer is, for the four-eyes rule. Until the portal adds a login, a reviewer is the name given with the
 * act; the name is compared after removing what does not tell two people apart (case, accents, spacing,
 * punctuation), so "J. de Vries", "j de vries" and "J.  DE VRIES " are one person and cannot approve their own
 * beoordeling.
 */
public final class Reviewers {
    private Reviewers() {}

    public static String identity(String name) {
        if (name == null) {
            return "";
        }
        String n = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        n = n.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        return n;
    }

    public static boolean samePerson(String a, String b) {
        return identity(a).equals(identity(b));
    }

    /** A reviewer must be named: at least two letters once normalised. */
    public static boolean named(String name) {
        return identity(name).replace(" ", "").length() >= 2;
    }
}
