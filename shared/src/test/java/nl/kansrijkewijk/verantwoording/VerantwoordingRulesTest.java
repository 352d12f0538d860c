package nl.kansrijkewijk.verantwoording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import nl.kansrijkewijk.finding.Finding;
import nl.kansrijkewijk.finding.RuleCatalogue;
import nl.kansrijkewijk.finding.RuleDefinition;
import nl.kansrijkewijk.processing.VerantwoordingProcessor;
import nl.kansrijkewijk.regeling.Regeling;
import nl.kansrijkewijk.regeling.RegelingCatalogus;
import nl.kansrijkewijk.sisa.SisaConfigLoader;
import nl.kansrijkewijk.sisa.Verantwoording;
import nl.kansrijkewijk.sisa.VerantwoordingRegel;
import nl.kansrijkewijk.verantwoording.VerantwoordingContext.Ontvangst;
import nl.kansrijkewijk.verantwoording.VerantwoordingContext.Toekenning;
import nl.kansrijkewijk.verantwoording.VerantwoordingContext.Uitstel;
import org.junit.jupiter.api.Test;

/**
 * Each VJ- rule on a small Arnhem dossier built by hand: ORG verleend 1.500.000 and VEE 255.000, paid in three equal
 * termijnen (500.000 and 85.000 a year). The arithmetic is in the comments; the expectations are not the code's output.
 */
class VerantwoordingRulesTest {
    static final Regeling R = RegelingCatalogus.standard().first();
    static final RuleCatalogue CATALOGUE = RuleCatalogue.standard();
    static final VerantwoordingChecker CHECKER = new VerantwoordingChecker(R, SisaConfigLoader.standard(), CATALOGUE);
    static final VaststellingCalculator CALCULATOR = new VaststellingCalculator(R, CATALOGUE);
    static final Set<String> FIRED = new TreeSet<>();

    static BigDecimal e(long euros) {
        return BigDecimal.valueOf(euros).setScale(2);
    }

    static Toekenning toekenning(String o, long perYear) {
        return new Toekenning(o, null, e(3 * perYear), new TreeMap<>(Map.of(2023, e(perYear), 2024, e(perYear),
                2025, e(perYear))));
    }

    static DossierContext arnhem(Uitstel uitstel, Ontvangst... earlier) {
        return new DossierContext("GM0202", List.of("KW-2023-GM0202-V"),
                List.of(toekenning("ORG", 500_000), toekenning("VEE", 85_000)), List.of(earlier), uitstel);
    }

    static VerantwoordingRegel row(String o, long besteding, long reserveVorig, long reservering, long correctie,
            long cumulatief, Boolean eind) {
        return VerantwoordingRegel.of(o, null, e(besteding), e(reserveVorig), e(reservering), e(correctie),
                e(cumulatief), eind, null);
    }

    static Verantwoording v(int year, boolean correctie, VerantwoordingRegel... rows) {
        return new Verantwoording("v-" + year + (correctie ? "-correctie" : "") + ".xlsx", "sha", "Arnhem", "GM0202",
                year, "E99", null, correctie, List.of(rows), List.of());
    }

    static Ontvangst received(Verantwoording v, String date) {
        return new Ontvangst(v, LocalDate.parse(date));
    }

    static List<Finding> check(Verantwoording v, String received, DossierContext ctx) {
        List<Finding> f = CHECKER.check(v, LocalDate.parse(received), ctx);
        f.forEach(x -> {
            FIRED.add(x.rule());
            assertEquals(CATALOGUE.severity(x.rule()), x.severity(), x.rule());
            assertTrue(x.trail() != null && x.location() != null, x.rule());
        });
        return f;
    }

    static List<Finding> of(List<Finding> f, String rule) {
        return f.stream().filter(x -> x.rule().equals(rule)).toList();
    }

    /** 2023 as the dossier recorded it: ORG 450.000 spent, 50.000 reserved; VEE all 85.000 spent. */
    static final Verantwoording Y2023 = v(2023, false, row("ORG", 450_000, 0, 50_000, 0, 450_000, false),
            row("VEE", 85_000, 0, 0, 0, 85_000, false));

    @Test
    void reserveMovedBetweenOnderdelenIsRefusedAndTheOtherSideDoesNotConnect() {
        // 2024 states ORG reserve 30.000 (recorded 50.000) and VEE 20.000 (recorded 0): total 50.000 ≤ 50.000, and VEE
        // is 20.000 above its own → moved. VEE: 85.000 + 0 (recorded) − 105.000 = −20.000 → spending above available.
        // ORG: 500.000 + 50.000 − 520.000 = 30.000, reserved 30.000 → fine; cumulatief 450.000 + 520.000 = 970.000.
        Verantwoording y2024 = v(2024, false, row("ORG", 520_000, 30_000, 30_000, 0, 970_000, false),
                row("VEE", 105_000, 20_000, 0, 0, 190_000, false));
        List<Finding> f = check(y2024, "2025-07-01", arnhem(null, received(Y2023, "2024-07-01")));
        assertEquals(List.of(e(20_000)), of(f, "VJ-RESERVE-VERSCHOVEN").stream().map(Finding::refusedAmount).toList());
        assertEquals("VEE", of(f, "VJ-RESERVE-VERSCHOVEN").get(0).onderdeel());
        assertEquals(List.of("ORG"), of(f, "VJ-RESERVE-AANSLUITING").stream().map(Finding::onderdeel).toList());
        assertEquals(1, of(f, "VJ-BESTEDING-BOVEN-BESCHIKBAAR").size());
        assertTrue(of(f, "VJ-RESERVE-MAXIMUM").isEmpty() && of(f, "VJ-CUMULATIEF").isEmpty(), f.toString());
    }

    @Test
    void aHigherReserveWithoutACounterpartIsOnlyAWaarschuwing() {
        // ORG states 60.000 where 50.000 was reserved; nothing lower elsewhere: total 60.000 > 50.000 → aansluiting
        Verantwoording y2024 = v(2024, false, row("ORG", 550_000, 60_000, 0, 0, 1_000_000, false),
                row("VEE", 85_000, 0, 0, 0, 170_000, false));
        List<Finding> f = check(y2024, "2025-07-01", arnhem(null, received(Y2023, "2024-07-01")));
        assertTrue(of(f, "VJ-RESERVE-VERSCHOVEN").isEmpty());
        assertEquals(1, of(f, "VJ-RESERVE-AANSLUITING").size());
    }

    @Test
    void cumulativeMustBeLastYearsPlusThisYearsPlusTheCorrection() {
        // ORG: 450.000 + 500.000 + (−10.000) = 940.000; stated 1.000.000 → VJ-CUMULATIEF; the correction is info
        Verantwoording y2024 = v(2024, false, row("ORG", 500_000, 50_000, 0, -10_000, 1_000_000, false),
                row("VEE", 85_000, 0, 0, 0, 170_000, false));
        List<Finding> f = check(y2024, "2025-07-01", arnhem(null, received(Y2023, "2024-07-01")));
        assertEquals(1, of(f, "VJ-CUMULATIEF").size());
        assertTrue(of(f, "VJ-CUMULATIEF").get(0).trail().computation().get(0)
                .contains("€ 450.000 + € 500.000 + -€ 10.000 = € 940.000"));
        assertEquals(1, of(f, "VJ-CORRECTIE-VORIG-JAAR").size());
        // ORG: 500.000 + 50.000 − 500.000 − (−10.000) = 60.000 niet besteed, nothing reserved → waarschuwing
        assertEquals(1, of(f, "VJ-NIET-GERESERVEERD").size());
    }

    @Test
    void aSecondDeliveryReplacesTheFirstOnlyAsACorrection() {
        Verantwoording again = v(2023, false, row("ORG", 400_000, 0, 100_000, 0, 400_000, false),
                row("VEE", 85_000, 0, 0, 0, 85_000, false));
        DossierContext ctx = arnhem(null, received(Y2023, "2024-07-01"));
        assertEquals(1, of(check(again, "2024-09-01", ctx), "VJ-TWEEDE-LEVERING").size());
        assertEquals(Y2023, Deliveries.effective(ctx.with(received(again, "2024-09-01")).verantwoordingen())
                .get(2023).verantwoording());
        Verantwoording corrected = v(2023, true, row("ORG", 400_000, 0, 100_000, 0, 400_000, false),
                row("VEE", 85_000, 0, 0, 0, 85_000, false));
        assertEquals(1, of(check(corrected, "2024-09-01", ctx), "VJ-CORRECTIE-LEVERING").size());
        assertEquals(corrected, Deliveries.effective(ctx.with(received(corrected, "2024-09-01")).verantwoordingen())
                .get(2023).verantwoording());
    }

    @Test
    void spendingOnAnOnderdeelWithoutVerleningAndMissingRows() {
        // Arnhem's bijlage has ARM, but the dossier granted none: 10.000 spent there is refused; VEE has no row
        Verantwoording y2023 = v(2023, false, row("ORG", 500_000, 0, 0, 0, 500_000, false),
                row("ARM", 10_000, 0, 0, 0, 10_000, false));
        List<Finding> f = check(y2023, "2024-07-01", arnhem(null));
        assertEquals(List.of(e(10_000)),
                of(f, "VJ-ONDERDEEL-ZONDER-VERLENING").stream().map(Finding::refusedAmount).toList());
        assertEquals(List.of("VEE"), of(f, "VJ-REGEL-ONTBREEKT").stream().map(Finding::onderdeel).toList());
    }

    @Test
    void aYearWithoutLastYearsVerantwoordingCannotConnect() {
        Verantwoording y2025 = v(2025, false, row("ORG", 500_000, 0, 0, 0, 1_450_000, true),
                row("VEE", 85_000, 0, 0, 0, 255_000, true));
        List<Finding> f = check(y2025, "2026-07-01", arnhem(null, received(Y2023, "2024-07-01")));
        assertEquals(1, of(f, "VJ-VORIG-JAAR-ONTBREEKT").size());
        assertTrue(of(f, "VJ-CUMULATIEF").isEmpty(), "not comparable without 2024");
    }

    static final Verantwoording Y2024 = v(2024, false, row("ORG", 550_000, 50_000, 0, 0, 1_000_000, false),
            row("VEE", 85_000, 0, 0, 0, 170_000, false));

    @Test
    void withoutUitstelNothingMayBeReservedPast2025AndSpendingIn2026DoesNotCount() {
        // 2025: ORG 500.000 − 450.000 = 50.000, all "reserved" → refused (termijn ends 31 December 2025)
        Verantwoording y2025 = v(2025, false, row("ORG", 450_000, 0, 50_000, 0, 1_450_000, true),
                row("VEE", 85_000, 0, 0, 0, 255_000, false));
        DossierContext ctx = arnhem(null, received(Y2023, "2024-07-01"), received(Y2024, "2025-07-01"));
        List<Finding> f = check(y2025, "2026-07-01", ctx);
        assertEquals(List.of(e(50_000)), of(f, "VJ-BESTEDINGSTERMIJN").stream().map(Finding::refusedAmount).toList());
        assertEquals(List.of("VEE"), of(f, "VJ-EINDVERANTWOORDING").stream().map(Finding::onderdeel).toList());
        Verantwoording y2026 = v(2026, false, row("ORG", 50_000, 50_000, 0, 0, 1_500_000, true));
        List<Finding> g = check(y2026, "2027-07-01", ctx.with(received(y2025, "2026-07-01")));
        assertEquals(List.of(e(50_000)), of(g, "VJ-BESTEDINGSTERMIJN").stream().map(Finding::refusedAmount).toList());
        // vaststelling: the 2025 sheet is the last year's; ORG 450.000 + 550.000 + 450.000 = 1.450.000 → terug 50.000
        Vaststelling s = CALCULATOR.calculate(ctx.with(received(y2025, "2026-07-01")));
        assertEquals(e(50_000), s.regels().get(0).terugTeVorderen());
        assertFalse(s.ambtshalve());
    }

    @Test
    void uitstelGrantedMoves2026IntoTheTermijnAndTheVaststellingWaitsForIt() {
        Uitstel granted = new Uitstel(LocalDate.of(2025, 9, 10), LocalDate.of(2025, 10, 20), true,
                LocalDate.of(2026, 12, 31));
        Verantwoording y2025 = v(2025, false, row("ORG", 450_000, 0, 50_000, 0, 1_450_000, false),
                row("VEE", 85_000, 0, 0, 0, 255_000, false));
        DossierContext ctx = arnhem(granted, received(Y2023, "2024-07-01"), received(Y2024, "2025-07-01"));
        List<Finding> f = check(y2025, "2026-07-01", ctx);
        assertTrue(of(f, "VJ-BESTEDINGSTERMIJN").isEmpty() && of(f, "VJ-UITSTEL-VERZOEK").isEmpty(), f.toString());
        DossierContext after2025 = ctx.with(received(y2025, "2026-07-01"));
        assertFalse(VaststellingCalculator.due(R, after2025), "with uitstel the last year is 2026");
        // 2026: ORG 0 + 50.000 reserve − 50.000 = 0; VEE has no 2026 row (nothing left) → VJ-REGEL-ONTBREEKT
        Verantwoording y2026 = v(2026, false, row("ORG", 50_000, 50_000, 0, 0, 1_500_000, true));
        check(y2026, "2027-06-01", after2025);
        Vaststelling s = CALCULATOR.calculate(after2025.with(received(y2026, "2027-06-01")));
        assertEquals(LocalDate.of(2026, 12, 31), s.eindeBestedingstermijn());
        assertEquals(e(1_500_000), s.regels().get(0).vastgesteld());
        assertEquals(e(0), s.totaalTerugTeVorderen());
    }

    @Test
    void uitstelRequestedLateUndecidedOrTooLongIsAWaarschuwing() {
        Verantwoording y2025 = v(2025, false, row("ORG", 500_000, 0, 0, 0, 1_500_000, true),
                row("VEE", 85_000, 0, 0, 0, 255_000, true));
        Ontvangst[] earlier = {received(Y2023, "2024-07-01"), received(Y2024, "2025-07-01")};
        // 15 October 2025 is after 1 October 2025
        assertEquals(1, of(check(y2025, "2026-07-01", arnhem(new Uitstel(LocalDate.of(2025, 10, 15),
                LocalDate.of(2025, 11, 1), true, LocalDate.of(2026, 12, 31)), earlier)), "VJ-UITSTEL-VERZOEK").size());
        // 1 October 2025 itself is inside; no decision yet
        assertEquals(1, of(check(y2025, "2026-07-01", arnhem(new Uitstel(LocalDate.of(2025, 10, 1), null, null, null),
                earlier)), "VJ-UITSTEL-VERZOEK").size());
        DossierContext tooLong = arnhem(new Uitstel(LocalDate.of(2025, 8, 1), LocalDate.of(2025, 9, 1), true,
                LocalDate.of(2027, 6, 30)), earlier);
        assertEquals(1, of(check(y2025, "2026-07-01", tooLong), "VJ-UITSTEL-VERZOEK").size());
        assertEquals(LocalDate.of(2026, 12, 31), Deliveries.endOfTermijn(R, tooLong));
    }

    @Test
    void eindverantwoordingWithAReservationBeforeTheLastYear() {
        Verantwoording y2023 = v(2023, false, row("ORG", 450_000, 0, 50_000, 0, 450_000, true),
                row("VEE", 85_000, 0, 0, 0, 85_000, false));
        assertEquals(1, of(check(y2023, "2024-07-01", arnhem(null)), "VJ-EINDVERANTWOORDING").size());
    }

    @Test
    void lateDeliveriesAndTheEighteenMonthsBoundary() {
        // 2023: due 15 July 2024; ambtshalve boundary 31 December 2023 + 18 months = 30 June 2025
        assertTrue(of(check(Y2023, "2024-07-15", arnhem(null)), "VJ-TE-LAAT-GELEVERD").isEmpty());
        assertEquals(1, of(check(Y2023, "2024-07-16", arnhem(null)), "VJ-TE-LAAT-GELEVERD").size());
        assertTrue(of(check(Y2023, "2025-06-30", arnhem(null)), "VJ-AMBTSHALVE").isEmpty());
        assertEquals(1, of(check(Y2023, "2025-07-01", arnhem(null)), "VJ-AMBTSHALVE").size());
    }

    @Test
    void spendingAboveVerleendIsCappedAtTheVerleendAmount() {
        // VEE spends 100.000 a year: 300.000 > 255.000 verleend → vastgesteld 255.000, info VJ-BOVEN-VERLEEND
        Verantwoording a = v(2023, false, row("ORG", 500_000, 0, 0, 0, 500_000, false),
                row("VEE", 100_000, 0, 0, 0, 100_000, false));
        Verantwoording b = v(2024, false, row("ORG", 500_000, 0, 0, 0, 1_000_000, false),
                row("VEE", 100_000, 0, 0, 0, 200_000, false));
        Verantwoording c = v(2025, false, row("ORG", 500_000, 0, 0, 0, 1_500_000, true),
                row("VEE", 100_000, 0, 0, 0, 300_000, true));
        Vaststelling s = CALCULATOR.calculate(arnhem(null, received(a, "2024-07-01"), received(b, "2025-07-01"),
                received(c, "2026-07-01")));
        s.findings().forEach(x -> FIRED.add(x.rule()));
        assertEquals(e(255_000), s.regels().get(1).vastgesteld());
        assertEquals(e(0), s.totaalTerugTeVorderen());
        assertEquals(1, of(s.findings(), "VJ-BOVEN-VERLEEND").size());
        assertTrue(of(s.findings(), "VJ-NIET-BESTEED").isEmpty());
    }

    @Test
    void withoutAnyVerantwoordingOverTheLastYearTheVaststellingIsAmbtshalveOnWhatArrivedInTime() {
        // only 2023 and 2024 arrived: ORG 450.000 + 550.000 = 1.000.000, VEE 85.000 + 85.000 = 170.000
        Vaststelling s = CALCULATOR.calculate(arnhem(null, received(Y2023, "2024-07-01"), received(Y2024, "2025-07-01")));
        assertTrue(s.ambtshalve());
        assertEquals(null, s.vaststellingUiterlijk());
        assertEquals(e(1_000_000), s.regels().get(0).vastgesteld());
        assertEquals(e(170_000), s.regels().get(1).vastgesteld());
        // terug: 1.500.000 − 1.000.000 = 500.000 and 255.000 − 170.000 = 85.000
        assertEquals(e(585_000), s.totaalTerugTeVorderen());
        assertTrue(of(s.findings(), "VJ-VASTSTELLING-TERMIJN").isEmpty());
    }

    @Test
    void replayingADossierDirectoryGivesOneResultPerDeliveryAndTheVaststellingLast() throws Exception {
        var results = new VerantwoordingProcessor().replay(VerantwoordingFixturesTest.ROOT.resolve("arnhem-laat"),
                R, SisaConfigLoader.standard());
        assertEquals(3, results.size());
        assertTrue(results.get(2).vaststelling().ambtshalve());
        assertEquals(e(615_000), results.get(2).vaststelling().totaalTerugTeVorderen());
        assertEquals("ambtshalve vaststelling", results.get(2).toProcessingResult().outcome());
    }

    @Test
    void catalogueAndCodeAgreeBothWays() {
        Set<String> catalogued = CATALOGUE.all().stream().map(RuleDefinition::id).filter(id -> id.startsWith("VJ-"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(catalogued, new TreeSet<>(VerantwoordingChecker.ruleIds()));
    }

    @Test
    void everyRuleFiresSomewhereInTheScenariosAndFixtures() throws Exception {
        // run every scenario of this class, then the fixtures' processing, and collect the rules that fired
        VerantwoordingRulesTest t = new VerantwoordingRulesTest();
        t.reserveMovedBetweenOnderdelenIsRefusedAndTheOtherSideDoesNotConnect();
        t.cumulativeMustBeLastYearsPlusThisYearsPlusTheCorrection();
        t.aSecondDeliveryReplacesTheFirstOnlyAsACorrection();
        t.spendingOnAnOnderdeelWithoutVerleningAndMissingRows();
        t.aYearWithoutLastYearsVerantwoordingCannotConnect();
        t.withoutUitstelNothingMayBeReservedPast2025AndSpendingIn2026DoesNotCount();
        t.uitstelRequestedLateUndecidedOrTooLongIsAWaarschuwing();
        t.eindverantwoordingWithAReservationBeforeTheLastYear();
        t.lateDeliveriesAndTheEighteenMonthsBoundary();
        t.spendingAboveVerleendIsCappedAtTheVerleendAmount();
        List<Finding> more = new ArrayList<>();
        for (String dir : List.of("amsterdam", "arnhem-laat")) {
            var ctx = DossierJson.context(VerantwoordingFixturesTest.ROOT.resolve(dir), null, R,
                    SisaConfigLoader.standard()).context();
            more.addAll(CALCULATOR.calculate(ctx).findings());
            for (Ontvangst o : ctx.verantwoordingen()) {
                more.addAll(o.verantwoording().leesFindings());
            }
        }
        more.forEach(x -> FIRED.add(x.rule()));
        // the fixtures' year findings (RESERVE-MAXIMUM, -DOORGESCHOVEN) are asserted in VerantwoordingFixturesTest
        Set<String> expected = new TreeSet<>(VerantwoordingChecker.ruleIds());
        expected.removeAll(Set.of("VJ-RESERVE-MAXIMUM", "VJ-RESERVE-DOORGESCHOVEN", "VJ-LEES-WAARDE"));
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(FIRED);
        assertEquals(Set.of(), missing);
    }
}
