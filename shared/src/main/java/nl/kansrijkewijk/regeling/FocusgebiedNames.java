package nl.kansrijkewijk.regeling;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.kansrijkewijk.regeling.Regeling.Gemeente;

/**
 * Matches a typed focusgebied to one of a gemeente's: case, accents, hyphens and spaces do not matter, and
 * the gemeente's name may precede it or follow after "in" ("Amsterdam Zuidoost", "Zuid in Rotterdam").
 */
public final class FocusgebiedNames {
    private FocusgebiedNames() {}

    public static Optional<String> match(Gemeente gemeente, String typed) {
        if (gemeente == null || typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        String t = compact(typed);
        List<String> gemeenteNames = new ArrayList<>();
        gemeenteNames.add(compact(gemeente.name()));
        gemeente.aliases().forEach(a -> gemeenteNames.add(compact(a)));
        for (String fg : gemeente.focusgebieden()) {
            String f = compact(fg);
            if (t.equals(f)) {
                return Optional.of(fg);
            }
            for (String g : gemeenteNames) {
                if (t.equals(g + f) || t.equals(f + "in" + g) || t.equals(f + g)) {
                    return Optional.of(fg);
                }
            }
        }
        return Optional.empty();
    }

    private static String compact(String s) {
        return Names.normalise(s).replace(" ", "");
    }

    /** Position of a focusgebied in the gemeente's list (for ordering); unknown ones sort last. */
    public static int index(Gemeente gemeente, String focusgebied) {
        if (focusgebied == null) {
            return -1;
        }
        int i = gemeente == null ? -1 : gemeente.focusgebieden().indexOf(focusgebied);
        return i >= 0 ? i : Integer.MAX_VALUE;
    }
}
