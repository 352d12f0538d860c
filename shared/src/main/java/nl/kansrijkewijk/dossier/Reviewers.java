package nl.kansrijkewijk.dossier;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who a reviewer is, for the four-eyes rule. Until the portal adds a login, a reviewer is the name given with the
 * act; the name is compared after removing what does not tell two people apart — case, accents, spacing,
 * punctuation, invisible characters (zero-width spaces, soft hyphens), compatibility forms (full-width or
 * mathematical letters) and the order of the words — so "J. de Vries", "j de vries", "J.  DE VRIES ",
 * "de Vries, J." and "J.\u200Bde Vries" are one person and cannot approve their own beoordeling. A name mixing
 * alphabets (a Cyrillic "а" among Latin letters looks the same and would compare as another name) is no name.
 */
public final class Reviewers {
    private Reviewers() {}

    public static String identity(String name) {
        if (name == null) {
            return "";
        }
        String n = name.replaceAll("\\p{Cf}+", "");
        n = Normalizer.normalize(n, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        n = fold(n.toLowerCase(Locale.ROOT)).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        String[] words = n.split(" ");
        Arrays.sort(words);
        return String.join(" ", words);
    }

    public static boolean samePerson(String a, String b) {
        return identity(a).equals(identity(b));
    }

    /** A reviewer must be named: at least two letters once normalised, in one alphabet. */
    public static boolean named(String name) {
        return identity(name).replace(" ", "").length() >= 2 && !mixedScripts(name);
    }

    /** Whether the letters of a name come from more than one alphabet (Latin and Cyrillic, say). */
    public static boolean mixedScripts(String name) {
        if (name == null) {
            return false;
        }
        String n = Normalizer.normalize(name, Normalizer.Form.NFKD);
        Set<Character.UnicodeScript> scripts = new TreeSet<>();
        n.codePoints().filter(Character::isLetter).forEach(cp -> scripts.add(Character.UnicodeScript.of(cp)));
        scripts.remove(Character.UnicodeScript.COMMON);
        scripts.remove(Character.UnicodeScript.INHERITED);
        return scripts.size() > 1;
    }

    /** Latin letters NFKD leaves alone but a typist may write either way. */
    private static String fold(String s) {
        return s.replace("ß", "ss").replace("æ", "ae").replace("œ", "oe").replace("ø", "o").replace("ł", "l")
                .replace("đ", "d").replace("ı", "i");
    }
}
