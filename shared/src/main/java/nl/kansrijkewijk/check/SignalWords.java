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
        List<String> found = new ArrayList<>();
        if (text == null || phrases == null) {
            return found;
        }
        String haystack = " " + Names.normalise(text) + " ";
        List<String> needles = new ArrayList<>();
        for (String phrase : phrases) {
            String needle = Names.normalise(phrase);
            // "cito-training" and "cito training" are the same phrase once normalised: report it once.
            if (!needle.isEmpty() && !needles.contains(needle) && haystack.contains(" " + needle + " ")) {
                needles.add(needle);
                found.add(phrase);
            }
        }
        return found;
    }
}
