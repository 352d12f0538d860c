package nl.kansrijkewijk.check;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.kansrijkewijk.regeling.Names;

/**
 * Reads the diploma typed for an onderwijsassistent (art. 9, derde lid) as an mbo level. Higher education
 * counts above mbo 4; general secondary education and "geen" count as no vakopleiding (level 0). The
 * threshold itself comes from the regeling data. Several diplomas in one answer: the highest counts.
 */
public final class DiplomaLevel {
    /** Above every mbo level: a completed higher-education diploma. */
    static final int HIGHER_EDUCATION = 6;

    private static final Pattern MBO = Pattern.compile("\\b(?:mbo\\s*(?:niveau\\s*)?|niveau\\s*)([1-4])\\b");
    private static final Pattern HIGHER = Pattern.compile("\\b(?:hbo|wo|pabo|bachelor|master|hogeschool|universiteit)\\b");
    private static final Pattern ENTREE = Pattern.compile("\\bentree(?:opleiding)?\\b");
    private static final Pattern NO_VAKOPLEIDING =
            Pattern.compile("\\b(?:vmbo|havo|vwo|mavo|geen|basisschool|praktijkonderwijs)\\b");

    private DiplomaLevel() {}

    /** The level, or empty when the answer is blank or names no recognisable diploma. */
    public static OptionalInt of(String typed) {
        String s = Names.normalise(typed);
        if (s.isEmpty()) {
            return OptionalInt.empty();
        }
        int level = -1;
        if (HIGHER.matcher(s).find()) {
            level = HIGHER_EDUCATION;
        }
        Matcher m = MBO.matcher(s);
        while (m.find()) {
            level = Math.max(level, Integer.parseInt(m.group(1)));
        }
        if (level < 0 && ENTREE.matcher(s).find()) {
            level = 1;
        }
        if (level < 0 && NO_VAKOPLEIDING.matcher(s).find()) {
            level = 0;
        }
        return level < 0 ? OptionalInt.empty() : OptionalInt.of(level);
    }

    /** "mbo-niveau 2", "hbo/wo", "geen vakopleiding" — for messages. */
    public static String describe(int level) {
        if (level >= HIGHER_EDUCATION) {
            return "hoger onderwijs";
        }
        return level <= 0 ? "geen vakopleiding" : "mbo-niveau " + level;
    }
}
