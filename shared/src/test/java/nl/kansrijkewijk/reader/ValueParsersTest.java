package nl.kansrijkewijk.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import nl.kansrijkewijk.aanvraag.AanvraagKind;
import nl.kansrijkewijk.aanvraag.ActivityKind;
import nl.kansrijkewijk.regeling.Regeling;
import nl.kansrijkewijk.regeling.RegelingCatalogus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What people type into the choice fields, and what it means. */
class ValueParsersTest {
    private static final Regeling R = RegelingCatalogus.standard().first();

    @ParameterizedTest
    @ValueSource(strings = {"ja", "Ja", "JA", "j", "yes", "x", "X", "✓", "✔", "waar", "true", "1", "Ja.", "ja, sinds 2022"})
    void yes(String typed) {
        assertEquals(Optional.of(true), ValueParsers.yesNo(typed));
    }

    @ParameterizedTest
    @ValueSource(strings = {"nee", "Nee", "n", "no", "onwaar", "false", "0", "Nee!", "nee, want geen subsidie"})
    void no(String typed) {
        assertEquals(Optional.of(false), ValueParsers.yesNo(typed));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "n.v.t.", "nvt", "-"})
    void unansweredYesNo(String typed) {
        assertEquals(Optional.empty(), ValueParsers.yesNo(typed));
    }

    @ParameterizedTest
    @ValueSource(strings = {"misschien", "weet niet", "jaa", "2", "nej"})
    void unreadableYesNo(String typed) {
        assertThrows(IllegalArgumentException.class, () -> ValueParsers.yesNo(typed));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ORG|ORG", "org|ORG", "ARM|ARM", "ARM – preventie van armoede en schulden|ARM", "ARM - armoede|ARM",
        "Preventie armoede en schulden|ARM", "preventie van armoede en schulden|ARM", "armoede|ARM",
        "art. 5|ARM", "Artikel 5|ARM", "5|ARM", "art.9|OJK", "9 (jonge kind)|OJK",
        "Veerkracht en weerbaarheid|VEE", "re-integratie|REI", "Reintegratie|REI", "school en omgeving|SEO",
        "School & omgeving|SEO", "ontwikkeling jonge kind|OJK", "Ontwikkeling van het jonge kind|OJK",
        "integrale activiteiten|INT", "Integraal|INT", "organisatie uitvoeringsprogramma|ORG"})
    void onderdeel(String typed, String code) {
        assertEquals(Optional.of(code), ValueParsers.onderdeel(typed, R));
    }

    @ParameterizedTest
    @ValueSource(strings = {"gezonde leefomgeving", "art. 9a", "12", "XYZ", "wijk", "en"})
    void unreadableOnderdeel(String typed) {
        assertThrows(IllegalArgumentException.class, () -> ValueParsers.onderdeel(typed, R));
    }

    @Test
    void objectives() {
        assertEquals(List.of("ARM", "VEE", "REI"), ValueParsers.objectives("ARM, VEE; re-integratie", R));
        assertEquals(List.of("OJK", "SEO"), ValueParsers.objectives("OJK en SEO", R));
        assertEquals(List.of("ARM", "OJK"), ValueParsers.objectives("armoede/jonge kind", R));
        assertEquals(List.of("ARM"), ValueParsers.objectives("ARM, ARM", R));
        assertEquals(List.of(), ValueParsers.objectives("n.v.t.", R));
        ValueParsers.PartialException e = assertThrows(ValueParsers.PartialException.class,
                () -> ValueParsers.objectives("ARM, wonen", R));
        assertEquals(List.of("ARM"), e.readable);
    }

    @Test
    void soorten() {
        assertEquals(Optional.of(AanvraagKind.AANVRAAG), ValueParsers.aanvraagKind("Aanvraag"));
        assertEquals(Optional.of(AanvraagKind.AANVRAAG), ValueParsers.aanvraagKind("eerste aanvraag"));
        assertEquals(Optional.of(AanvraagKind.WIJZIGING), ValueParsers.aanvraagKind("Wijzigingsverzoek"));
        assertEquals(Optional.of(AanvraagKind.WIJZIGING), ValueParsers.aanvraagKind("aanvraag tot wijziging"));
        assertThrows(IllegalArgumentException.class, () -> ValueParsers.aanvraagKind("subsidie"));
        assertEquals(Optional.of(ActivityKind.NIEUW), ValueParsers.activityKind("Nieuw"));
        assertEquals(Optional.of(ActivityKind.UITBREIDING), ValueParsers.activityKind("uitbreiding bestaande activiteit"));
        assertEquals(Optional.of(ActivityKind.VOORTZETTING), ValueParsers.activityKind("voortzetting"));
        assertEquals(Optional.of(ActivityKind.VOORTZETTING), ValueParsers.activityKind("wordt voortgezet"));
        assertThrows(IllegalArgumentException.class, () -> ValueParsers.activityKind("misschien"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"a|a", "C|c", "c)|c", "onder d|d", "art. 6, lid 2, onder e|e", "6.2.f|f",
        "g – ambtelijke en bestuurlijke professionaliteit|g", "digitale weerbaarheid|c", "Zelfbeschikking|b",
        "anders|anders", "Anders, namelijk buurtbemiddeling|anders"})
    void art6(String typed, String letter) {
        assertEquals(Optional.of(letter), ValueParsers.letter(typed, R.letteredList("art6lid2"), true, "aspect"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h", "z", "positief", "1"})
    void unreadableArt6(String typed) {
        assertThrows(IllegalArgumentException.class,
                () -> ValueParsers.letter(typed, R.letteredList("art6lid2"), true, "aspect"));
    }

    @Test
    void art9StopsAtE() {
        assertEquals(Optional.of("e"), ValueParsers.letter("e", R.letteredList("art9lid2"), true, "activiteit"));
        assertThrows(IllegalArgumentException.class,
                () -> ValueParsers.letter("f", R.letteredList("art9lid2"), true, "activiteit"));
    }

    @Test
    void focusgebiedenAndOntwikkelgebieden() {
        List<String> amsterdam = R.gemeente("Amsterdam").orElseThrow().focusgebieden();
        assertEquals(Optional.of("Nieuw-West"), ValueParsers.canonicalFocusgebied("nieuw west", amsterdam, "Amsterdam"));
        assertEquals(Optional.of("Nieuw-West"), ValueParsers.canonicalFocusgebied("Amsterdam Nieuw-West", amsterdam,
                "Amsterdam"));
        assertEquals(Optional.of("Zuidoost"), ValueParsers.canonicalFocusgebied("Zuid-Oost", amsterdam, "Amsterdam"));
        assertEquals(Optional.empty(), ValueParsers.canonicalFocusgebied("Noord", amsterdam, "Amsterdam"));
        assertEquals(Optional.of("CentraleAs"), ValueParsers.canonicalFocusgebied("Centrale As",
                R.gemeente("Nieuwegein").orElseThrow().focusgebieden(), "Nieuwegein"));
        assertEquals("oriëntatie op jezelf en de wereld",
                ValueParsers.ontwikkelgebied("Orientatie op jezelf en de wereld", R.ontwikkelgebieden()));
        assertEquals("cognitieve ontwikkeling", ValueParsers.ontwikkelgebied("Cognitieve", R.ontwikkelgebieden()));
        assertEquals("huiswerk", ValueParsers.ontwikkelgebied("huiswerk", R.ontwikkelgebieden()));
    }

    @Test
    void brinAndCounts() {
        assertEquals(List.of("12AB00", "34CD01", "56EF"), ValueParsers.brinList("12AB00, 34 cd 01; 56ef"));
        assertEquals(List.of("12AB", "34CD"), ValueParsers.brinList("12AB en 34CD"));
        assertEquals(List.of("De Regenboog", "Het Baken"), ValueParsers.brinList("De Regenboog, Het Baken"));
        assertEquals("12AB00", ValueParsers.brin("12 ab 00"));
        assertEquals(Optional.of(20), ValueParsers.count("20"));
        assertEquals(Optional.of(18), ValueParsers.count("18 scholen"));
        assertEquals(Optional.of(7), ValueParsers.count("7,0"));
        assertThrows(IllegalArgumentException.class, () -> ValueParsers.count("twintig"));
    }
}
