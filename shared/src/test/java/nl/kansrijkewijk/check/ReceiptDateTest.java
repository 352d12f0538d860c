package nl.kansrijkewijk.check;

import static nl.kansrijkewijk.check.Checks.none;
import static nl.kansrijkewijk.check.Checks.one;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import nl.kansrijkewijk.aanvraag.Aanvraag;
import nl.kansrijkewijk.besluit.Besluit;
import nl.kansrijkewijk.besluit.BesluitCalculator;
import nl.kansrijkewijk.finding.Finding;
import nl.kansrijkewijk.finding.Severity;
import nl.kansrijkewijk.testing.AanvraagBuilder;
import org.junit.jupiter.api.Test;

/** Art. 10(1) and 10(3) judged on the date of receipt (issue 7), with the typed date beside it. */
class ReceiptDateTest {

    private static AanvraagBuilder rotterdam() {
        return AanvraagBuilder.aanvraag("Rotterdam", "GM0599", "Zuid")
                .budget("ARM", "510.000", "170.000", "170.000")
                .activity(1, "ARM").budget("510.000", "170.000", "170.000").done();
    }

    private static List<Finding> check(Aanvraag a, LocalDate received) {
        return Checks.CHECKER.check(a, Checks.TRANCHE_1, received);
    }

    @Test
    void aBackdatedFormReceivedLateIsRefusedAndTheWeekendEdgeIsNamed() {
        // Typed 29-09-2023 (in the window), received Monday 2-10-2023: the window ended on Saturday 30-09-2023.
        List<Finding> f = check(rotterdam().date(2023, 9, 29).build(), LocalDate.of(2023, 10, 2));
        Finding late = one(f, "AANVRAAG-TERMIJN");
        assertTrue(late.message().startsWith("De aanvraag is ontvangen op 2 oktober 2023, buiten de aanvraagperiode"), late.message());
        assertTrue(late.message().contains("De periode eindigde op zaterdag 30 september 2023; de eerstvolgende werkdag was maandag 2 oktober 2023."),
                late.message());
        assertEquals("vrijdag 29 september 2023", late.trail().inputs().get("Datum van indiening (A.datum)"));
        assertEquals("maandag 2 oktober 2023", late.trail().inputs().get("Datum van ontvangst"));
        Finding diff = one(f, "DATUM-AFWIJKEND");
        assertEquals(Severity.WAARSCHUWING, diff.severity());
        assertTrue(diff.message().contains("(vrijdag 29 september 2023)") && diff.message().contains("(maandag 2 oktober 2023)"), diff.message());
    }

    @Test
    void aMistypedDateOnATimelyUploadIsNotRefused() {
        List<Finding> f = check(rotterdam().date(2023, 10, 12).build(), LocalDate.of(2023, 9, 12));
        none(f, "AANVRAAG-TERMIJN");
        assertEquals("art. 10, eerste lid", one(f, "DATUM-AFWIJKEND").article());
    }

    @Test
    void equalDatesGiveNoFindingAndTheWeekdayEdgeIsOnlyNamedNearAWeekend() {
        assertEquals(List.of(), check(rotterdam().date(2023, 9, 30).build(), LocalDate.of(2023, 9, 30)));
        Finding late = one(check(rotterdam().date(2023, 10, 3).build(), LocalDate.of(2023, 10, 3)), "AANVRAAG-TERMIJN");
        assertTrue(!late.message().contains("werkdag"), late.message()); // Tuesday 3 October is past the next working day
    }

    @Test
    void withoutATypedDateTheReceiptDecides() {
        List<Finding> f = check(rotterdam().date(null).build(), LocalDate.of(2023, 10, 4));
        assertTrue(one(f, "DATUM-ONTBREEKT").message().contains("getoetst op de datum van ontvangst, woensdag 4 oktober 2023"));
        one(f, "AANVRAAG-TERMIJN");
    }

    @Test
    void withoutAReceiptTheTypedDateIsUsedAndTheBesluitSaysSo() {
        Aanvraag a = rotterdam().date(2023, 9, 29).build();
        List<Finding> f = check(a, null);
        assertEquals(List.of(), f);
        Besluit b = new BesluitCalculator().calculate(a, Checks.TRANCHE_1, f);
        assertEquals(null, b.receivedOn());
        assertEquals(LocalDate.of(2023, 9, 29), b.timelinessDate());
        assertEquals("ingevulde datum van indiening (datum van ontvangst onbekend)", b.timelinessBasis());
        Besluit r = new BesluitCalculator().calculate(a, Checks.TRANCHE_1, f, LocalDate.of(2023, 9, 28), null);
        assertEquals("datum van ontvangst", r.timelinessBasis());
        assertNotNull(r.decisionDeadline());
    }

    @Test
    void aWijzigingIsJudgedOnItsReceiptToo() {
        Aanvraag w = AanvraagBuilder.aanvraag("Rotterdam", "GM0599", "Zuid").wijziging(LocalDate.of(2024, 4, 30), "KW-2023-GM0599-V")
                .budget("ARM", "510.000", "170.000", "170.000").build();
        Finding late = one(check(w, LocalDate.of(2024, 5, 1)), "WIJZIGING-TERMIJN");
        assertTrue(late.message().startsWith("De wijziging is ontvangen op 1 mei 2024"), late.message());
    }
}
