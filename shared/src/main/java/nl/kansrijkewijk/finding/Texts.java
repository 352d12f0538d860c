package nl.kansrijkewijk.finding;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import nl.kansrijkewijk.money.DutchDates;
import nl.kansrijkewijk.regeling.Regeling;

/** Dutch wording shared by the rules' messages and trails. */
public final class Texts {
    private Texts() {}

    public static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public static String quote(String s) {
        return "'" + (s == null ? "" : s.strip()) + "'";
    }

    public static String capitalise(String s) {
        return s == null || s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** "a", "a en b", "a, b en c". */
    public static String join(List<String> items) {
        if (items.isEmpty()) {
            return "";
        }
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " en " + items.get(items.size() - 1);
    }

    /** "85 %" or "84,21 %": a percentage to at most two decimals, Dutch decimal comma. */
    public static String percent(BigDecimal p) {
        BigDecimal r = p.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        if (r.scale() < 0) {
            r = r.setScale(0);
        }
        return r.toPlainString().replace('.', ',') + " %";
    }

    /** part / whole × 100 to four decimals (only for display; comparisons are done on exact products). */
    public static BigDecimal ratio(BigDecimal part, BigDecimal whole) {
        return part.multiply(BigDecimal.valueOf(100)).divide(whole, 4, RoundingMode.HALF_UP);
    }

    /** "1 augustus 2023 tot en met 30 september 2023". */
    public static String period(Regeling.Period p) {
        return DutchDates.format(p.from()) + " tot en met " + DutchDates.format(p.through());
    }

    public static String yesNo(Boolean b) {
        return b == null ? "(leeg)" : b ? "ja" : "nee";
    }

    public static String orEmpty(String s) {
        return blank(s) ? "(leeg)" : s.strip();
    }
}
