package nl.kansrijkewijk.besluit;

import static nl.kansrijkewijk.check.Checks.assertAmount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.kansrijkewijk.aanvraag.Aanvraag;
import nl.kansrijkewijk.aanvraag.BudgetGroups;
import nl.kansrijkewijk.check.Checks;
import nl.kansrijkewijk.finding.Finding;
import nl.kansrijkewijk.money.Money;
import nl.kansrijkewijk.testing.AanvraagBuilder;
import org.junit.jupiter.api.Test;

/**
 * Issue 7, item 5: a wijziging changes a verlening. Rotterdam ARM (Bijlage 510.000 / 170.000 / 170.000, stated
 * 850.000, btw 5 %); received 15-03-2024, so the 2023 (28-12-2023) and 2024 (15-02-2024) termijnen of the data's
 * payment moments are paid.
 */
class WijzigingTest {
    private static final LocalDate RECEIVED = LocalDate.of(2024, 3, 15);

    private static Besluit besluit(Aanvraag a) {
        List<Finding> f = Checks.CHECKER.check(a, Checks.TRANCHE_1, RECEIVED);
        return new BesluitCalculator().calculate(a, Checks.TRANCHE_1, f, RECEIVED, null);
    }

    private static Map<Integer, BigDecimal> years(String... kv) {
        Map<Integer, BigDecimal> m = new TreeMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(Integer.parseInt(kv[i]), Money.parse(kv[i + 1]).orElseThrow());
        }
        return m;
    }

    @Test
    void anIncreaseKeepsWhatWasPaidAndPaysTheDifferenceInTheRemainingTermijn() {
        // Previous 600.000 incl.: 360.000 / 120.000 / 120.000, less 5 %: 342.000 / 114.000 / 114.000; paid 456.000.
        // New 850.000 incl.: btw 42.500, granted 807.500; 807.500 − 456.000 = 351.500 in 2025.
        // Change 250.000 of 600.000 = 41,67 % ≥ 25 %.
        Aanvraag a = AanvraagBuilder.aanvraag("Rotterdam", "GM0599", "Zuid").wijziging(RECEIVED, "KW-2023-GM0599-V")
                .budget("ARM", "510.000", "170.000", "170.000").granted("600.000")
                .activity(1, "ARM").budget("510.000", "170.000", "170.000").done().build();
        Besluit b = besluit(a);
        assertNull(b.rejectedWhole());
        Besluit.OnderdeelBesluit o = b.onderdelen().get(0);
        Besluit.WijzigingRegel w = o.wijziging();
        assertAmount("570.000", w.previousGranted());
        assertEquals(years("2023", "342.000", "2024", "114.000"), w.alreadyPaid());
        assertAmount("807.500", w.newlyGranted());
        assertAmount("351.500", w.stillToPay());
        assertAmount("0", w.toSettle());
        assertTrue(w.meetsThreshold());
        assertEquals(0, new BigDecimal("41.6667").compareTo(w.changePercent()));
        assertEquals(years("2023", "342.000", "2024", "114.000", "2025", "351.500"), o.installments());
        assertAmount("807.500", Money.sum(o.installments().values()));
        assertAmount("807.500", b.wijziging().totalNewlyGranted());
        assertFalse(b.wijziging().refused());
        // Toelichting art. 13: twelve weeks after the wijziging: 15-03-2024 + 84 days = 7-06-2024.
        assertEquals(LocalDate.of(2024, 6, 7), b.decisionDeadline());
    }

    @Test
    void aDecreaseBelowWhatWasPaidIsToBeSettled() {
        // Previous 850.000 incl.: 484.500 / 161.500 / 161.500 excl.; paid 646.000. New 600.000 incl.: granted 570.000;
        // 570.000 − 646.000 = −76.000: te verrekenen, the 2025 termijn falls away.
        Aanvraag a = AanvraagBuilder.aanvraag("Rotterdam", "GM0599", "Zuid").wijziging(RECEIVED, "KW-2023-GM0599-V")
                .budget("ARM", "360.000", "120.000", "120.000").granted("850.000")
                .activity(1, "ARM").budget("360.000", "120.000", "120.000").done().build();
        Besluit.OnderdeelBesluit o = besluit(a).onderdelen().get(0);
        assertAmount("570.000", o.granted());
        assertAmount("646.000", o.wijziging().alreadyPaidTotal());
        assertAmount("0", o.wijziging().stillToPay());
        assertAmount("76.000", o.wijziging().toSettle());
        assertEquals(years("2023", "484.500", "2024", "161.500", "2025", "0"), o.installments());
    }

    @Test
    void aRefusedWijzigingLeavesTheVerleningAsItIsAndRefusesOnlyTheChange() {
        // 800.000 requested against 850.000 granted: 5,88 % < 25 % and no new activity → WIJZIGING-OMVANG.
        Aanvraag a = AanvraagBuilder.aanvraag("Rotterdam", "GM0599", "Zuid").wijziging(RECEIVED, "KW-2023-GM0599-V")
                .budget("ARM", "510.000", "150.000", "140.000").granted("850.000")
                .activity(1, "ARM").budget("510.000", "150.000", "140.000").done().build();
        Besluit b = besluit(a);
        assertTrue(b.wijziging().refused());
        Besluit.OnderdeelBesluit o = b.onderdelen().get(0);
        assertAmount("850.000", o.grantedInclBtw());
        assertAmount("807.500", o.granted());
        assertAmount("0", o.refused()); // a decrease: nothing requested is withheld
        assertTrue(o.refusals().get(0).reason().startsWith("De gevraagde wijziging van € 850.000 naar € 800.000 (verlaging met € 50.000) wordt afgewezen"),
                o.refusals().get(0).reason());
        assertEquals(years("2023", "484.500", "2024", "161.500", "2025", "161.500"), o.installments());
        assertAmount("161.500", o.wijziging().stillToPay());
        assertAmount("-50.000", b.wijziging().totalChangeInclBtw());
        assertAmount("807.500", b.totalGranted());
    }

    @Test
    void aRecordedPreviousVerleningCanReplaceTheFormsColumn() {
        Aanvraag a = AanvraagBuilder.aanvraag("Rotterdam", "GM0599", "Zuid").wijziging(RECEIVED, "KW-2023-GM0599-V")
                .budget("ARM", "510.000", "170.000", "170.000").granted("600.000")
                .activity(1, "ARM").budget("510.000", "170.000", "170.000").done().build();
        // the dossier says only 2023 was paid, 300.000
        PreviousVerlening recorded = new PreviousVerlening("KW-2023-GM0599-V", "dossier", RECEIVED,
                Map.of(new BudgetGroups.Key("ARM", null), new PreviousVerlening.Part(Money.parse("600.000").orElseThrow(),
                        new TreeMap<>(years("2023", "300.000")))));
        List<Finding> f = Checks.CHECKER.check(a, Checks.TRANCHE_1, RECEIVED);
        Besluit.OnderdeelBesluit o = new BesluitCalculator().calculate(a, Checks.TRANCHE_1, f, RECEIVED, recorded).onderdelen().get(0);
        // 807.500 − 300.000 = 507.500 over 2024 and 2025 in proportion 170.000 : 170.000
        assertEquals(years("2023", "300.000", "2024", "253.750", "2025", "253.750"), o.installments());
        assertAmount("507.500", o.wijziging().stillToPay());
    }
}
