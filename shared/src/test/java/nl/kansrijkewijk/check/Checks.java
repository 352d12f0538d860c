package nl.kansrijkewijk.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;
import nl.kansrijkewijk.aanvraag.Aanvraag;
import nl.kansrijkewijk.finding.Finding;
import nl.kansrijkewijk.finding.RuleCatalogue;
import nl.kansrijkewijk.money.Money;
import nl.kansrijkewijk.regeling.Regeling;
import nl.kansrijkewijk.regeling.RegelingCatalogus;

/** Shared test plumbing: the shipped regeling and catalogue, and finding look-ups with readable failures. */
public final class Checks {
    public static final Regeling TRANCHE_1 = RegelingCatalogus.standard().first();
    public static final AanvraagChecker CHECKER = new AanvraagChecker(RuleCatalogue.standard());

    private Checks() {}

    public static List<Finding> check(Aanvraag a) {
        return CHECKER.check(a, TRANCHE_1);
    }

    public static List<Finding> of(List<Finding> findings, String rule) {
        return findings.stream().filter(f -> f.rule().equals(rule)).toList();
    }

    /** The single finding of a rule; fails listing all findings when there is not exactly one. */
    public static Finding one(List<Finding> findings, String rule) {
        List<Finding> matching = of(findings, rule);
        if (matching.size() != 1) {
            fail("expected exactly one " + rule + " but got " + matching.size() + "; findings:\n" + describe(findings));
        }
        return matching.get(0);
    }

    public static void none(List<Finding> findings, String rule) {
        if (!of(findings, rule).isEmpty()) {
            fail("expected no " + rule + "; findings:\n" + describe(findings));
        }
    }

    public static List<String> rules(List<Finding> findings) {
        return findings.stream().map(Finding::rule).toList();
    }

    public static String describe(List<Finding> findings) {
        return findings.stream()
                .map(f -> "  " + f.severity().label() + " " + f.rule() + " [" + f.onderdeel() + "/" + f.focusgebied() + "/" + f.activity()
                        + "] " + f.refusedAmount() + " @" + (f.location() == null ? null : f.location().field()) + ": " + f.message())
                .collect(Collectors.joining("\n"));
    }

    public static BigDecimal eur(String dutch) {
        return Money.parse(dutch).orElseThrow();
    }

    public static void assertAmount(String expectedDutch, BigDecimal actual) {
        assertEquals(eur(expectedDutch), actual, () -> "expected " + expectedDutch + " but was " + actual);
    }
}
