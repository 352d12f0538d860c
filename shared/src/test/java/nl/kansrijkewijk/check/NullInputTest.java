package nl.kansrijkewijk.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import nl.kansrijkewijk.aanvraag.Aanvraag;
import nl.kansrijkewijk.aanvraag.AanvraagKind;
import nl.kansrijkewijk.aanvraag.Activity;
import nl.kansrijkewijk.aanvraag.BudgetLine;
import nl.kansrijkewijk.aanvraag.SchoolEnOmgeving;
import nl.kansrijkewijk.besluit.Besluit;
import nl.kansrijkewijk.besluit.BesluitCalculator;
import nl.kansrijkewijk.finding.Finding;
import org.junit.jupiter.api.Test;

/** Readers leave unreadable or blank values null; the checker and the Besluit must cope with any of them. */
class NullInputTest {

    @Test
    void anEmptyAanvraagIsRefusedAsUnknownGemeenteWithoutExceptions() {
        Aanvraag a = new Aanvraag(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        List<Finding> f = Checks.check(a);
        assertTrue(Checks.rules(f).contains("GEMEENTE-ONBEKEND"), Checks.describe(f));
        assertTrue(Checks.rules(f).contains("DATUM-ONTBREEKT"));
        assertEquals(4, Checks.of(f, "VERKLARING-ONTBREEKT").size());
        Besluit b = new BesluitCalculator().calculate(a, Checks.TRANCHE_1, f);
        assertEquals(List.of(), b.onderdelen());
        assertEquals("KW-2023-GM0000-V", b.kenmerk(), "no gemeente, no code: the placeholder code of Kenmerk");
    }

    @Test
    void nullsInsideRowsActivitiesAndSectionD() {
        TreeMap<Integer, BigDecimal> withNull = new TreeMap<>();
        withNull.put(2023, new BigDecimal("1000.00"));
        withNull.put(2024, null);
        List<BudgetLine> budget = Arrays.asList(
                new BudgetLine("ARM", null, null, null, null, "B.ARM.fg1"),
                new BudgetLine("VEE", "Zuid", withNull, new BigDecimal("5.00"), null, null),
                new BudgetLine(null, null, new TreeMap<>(), null, null, "B.X.fg1"));
        Activity empty = new Activity(1, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        Activity seo = new Activity(2, "SEO", null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                Arrays.asList("12AB", null), null);
        Activity ojk = new Activity(3, "OJK", null, null, null, null, null, null, true, null, null, withNull, null, null, null, null, null, null, null);
        Activity vee = new Activity(4, "VEE", null, null, null, null, null, null, null, null, null, withNull, null, null, null, null, null, null, null);
        Activity integraal = new Activity(5, "INT", null, null, null, null, null, null, null, null, Arrays.asList("SEO", null), null,
                true, BigDecimal.TEN, null, null, null, null, null);
        Aanvraag a = new Aanvraag(null, "Rotterdam", null, Arrays.asList(null, "Zuid"), AanvraagKind.WIJZIGING, null, null, null, null,
                budget, List.of(empty, seo, ojk, vee, integraal),
                new SchoolEnOmgeving(null, null, null, Arrays.asList(new SchoolEnOmgeving.School(1, null, null, null, null))),
                null, null);
        List<Finding> f = Checks.check(a);
        assertTrue(Checks.rules(f).contains("ACTIVITEIT-ONDERDEEL"), Checks.describe(f));
        Besluit b = new BesluitCalculator().calculate(a, Checks.TRANCHE_1, f);
        assertTrue(b.onderdelen().stream().anyMatch(o -> o.onderdeel().equals("VEE")));
    }
}
