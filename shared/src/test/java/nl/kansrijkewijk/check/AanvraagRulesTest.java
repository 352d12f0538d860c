package nl.kansrijkewijk.check;

import static nl.kansrijkewijk.check.Checks.assertAmount;
import static nl.kansrijkewijk.check.Checks.check;
import static nl.kansrijkewijk.check.Checks.none;
import static nl.kansrijkewijk.check.Checks.one;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import nl.kansrijkewijk.aanvraag.AanvraagKind;
import nl.kansrijkewijk.finding.Finding;
import nl.kansrijkewijk.finding.Severity;
import nl.kansrijkewijk.testing.AanvraagBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Aanvrager (art. 1, 2(1)), termijnen (art. 10(1) and (3)), wijziging (art. 10(3)-(4)), signatory and declarations. */
class AanvraagRulesTest {

    /** A valid ARM request of Rotterdam: € 510.000 + € 170.000 + € 170.000 = € 850.000 (Bijlage art. 5, item 2). */
    private static AanvraagBuilder rotterdamArm() {
        return AanvraagBuilder.aanvraag("Rotterdam", "GM0599", "Zuid")
                .budget("ARM", "510.000", "170.000", "170.000")
                .activity(1, "ARM").name("Schuldhulp aan de keukentafel").budget("510.000", "170.000", "170.000").done();
    }

    @Test
    void aCompleteValidAanvraagHasNoFindings() {
        assertEquals(List.of(), check(rotterdamArm().build()));
    }

    @Test
    void unknownGemeenteRefusesTheWholeAanvraagAndSkipsTheBijlageRules() {
        List<Finding> f = check(rotterdamArm().gemeente("Amersfoort").gemeentecode("GM0307")
                .budget("ARM", "2.000.000", null, null).budget("SEO", "100.000", null, null).build());
        Finding g = one(f, "GEMEENTE-ONBEKEND");
        assertEquals(Severity.AFWIJZING, g.severity());
        assertAmount("2.950.000", g.refusedAmount()); // 850.000 + 2.000.000 + 100.000
        assertEquals("A.gemeente", g.location().field());
        assertEquals(1, g.location().page());
        assertTrue(g.message().contains("'Amersfoort' is geen gemeente met een stedelijk focusgebied"), g.message());
        assertTrue(g.message().contains("€ 2.950.000"), g.message());
        for (String skipped : List.of("MAXIMUM-OVERSCHREDEN", "TERMIJN-JAAR", "SEO-GEMEENTE", "BIJLAGE-AFRONDING", "GEMEENTECODE-ONJUIST",
                "FOCUSGEBIED-ONBEKEND", "SEO-COALITIE-ONBEKEND")) {
            none(f, skipped);
        }
    }

    @Test
    void gemeenteIsFoundByAliasAndForgivingSpelling() {
        none(check(rotterdamArm().gemeente("ROTTERDAM").build()), "GEMEENTE-ONBEKEND");
        // As on the letterhead; this was a whole-aanvraag afwijzing before.
        none(check(rotterdamArm().gemeente("Gemeente Rotterdam").build()), "GEMEENTE-ONBEKEND");
        none(check(rotterdamArm().gemeente("de gemeente Rotterdam").build()), "GEMEENTE-ONBEKEND");
        one(check(rotterdamArm().gemeente("Gemeente").build()), "GEMEENTE-ONBEKEND");
        one(check(rotterdamArm().gemeente("Gemeente Rotterdam-Zuid").build()), "GEMEENTE-ONBEKEND");
        List<Finding> haag = check(AanvraagBuilder.aanvraag("'s-Gravenhage", "GM0518", "Zuidwest")
                .budget("ARM", "510.000", "170.000", "170.000").activity(1, "ARM").budget("510.000", "170.000", "170.000").done().build());
        assertEquals(List.of(), haag);
    }

    @Test
    void blankNameFallsBackOnTheCbsCode() {
        assertEquals(List.of(), check(rotterdamArm().gemeente("").gemeentecode("0599").build()));
        Finding f = one(check(rotterdamArm().gemeente(null).gemeentecode("GM9999").build()), "GEMEENTE-ONBEKEND");
        assertTrue(f.message().contains("De gemeente is niet ingevuld en de CBS-gemeentecode 'GM9999' hoort bij geen van de 19 gemeenten"), f.message());
    }

    @ParameterizedTest
    @ValueSource(strings = {"363", "0363", "GM0363", "gm0363"})
    void amsterdamsCodeIsAcceptedInEveryUsualSpelling(String code) {
        none(check(AanvraagBuilder.aanvraag("Amsterdam", code, "Zuidoost", "Nieuw-West").build()), "GEMEENTECODE-ONJUIST");
    }

    @Test
    void aMissingOrForeignCodeIsAWarningNamingTheRightCode() {
        Finding blank = one(check(rotterdamArm().gemeentecode("").build()), "GEMEENTECODE-ONJUIST");
        assertEquals(Severity.WAARSCHUWING, blank.severity());
        assertEquals("De CBS-gemeentecode is niet ingevuld; voor Rotterdam is dat GM0599.", blank.message());
        assertEquals("A.gemeentecode", blank.location().field());
        Finding foreign = one(check(rotterdamArm().gemeentecode("GM0363").build()), "GEMEENTECODE-ONJUIST");
        assertEquals("De CBS-gemeentecode 'GM0363' hoort niet bij Rotterdam (GM0599) maar bij Amsterdam.", foreign.message());
        assertNull(foreign.refusedAmount());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Zuid", "zuid", "Rotterdam Zuid", "Rotterdam-Zuid", "Zuid in Rotterdam"})
    void focusgebiedIsMatchedForgivingly(String typed) {
        none(check(rotterdamArm().focusgebieden(typed).build()), "FOCUSGEBIED-ONBEKEND");
    }

    @Test
    void unknownFocusgebiedIsReportedOnItsOwnSlot() {
        List<Finding> f = check(AanvraagBuilder.aanvraag("Amsterdam", "GM0363", "Amsterdam Zuidoost", "Centrum").build());
        Finding x = one(f, "FOCUSGEBIED-ONBEKEND");
        assertEquals("A.focusgebied.2", x.location().field());
        assertEquals("'Centrum' is geen stedelijk focusgebied van Amsterdam; dat zijn Zuidoost en Nieuw-West (art. 1).", x.message());
        Finding missing = one(check(rotterdamArm().focusgebieden().build()), "FOCUSGEBIED-ONBEKEND");
        assertEquals("A.focusgebied.1", missing.location().field());
        assertEquals("Er is geen stedelijk focusgebied ingevuld; voor Rotterdam is dat Zuid (art. 1).", missing.message());
    }

    @ParameterizedTest
    @CsvSource({"2023-08-01,false", "2023-09-30,false", "2023-07-31,true", "2023-10-01,true", "2024-03-15,true"})
    void aanvraagWindowEdges(LocalDate date, boolean fires) {
        List<Finding> f = check(rotterdamArm().date(date).build());
        if (!fires) {
            assertEquals(List.of(), f);
            return;
        }
        Finding t = one(f, "AANVRAAG-TERMIJN");
        assertEquals(Severity.AFWIJZING, t.severity());
        assertAmount("850.000", t.refusedAmount());
        assertEquals("A.datum", t.location().field());
        assertEquals("art. 10, eerste lid", t.article());
        assertTrue(t.message().contains("buiten de aanvraagperiode van 1 augustus 2023 tot en met 30 september 2023"), t.message());
    }

    @ParameterizedTest
    @CsvSource({"2024-03-01,false", "2024-04-30,false", "2024-09-01,false", "2024-10-31,false", "2025-03-01,false", "2025-04-30,false",
            "2024-02-29,true", "2024-05-01,true", "2024-08-31,true", "2024-11-01,true", "2025-05-01,true", "2023-09-15,true"})
    void wijzigingWindowEdges(LocalDate date, boolean fires) {
        List<Finding> f = check(rotterdamArm().wijziging(date, "KW-GM0599-ABCDEF0123").build());
        none(f, "AANVRAAG-TERMIJN");
        if (fires) {
            Finding t = one(f, "WIJZIGING-TERMIJN");
            assertAmount("850.000", t.refusedAmount());
            assertEquals("art. 10, derde lid", t.article());
        } else {
            none(f, "WIJZIGING-TERMIJN");
        }
    }

    @Test
    void missingDateIsAWarningAndNoWindowIsChecked() {
        List<Finding> f = check(rotterdamArm().date(null).build());
        Finding d = one(f, "DATUM-ONTBREEKT");
        assertEquals(Severity.WAARSCHUWING, d.severity());
        assertEquals("art. 10, eerste lid", d.article());
        none(f, "AANVRAAG-TERMIJN");
        assertEquals("art. 10, derde lid", one(check(rotterdamArm().kind(AanvraagKind.WIJZIGING).kenmerk("K").date(null).build()),
                "DATUM-ONTBREEKT").article());
    }

    @Test
    void onlyTheFirstWholeRefusalCarriesTheAmount() {
        List<Finding> f = check(rotterdamArm().gemeente("Amersfoort").date(2023, 10, 1).build());
        assertAmount("850.000", one(f, "GEMEENTE-ONBEKEND").refusedAmount());
        Finding late = one(f, "AANVRAAG-TERMIJN");
        assertNull(late.refusedAmount());
        assertTrue(late.message().endsWith("De aanvraag is al in haar geheel afgewezen op grond van art. 2, eerste lid, jo. art. 1."), late.message());
    }

    private static AanvraagBuilder wijziging(String requested2025, String verleend) {
        // Utrecht ARM: granted € 850.000; the wijziging changes 2025 only.
        return AanvraagBuilder.aanvraag("Utrecht", "GM0344", "Overvecht")
                .wijziging(LocalDate.of(2024, 3, 15), "KW-GM0344-0123456789")
                .budget("ARM", "510.000", "170.000", requested2025).granted(verleend)
                .activity(1, "ARM").budget("510.000", "170.000", requested2025).done();
    }

    @Test
    void wijzigingOfExactly25PercentIsAllowed() {
        // 25 % of € 850.000 = € 212.500: a request of € 637.500 (2025: € 170.000 − € 212.500 < 0, so lower 2023) …
        List<Finding> down = check(AanvraagBuilder.aanvraag("Utrecht", "GM0344", "Overvecht")
                .wijziging(LocalDate.of(2024, 3, 15), "K").budget("ARM", "297.500", "170.000", "170.000").granted("850.000")
                .activity(1, "ARM").budget("297.500", "170.000", "170.000").done().build());
        none(down, "WIJZIGING-OMVANG");
        // … and one cent less of a change is refused as a whole.
        List<Finding> justUnder = check(AanvraagBuilder.aanvraag("Utrecht", "GM0344", "Overvecht")
                .wijziging(LocalDate.of(2024, 3, 15), "K").budget("ARM", "297.500,01", "170.000", "170.000").granted("850.000")
                .activity(1, "ARM").budget("297.500,01", "170.000", "170.000").done().build());
        Finding o = one(justUnder, "WIJZIGING-OMVANG");
        assertEquals(Severity.AFWIJZING, o.severity());
        // Issue 7: a refused wijziging leaves the verlening as it is; a decrease refuses no amount (it used to carry the
        // whole request, 637.500,01, as if nothing had been granted).
        assertNull(o.refusedAmount());
        assertTrue(o.message().contains("de verleningsbeschikking blijft ongewijzigd"), o.message());
        assertTrue(o.message().contains("verleend € 850.000, gevraagd € 637.500,01, wijziging 25 %"), o.message());
        assertTrue(o.trail().computation().get(0).contains("|€ 637.500,01 − € 850.000| = € 212.499,99"), o.trail().computation().toString());
    }

    @Test
    void wijzigingUpwardsOf25PercentOrANewActivityOrANewOnderdeelIsAllowed() {
        none(check(wijziging("382.500", "850.000").build()), "WIJZIGING-OMVANG"); // +212.500 = exactly 25 %
        none(check(wijziging("170.000", "850.000").budget("VEE", "", "85.000", "").granted("0").build()), "WIJZIGING-OMVANG");
        List<Finding> small = check(wijziging("180.000", "850.000").build());
        one(small, "WIJZIGING-OMVANG");
        AanvraagBuilder withNew = wijziging("180.000", "850.000");
        withNew.activity(2, "ARM").newActivity(true).budget(null, null, "10.000").done();
        none(check(withNew.build()), "WIJZIGING-OMVANG");
    }

    @Test
    void wijzigingWithoutAnyGrantedAmountIsNotEvaluated() {
        List<Finding> f = check(AanvraagBuilder.aanvraag("Utrecht", "GM0344", "Overvecht")
                .wijziging(LocalDate.of(2024, 3, 15), "K").budget("ARM", "510.000", "170.000", "170.000")
                .activity(1, "ARM").budget("510.000", "170.000", "170.000").done().build());
        assertEquals(List.of(), f);
    }

    @Test
    void wijzigingWithoutKenmerkIsAWarning() {
        Finding k = one(check(wijziging("100.000", "850.000").kenmerk(" ").build()), "WIJZIGING-KENMERK");
        assertEquals("A.kenmerk", k.location().field());
        none(check(rotterdamArm().build()), "WIJZIGING-KENMERK");
    }

    @Test
    void signatoryAndDeclarations() {
        Finding s = one(check(rotterdamArm().signatory("J. Jansen", " ").build()), "ONDERTEKENING-ONTBREEKT");
        assertEquals("A.ondertekenaar.functie", s.location().field());
        assertTrue(s.message().startsWith("De functie van de ondertekenaar namens het college ontbreekt"), s.message());

        List<Finding> f = check(rotterdamArm().declarations(true, false, null, true).build());
        List<Finding> v = Checks.of(f, "VERKLARING-ONTBREEKT");
        assertEquals(2, v.size());
        Finding alliantie = v.stream().filter(x -> x.location().field().equals("E.alliantieoverleg")).findFirst().orElseThrow();
        assertEquals("art. 2, tweede lid, onder b", alliantie.article());
        assertTrue(alliantie.message().contains("(antwoord: nee)"), alliantie.message());
        Finding dubbel = v.stream().filter(x -> x.location().field().equals("E.geenDubbelfinanciering")).findFirst().orElseThrow();
        assertEquals("art. 2, vierde lid", dubbel.article());
        assertTrue(dubbel.message().contains("(antwoord: (leeg))"), dubbel.message());
    }
}
