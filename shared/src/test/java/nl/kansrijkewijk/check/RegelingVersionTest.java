package nl.kansrijkewijk.check;

import static nl.kansrijkewijk.check.Checks.assertAmount;
import static nl.kansrijkewijk.check.Checks.none;
import static nl.kansrijkewijk.check.Checks.one;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import nl.kansrijkewijk.aanvraag.Aanvraag;
import nl.kansrijkewijk.besluit.Besluit;
import nl.kansrijkewijk.besluit.BesluitCalculator;
import nl.kansrijkewijk.finding.Finding;
import nl.kansrijkewijk.regeling.Regeling;
import nl.kansrijkewijk.regeling.RegelingCatalogus;
import nl.kansrijkewijk.testing.AanvraagBuilder;
import org.junit.jupiter.api.Test;

/**
 * Versions by date: the test catalogue holds tranche 1 and the 1 October 2023 amendment that adds onderdeel GZL
 * (gezonde leefomgeving, art. 9a; Stcrt. 2023, 25879). The seeds give no Bijlage amounts for GZL, so none are in
 * the data and a GZL request meets a maximum of € 0.
 */
class RegelingVersionTest {
    private static final RegelingCatalogus CATALOGUS = RegelingCatalogus.fromClasspath("/regeling-test/");

    @Test
    void theCatalogueSelectsTheVersionInForceOnADate() {
        assertEquals("kansrijke-wijk-2023", CATALOGUS.inForceOn(LocalDate.of(2023, 9, 30)).orElseThrow().id());
        assertEquals("kansrijke-wijk-2023-gzl", CATALOGUS.inForceOn(LocalDate.of(2023, 10, 1)).orElseThrow().id());
        assertEquals("kansrijke-wijk-2023-gzl", CATALOGUS.inForceOn(LocalDate.of(2024, 3, 1)).orElseThrow().id());
        assertTrue(CATALOGUS.inForceOn(LocalDate.of(2023, 6, 30)).isEmpty());
    }

    @Test
    void theTestCopyOfTranche1IsTheShippedFile() throws Exception {
        assertArrayEquals(bytes("/regeling/kansrijke-wijk-2023.yaml"), bytes("/regeling-test/kansrijke-wijk-2023.yaml"),
                "copy src/main/resources/regeling/kansrijke-wijk-2023.yaml to src/test/resources/regeling-test/ again");
    }

    @Test
    void theAmendmentOnlyAddsGezondeLeefomgeving() {
        Regeling t1 = CATALOGUS.versions().get(0);
        Regeling gzl = CATALOGUS.versions().get(1);
        assertEquals(t1.bijlage(), gzl.bijlage());
        assertEquals(t1.gemeenten(), gzl.gemeenten());
        assertEquals(t1.deadlines(), gzl.deadlines());
        assertEquals(t1.inconsistencies(), gzl.inconsistencies());
        assertEquals(t1.onderdelen(), gzl.onderdelen().subList(0, t1.onderdelen().size()));
        Regeling.Onderdeel added = gzl.onderdelen().get(gzl.onderdelen().size() - 1);
        assertEquals("GZL", added.code());
        assertEquals("art. 2, derde lid, onder f", added.legalBasis());
        assertTrue(gzl.bijlage().get("GZL") == null, "no invented Bijlage amounts for GZL");
        assertEquals(List.of(), RegelingAudit.audit(gzl));
    }

    private static Aanvraag rotterdamGzl(LocalDate date) {
        // A wijziging adding a new GZL budget (verleend 0 → counts as a change of at least 25 %).
        return AanvraagBuilder.aanvraag("Rotterdam", "GM0599", "Zuid")
                .wijziging(date, "KW-GM0599-0123456789")
                .budget("ARM", "510.000", "170.000", "170.000").granted("850.000")
                .budget("GZL", null, "40.000", "60.000").granted("0")
                .activity(1, "ARM").budget("510.000", "170.000", "170.000").done()
                .activity(2, "GZL").name("Gezonde schoolpleinen").budget(null, "40.000", "60.000").done()
                .build();
    }

    @Test
    void aGzlRequestIn2024IsCheckedAgainstTheAmendment() {
        LocalDate date = LocalDate.of(2024, 3, 15);
        Regeling inForce = CATALOGUS.inForceOn(date).orElseThrow();
        Aanvraag a = rotterdamGzl(date);
        List<Finding> f = Checks.CHECKER.check(a, inForce);
        none(f, "ACTIVITEIT-ONDERDEEL");
        none(f, "WIJZIGING-OMVANG");
        Finding m = one(f, "MAXIMUM-OVERSCHREDEN");
        assertEquals("GZL", m.onderdeel());
        assertEquals("art. 9a", m.article());
        assertAmount("100.000", m.refusedAmount());
        assertEquals("Voor gezonde leefomgeving vraagt Rotterdam € 100.000; de Bijlage noemt voor Rotterdam geen bedrag voor gezonde "
                + "leefomgeving, dus het maximum is € 0. Het meerdere, € 100.000, wordt afgewezen.", m.message());
        none(f, "TERMIJN-JAAR");

        Besluit b = new BesluitCalculator().calculate(a, inForce, f);
        assertEquals("kansrijke-wijk-2023-gzl", b.regelingId());
        Besluit.OnderdeelBesluit gzl = b.onderdelen().stream().filter(o -> o.onderdeel().equals("GZL")).findFirst().orElseThrow();
        assertEquals("gezonde leefomgeving", gzl.name());
        assertAmount("0", gzl.grantedInclBtw());
        assertAmount("0", gzl.maximum());
        assertAmount("100.000", gzl.refused());
        assertAmount("850.000", b.totalGrantedInclBtw());
    }

    @Test
    void theSameRequestAgainstTranche1MeetsAnOnderdeelTheRegelingDoesNotKnow() {
        Aanvraag a = rotterdamGzl(LocalDate.of(2024, 3, 15));
        List<Finding> f = Checks.CHECKER.check(a, CATALOGUS.first());
        assertEquals(2, one(f, "ACTIVITEIT-ONDERDEEL").activity());
        Finding m = one(f, "MAXIMUM-OVERSCHREDEN");
        assertEquals("art. 2, eerste en derde lid", m.article());
        assertTrue(m.message().contains("de regeling (Stcrt. 2023, 17605, versie geldend vanaf 1 juli 2023) kent geen onderdeel 'GZL'"),
                m.message());
        assertAmount("100.000", m.refusedAmount());
    }

    private static byte[] bytes(String resource) throws Exception {
        try (InputStream in = RegelingVersionTest.class.getResourceAsStream(resource)) {
            return in.readAllBytes();
        }
    }
}
