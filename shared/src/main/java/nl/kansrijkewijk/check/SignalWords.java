package nl.kansrijkewijk.check;

import java.util.ArrayList;
import java.util.List;
import nl.kansrijkewijk.regeling.Names;

/**
 * Finds signal words of the regeling data in free text: case- and accent-insensitive, whole words and whole
 * phrases only ("lunch" matches "Lunch!" but not "lunchroom"; "reis naar" matches "reis naar Parijs").
 */
public final class SignalWords {
    private SignalWords() {}

    /** The phrases (as written in the data) that occur in the text, in data order, without duplicates. */
    public static List<String> find(String text, List<String> phrases) {
        return find(text, phrases, List.of(), List.of());
    }

    /**
     * Same, but an occurrence directly after a negation word ("buiten de onderwijstijd", "geen lunch"; the skip words,
     * articles, may stand between) does not count; a phrase counts when at least one occurrence is not negated.
     */
    public static List<String> find(String text, List<String> phrases, List<String> negations, List<String> skipWords) {
        List<String> found = new ArrayList<>();
        if (text == null || phrases == null) {
            return found;
        }
        String haystack = " " + Names.normalise(text) + " ";
        List<String> needles = new ArrayList<>();
        for (String phrase : phrases) {
            String needle = Names.normalise(phrase);
            // "cito-training" and "cito training" are the same phrase once normalised: report it once.
            if (!needle.isEmpty() && !needles.contains(needle) && occursUnnegated(haystack, needle, negations, skipWords)) {
                needles.add(needle);
                found.add(phrase);
            }
        }
        return found;
    }

    private static boolean occursUnnegated(String haystack, String needle, List<String> negations, List<String> skip) {
        String n = " " + needle + " ";
        for (int at = haystack.indexOf(n); at >= 0; at = haystack.indexOf(n, at + 1)) {
            if (!negated(haystack.substring(0, at).strip(), negations, skip)) {
                return true;
            }
        }
        return false;
    }

    private static boolean negated(String before, List<String> negations, List<String> skip) {
        if (negations.isEmpty() || before.isEmpty()) {
            return false;
        }
        String[] words = before.split(" ");
        int i = words.length - 1;
        while (i >= 0 && isSkip(skip, words[i])) {
            i--;
        }
        final int k = i;
        return k >= 0 && negations.stream().anyMatch(w -> Names.normalise(w).equals(words[k]));
    }

    private static boolean isSkip(List<String> skip, String word) {
        return skip.stream().anyMatch(w -> Names.normalise(w).equals(word));
    }
}
