package nl.kansrijkewijk.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Money as exact {@link BigDecimal} euros with two decimals. Parses what people type into a Dutch form
 * ("€ 1.234.567,00", "1234567", "1.234.567", "1 234 567,5", "EUR 12,50", "12,-", "1,234,567.00") and
 * formats the way a ministry letter prints amounts ("€ 1.234.567"; cents only where there are any).
 */
public final class Money {
    public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);
    private static final Pattern DIGITS = Pattern.compile("[0-9.,\\s\\u00a0\\u202f']+");

    private Money() {}

    public static BigDecimal euros(long whole) {
        return BigDecimal.valueOf(whole).setScale(2);
    }

    public static BigDecimal scale(BigDecimal b) {
        return b.setScale(2, RoundingMode.HALF_UP);
    }

    /** A percentage of an amount, rounded half up to whole cents. */
    public static BigDecimal percent(BigDecimal amount, BigDecimal percent) {
        return amount.multiply(percent).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
    }

    public static BigDecimal sum(Iterable<BigDecimal> amounts) {
        BigDecimal s = ZERO;
        for (BigDecimal a : amounts) {
            if (a != null) {
                s = s.add(a);
            }
        }
        return scale(s);
    }

    /**
     * Parses a typed amount: blank gives an empty Optional; anything unreadable throws
     * {@link IllegalArgumentException} with a Dutch message the user can act on.
     */
    public static Optional<BigDecimal> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.strip()
                .replace("€", "")
                .replaceFirst("(?i)^eur(o)?\\s*", "")
                .replaceFirst("(?i)\\s*euro?$", "")
                .replaceFirst("[,.]-+$", "")
                .strip();
        if (s.isEmpty() || s.equals("-")) {
            return Optional.empty();
        }
        boolean negative = false;
        if (s.startsWith("-") || (s.startsWith("(") && s.endsWith(")"))) {
            negative = true;
            s = s.replaceAll("^[-(]|\\)$", "").strip();
        }
        if (!DIGITS.matcher(s).matches() || !s.matches(".*[0-9].*")) {
            throw new IllegalArgumentException("'" + text.strip() + "' is geen bedrag");
        }
        s = s.replaceAll("[\\s\\u00a0\\u202f']", "");
        BigDecimal b;
        try {
            b = new BigDecimal(normaliseSeparators(s));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text.strip() + "' is geen bedrag");
        }
        if (b.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("'" + text.strip() + "' heeft meer dan twee decimalen");
        }
        b = b.setScale(2, RoundingMode.UNNECESSARY);
        return Optional.of(negative ? b.negate() : b);
    }

    /**
     * Dutch usage: '.' groups thousands and ',' separates decimals. Where both appear, the last one is the
     * decimal separator ("1,234,567.00" from an English spreadsheet). A lone separator followed by exactly
     * three digits groups thousands ("1.234" is one thousand two hundred thirty-four).
     */
    private static String normaliseSeparators(String s) {
        int comma = s.lastIndexOf(',');
        int dot = s.lastIndexOf('.');
        if (comma >= 0 && dot >= 0) {
            char decimal = comma > dot ? ',' : '.';
            char grouping = decimal == ',' ? '.' : ',';
            String withoutGrouping = s.replace(String.valueOf(grouping), "");
            if (withoutGrouping.indexOf(decimal) != withoutGrouping.lastIndexOf(decimal)) {
                throw new NumberFormatException(s);
            }
            return withoutGrouping.replace(decimal, '.');
        }
        char sep = comma >= 0 ? ',' : (dot >= 0 ? '.' : 0);
        if (sep == 0) {
            return s;
        }
        long count = s.chars().filter(c -> c == sep).count();
        String afterLast = s.substring(s.lastIndexOf(sep) + 1);
        if (count > 1 || afterLast.length() == 3) {
            return s.replace(String.valueOf(sep), "");
        }
        return s.replace(sep, '.');
    }

    /** "€ 1.234.567" or "€ 1.234.567,89"; a null amount prints as a dash. */
    public static String format(BigDecimal amount) {
        if (amount == null) {
            return "—";
        }
        BigDecimal b = scale(amount);
        DecimalFormatSymbols sym = new DecimalFormatSymbols(Locale.ROOT);
        sym.setGroupingSeparator('.');
        sym.setDecimalSeparator(',');
        boolean whole = b.remainder(BigDecimal.ONE).signum() == 0;
        DecimalFormat f = new DecimalFormat(whole ? "#,##0" : "#,##0.00", sym);
        f.setRoundingMode(RoundingMode.HALF_UP);
        String s = f.format(b.abs());
        return (b.signum() < 0 ? "-€ " : "€ ") + s;
    }

    /** Machine form for JSON: plain decimal with two places, e.g. "1234567.00". */
    public static String plain(BigDecimal amount) {
        return amount == null ? null : scale(amount).toPlainString();
    }
}
