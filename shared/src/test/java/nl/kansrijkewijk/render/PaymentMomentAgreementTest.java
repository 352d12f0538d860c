package nl.kansrijkewijk.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.kansrijkewijk.besluit.PreviousVerlening;
import nl.kansrijkewijk.config.AfzenderLoader;
import org.junit.jupiter.api.Test;

/**
 * The letter tells the gemeente when each termijn is paid; a later wijziging counts a termijn as "al betaald" from
 * its payment moment on. Both must be the same day: read the day back from the rendered letter (with a formatter of
 * its own, not the renderer's) and ask the wijziging arithmetic whether the termijn is paid on it and the day before.
 */
class PaymentMomentAgreementTest {
    private static final Pattern YEAR_HEADER =
            Pattern.compile("<th scope=\"col\" class=\"num\"[^>]*>(\\d{4})<span class=\"sub\">([^<]*)</span>");
    private static final DateTimeFormatter STATED = DateTimeFormatter.ofPattern("'op 'd MMMM yyyy", Locale.of("nl"));

    @Test
    void theLetterStatesTheDayFromWhichTheWijzigingCountsATermijnAsPaid() {
        Scenarios.Case c = Scenarios.amsterdam();
        String html = BeschikkingHtml.build(c.besluit(), c.aanvraag(), c.findings(), Scenarios.REGELING,
                AfzenderLoader.standard());
        Map<Integer, LocalDate> stated = new TreeMap<>();
        Matcher m = YEAR_HEADER.matcher(html);
        while (m.find()) {
            stated.put(Integer.parseInt(m.group(1)), LocalDate.parse(m.group(2), STATED));
        }
        // the Bijlage's termijnen are for 2023, 2024 and 2025; the letter states a moment for each
        assertEquals(java.util.List.of(2023, 2024, 2025), java.util.List.copyOf(stated.keySet()), html);
        stated.forEach((year, day) -> {
            assertEquals(year.intValue(), day.getYear(), "termijn " + year + " is paid in its own year (art. 13(4))");
            assertTrue(PreviousVerlening.isPaid(Scenarios.REGELING, year, day),
                    "termijn " + year + ": the letter says " + day + ", the wijziging does not count it paid then");
            assertFalse(PreviousVerlening.isPaid(Scenarios.REGELING, year, day.minusDays(1)),
                    "termijn " + year + ": the wijziging counts it paid before the day the letter states, " + day);
        });
    }

    @Test
    void theOneMomentIsMarkedAsADefaultForTheReviewer() {
        // the regeling names only the year of each termijn: the day is a stand-in and must say so
        assertTrue(Scenarios.REGELING.deadlines().paymentMoments().isDefault());
        assertTrue(Scenarios.REGELING.deadlines().paymentMoments().source().startsWith("standaardwaarde"));
    }
}
