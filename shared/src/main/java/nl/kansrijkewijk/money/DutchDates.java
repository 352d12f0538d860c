package nl.kansrijkewijk.money;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Dutch dates: parses "30-09-2023", "30/9/2023", "30.09.23", "2023-09-30", "30 september 2023", "30 sept. 2023"; prints "30 september 2023". */
public final class DutchDates {
    public static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    public static final Locale NL = Locale.of("nl", "NL");
    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("d MMMM yyyy", NL);

    private static final Pattern DMY = Pattern.compile("(\\d{1,2})[-/. ](\\d{1,2})[-/. ](\\d{4}|\\d{2})");
    private static final Pattern YMD = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ].*)?");
    private static final Pattern WORDS = Pattern.compile("(?:[a-z]+dag\\s+)?(\\d{1,2})\\s+([a-z]+)\\.?\\s+(\\d{4})");
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("maa", 3), Map.entry("mrt", 3),
            Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("mei", 5), Map.entry("may", 5),
            Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8), Map.entry("sep", 9),
            Map.entry("okt", 10), Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12));

    private DutchDates() {}

    /** Blank gives an empty Optional; anything unreadable throws IllegalArgumentException with a Dutch message. */
    public static Optional<LocalDate> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String s = text.strip().toLowerCase(NL).replace(",", "");
        try {
            Matcher m = YMD.matcher(s);
            if (m.matches()) {
                return Optional.of(LocalDate.of(i(m.group(1)), i(m.group(2)), i(m.group(3))));
            }
            m = DMY.matcher(s);
            if (m.matches()) {
                int year = i(m.group(3));
                return Optional.of(LocalDate.of(year < 100 ? 2000 + year : year, i(m.group(2)), i(m.group(1))));
            }
            m = WORDS.matcher(s);
            if (m.matches() && m.group(2).length() >= 3) {
                Integer month = MONTHS.get(m.group(2).substring(0, 3));
                if (month != null) {
                    return Optional.of(LocalDate.of(i(m.group(3)), month, i(m.group(1))));
                }
            }
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + text.strip() + "' is geen bestaande datum");
        }
        throw new IllegalArgumentException("'" + text.strip() + "' is geen datum (schrijf bijvoorbeeld 30-09-2023)");
    }

    private static int i(String s) {
        return Integer.parseInt(s);
    }

    /** "30 september 2023"; null prints as a dash. */
    public static String format(LocalDate d) {
        return d == null ? "—" : LONG.format(d);
    }

    /** "zaterdag 23 december 2023"; null prints as a dash. */
    public static String formatWithWeekday(LocalDate d) {
        return d == null ? "—" : d.getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, NL) + " " + LONG.format(d);
    }

    /** True on Saturday and Sunday: a window edge there is worth naming for the reviewer. */
    public static boolean weekend(LocalDate d) {
        return d != null && (d.getDayOfWeek() == java.time.DayOfWeek.SATURDAY || d.getDayOfWeek() == java.time.DayOfWeek.SUNDAY);
    }
}
