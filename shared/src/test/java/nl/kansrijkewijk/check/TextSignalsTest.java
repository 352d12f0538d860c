package nl.kansrijkewijk.check;

import static nl.kansrijkewijk.check.Checks.check;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import nl.kansrijkewijk.finding.Finding;
import nl.kansrijkewijk.finding.Severity;
import nl.kansrijkewijk.testing.AanvraagBuilder;
import org.junit.jupiter.api.Test;

/** Issue 7, item 6: the exact examples of the reviewer's trial, as SEO activities in Zaanstad. */
class TextSignalsTest {

    private static List<Finding> signals(String name, String description) {
        List<Finding> f = check(AanvraagBuilder.aanvraag("Zaanstad", "GM0479", "Zaandam-Oost")
                .budget("SEO", "100.000", null, null)
                .coalitie("Zaandam-Oost", 20, 20)
                .school("IKC De Kameleon", "12AB", true, true)
                .activity(1, "SEO").name(name).description(description).schools("12ab").budget("100.000", null, null).done()
                .build());
        return Checks.of(f, "SEO-UITSLUITING-TEKST");
    }

    private static Finding only(List<Finding> f, String letter) {
        List<Finding> l = f.stream().filter(x -> x.article().equals("art. 8, tweede lid, onder " + letter)).toList();
        assertEquals(1, l.size(), Checks.describe(f));
        assertEquals(Severity.WAARSCHUWING, l.get(0).severity());
        return l.get(0);
    }

    @Test
    void aTripToADutchTownIsNotAbroad() {
        assertEquals(List.of(), signals("Reis naar Enkhuizen", "Met de bus naar het Zuiderzeemuseum in Enkhuizen."));
    }

    @Test
    void aForeignCountryAndItsAdjectiveAreAbroad() {
        Finding c = only(signals("Natuurkamp in de Belgische Ardennen (België)", "Drie dagen kamperen."), "c");
        assertTrue(c.message().contains("'belgische'") && c.message().contains("'België'"), c.message());
        Finding d = only(signals("Uitwisseling", "Op bezoek bij een partnerschool in Duitsland."), "c");
        assertTrue(d.message().contains("'Duitsland'"), d.message());
    }

    @Test
    void negatedPhrasesDoNotSignal() {
        assertEquals(List.of(), signals("Sport buiten de onderwijstijd", "Voetbal en judo, buiten onderwijstijd; geen lunch."));
        Finding a = only(signals("Sport", "Training tijdens de les in de gymzaal."), "a");
        assertTrue(a.message().contains("'tijdens de les'"), a.message());
        Finding e = only(signals("Kookclub", "Samen koken, daarna een lunch."), "e");
        assertTrue(e.message().contains("'lunch'"), e.message());
    }

    @Test
    void homeworkClassMayBeBijles() {
        Finding d = only(signals("Huiswerkklas", "Twee middagen per week na school."), "d");
        assertTrue(d.message().contains("'huiswerkklas'"), d.message());
        assertTrue(d.message().contains("bijles"), d.message());
    }

    @Test
    void countryNamesComeFromTheJavaLocaleDataInDutch() {
        assertEquals(List.of("België", "Frankrijk"), ForeignPlaces.find("Kamp in België en daarna Frankrijk", List.of(), List.of()));
        assertEquals(List.of(), ForeignPlaces.find("Chili con carne in Nederland", List.of(), List.of("chili")));
    }
}
