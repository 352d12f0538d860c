package nl.kansrijkewijk.check;

import java.util.Comparator;
import java.util.List;
import nl.kansrijkewijk.aanvraag.Aanvraag;
import nl.kansrijkewijk.aanvraag.BudgetGroups;
import nl.kansrijkewijk.finding.Finding;
import nl.kansrijkewijk.regeling.FocusgebiedNames;
import nl.kansrijkewijk.regeling.Regeling;
import nl.kansrijkewijk.regeling.Regeling.Gemeente;

/**
 * The order findings are reported in: severity, onderdeel in regeling order (findings about the aanvraag as a
 * whole first), focusgebied in the gemeente's order, activity number, rule id, message. Reader findings merged
 * later can be sorted with the same comparator.
 */
public final class FindingOrder {
    private FindingOrder() {}

    public static Comparator<Finding> comparator(Aanvraag aanvraag, Regeling regeling) {
        Gemeente g = aanvraag == null ? null : BudgetGroups.resolveGemeente(aanvraag, regeling).orElse(null);
        return Comparator.comparing(Finding::severity)
                .thenComparingInt(f -> BudgetGroups.onderdeelIndex(regeling, f.onderdeel()))
                .thenComparing(f -> f.onderdeel() == null ? "" : f.onderdeel())
                .thenComparingInt(f -> FocusgebiedNames.index(g, f.focusgebied()))
                .thenComparing(f -> f.focusgebied() == null ? "" : f.focusgebied())
                .thenComparingInt(f -> f.activity() == null ? -1 : f.activity())
                .thenComparing(Finding::rule)
                .thenComparing(f -> f.message() == null ? "" : f.message());
    }

    public static List<Finding> sorted(List<Finding> findings, Aanvraag aanvraag, Regeling regeling) {
        return findings.stream().sorted(comparator(aanvraag, regeling)).toList();
    }
}
