package nl.kansrijkewijk.aanvraag;

import java.math.BigDecimal;
import java.util.SortedMap;

/**
 * One row of section B: the amount requested (inclusief btw) for one onderdeel, per year, for one
 * focusgebied (Amsterdam fills a row per focusgebied; other gemeenten one).
 *
 * @param onderdeel   onderdeel code (ORG, INT, ARM, VEE, REI, SEO, OJK)
 * @param focusgebied canonical focusgebied name this row is for
 * @param perYear     requested amount per year; a blank year is absent
 * @param statedTotal the total as typed in the form (may disagree with the years); null when blank
 * @param granted     wijziging only: the amount of the current verleningsbeschikking for this row
 * @param fieldPrefix form field key prefix of the row, e.g. "B.ARM.fg1", for locations
 */
public record BudgetLine(
        String onderdeel,
        String focusgebied,
        SortedMap<Integer, BigDecimal> perYear,
        BigDecimal statedTotal,
        BigDecimal granted,
        String fieldPrefix) {

    public BigDecimal sumOfYears() {
        return perYear.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
    }
}
