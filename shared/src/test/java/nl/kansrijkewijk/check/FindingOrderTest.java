package nl.kansrijkewijk.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import nl.kansrijkewijk.aanvraag.Aanvraag;
import nl.kansrijkewijk.finding.Finding;
import nl.kansrijkewijk.finding.Severity;
import org.junit.jupiter.api.Test;

class FindingOrderTest {

    @Test
    void findingsAreSortedBySeverityOnderdeelFocusgebiedActivityRuleAndMessage() {
        for (Aanvraag a : Scenarios.faulty()) {
            List<Finding> f = Checks.check(a);
            for (int i = 1; i < f.size(); i++) {
                Finding p = f.get(i - 1);
                Finding c = f.get(i);
                assertTrue(p.severity().compareTo(c.severity()) <= 0, Checks.describe(f));
            }
            List<Finding> shuffled = new ArrayList<>(f);
            Collections.shuffle(shuffled, new Random(7));
            assertEquals(f, FindingOrder.sorted(shuffled, a, Checks.TRANCHE_1));
        }
    }

    @Test
    void onderdeelOrderIsTheRegelingsAndAanvraagLevelFindingsComeFirst() {
        List<Finding> f = Checks.check(Scenarios.amsterdamChaos());
        List<String> warnings = f.stream().filter(x -> x.severity() == Severity.WAARSCHUWING)
                .map(x -> x.onderdeel() == null ? "-" : x.onderdeel()).distinct().toList();
        assertEquals(List.of("-", "INT", "ARM", "VEE", "REI", "SEO", "OJK", "XYZ"), warnings);
        List<String> arm = f.stream().filter(x -> "ARM".equals(x.onderdeel()) && x.severity() == Severity.WAARSCHUWING)
                .map(x -> x.activity() == null ? "-" : String.valueOf(x.activity())).toList();
        // issue 7: activity 1's declared btw is a waarschuwing, not an afwijzing; Nieuw-West above its own termijnen
        // while Amsterdam is within its ARM maximum is FOCUSGEBIED-TERMIJNEN, no longer a refusal
        assertEquals(List.of("-", "-", "-", "1", "3"), arm);
    }

    @Test
    void checkingTwiceGivesEqualResults() {
        for (Aanvraag a : Scenarios.faulty()) {
            assertEquals(Checks.check(a), Checks.check(a));
        }
    }
}
