package nl.kansrijkewijk.besluit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import nl.kansrijkewijk.money.Money;

/**
 * Art. 13, vierde lid: the voorschot is paid in the Bijlage's yearly termijnen. A granted amount is spread over
 * the years in proportion to those termijnen; when it lies between the sum of the termijnen and the amount the
 * Bijlage states (both included) the termijnen are paid as they are and the last one absorbs the difference.
 * Each year is rounded half up to cents and the last year takes what rounding leaves, so the result always adds
 * up to exactly the amount.
 */
public final class Installments {
    private Installments() {}

    /**
     * @param amount  the amount to spread (scale 2, not negative)
     * @param weights the Bijlage termijnen per year (the years of the result)
     * @param stated  the amount the Bijlage states, or null
     * @param steps   receives the computation in Dutch, for a trail (may be null)
     */
    public static SortedMap<Integer, BigDecimal> spread(
            BigDecimal amount, SortedMap<Integer, BigDecimal> weights, BigDecimal stated, List<String> steps) {
        List<String> log = steps == null ? new ArrayList<>() : steps;
        SortedMap<Integer, BigDecimal> out = new TreeMap<>();
        if (weights.isEmpty()) {
            return out;
        }
        BigDecimal base = Money.sum(weights.values());
        int last = weights.lastKey();
        if (base.signum() == 0) {
            weights.keySet().forEach(y -> out.put(y, Money.ZERO));
            out.put(last, Money.scale(amount));
            return out;
        }
        if (isFull(amount, base, stated)) {
            weights.forEach((y, w) -> out.put(y, Money.scale(w)));
            BigDecimal diff = Money.scale(amount.subtract(base));
            out.put(last, out.get(last).add(diff));
            if (diff.signum() == 0) {
                log.add("termijnen = de termijnen van de Bijlage");
            } else {
                log.add("termijnen = de termijnen van de Bijlage; de laatste termijn (" + last + ") neemt het verschil op: "
                        + Money.format(weights.get(last)) + (diff.signum() > 0 ? " + " : " − ") + Money.format(diff.abs())
                        + " = " + Money.format(out.get(last)));
            }
            return out;
        }
        BigDecimal assigned = Money.ZERO;
        for (Map.Entry<Integer, BigDecimal> e : weights.entrySet()) {
            if (e.getKey() == last) {
                break;
            }
            BigDecimal part = amount.multiply(e.getValue()).divide(base, 2, RoundingMode.HALF_UP);
            out.put(e.getKey(), part);
            assigned = assigned.add(part);
            log.add(e.getKey() + ": " + Money.format(amount) + " × " + Money.format(e.getValue()) + " / " + Money.format(base)
                    + " = " + Money.format(part));
        }
        BigDecimal rest = Money.scale(amount.subtract(assigned));
        out.put(last, rest);
        log.add(last + " (rest): " + Money.format(amount) + " − " + Money.format(assigned) + " = " + Money.format(rest));
        return out;
    }

    static boolean isFull(BigDecimal amount, BigDecimal base, BigDecimal stated) {
        BigDecimal other = stated == null ? base : stated;
        BigDecimal low = base.min(other);
        BigDecimal high = base.max(other);
        return amount.compareTo(low) >= 0 && amount.compareTo(high) <= 0;
    }

    /** Each year's installment less its btw share (half up to cents); the last year takes the remainder of payable. */
    public static SortedMap<Integer, BigDecimal> lessBtw(
            SortedMap<Integer, BigDecimal> installments, BigDecimal btwPercent, BigDecimal payable) {
        SortedMap<Integer, BigDecimal> out = new TreeMap<>();
        if (installments.isEmpty()) {
            return out;
        }
        int last = installments.lastKey();
        BigDecimal assigned = Money.ZERO;
        for (Map.Entry<Integer, BigDecimal> e : installments.entrySet()) {
            if (e.getKey() == last) {
                break;
            }
            BigDecimal p = e.getValue().subtract(Money.percent(e.getValue(), btwPercent));
            out.put(e.getKey(), p);
            assigned = assigned.add(p);
        }
        out.put(last, Money.scale(payable.subtract(assigned)));
        return out;
    }
}
