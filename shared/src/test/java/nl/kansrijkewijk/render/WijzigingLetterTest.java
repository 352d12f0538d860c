package nl.kansrijkewijk.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.kansrijkewijk.fixtures.FixtureSpec;
import nl.kansrijkewijk.processing.AanvraagProcessor;
import nl.kansrijkewijk.processing.Evaluation;
import nl.kansrijkewijk.processing.OutputNames;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The two wijziging letters, read as the college reads them. Expected amounts are worked out by hand from the
 * fixtures' forms and the Bijlage (see the spec comments), never copied from the code.
 */
class WijzigingLetterTest {
    private static final AanvraagProcessor PROCESSOR = new AanvraagProcessor();
    private static String refused;
    private static String accepted;

    @BeforeAll
    static void letters() throws Exception {
        refused = text("utrecht-wijziging-te-klein.xlsx");
        accepted = text("eindhoven-wijziging-correct.pdf");
    }

    private static String text(String file) throws Exception {
        var path = FixtureSpec.fixturesDir().resolve("generated").resolve(file);
        Evaluation e = PROCESSOR.evaluate(file, Files.readAllBytes(path));
        byte[] pdf = PROCESSOR.outputs(e).get(OutputNames.BESCHIKKING);
        return LetterInternalKeysTest.pdfText(pdf).replace('\u00a0', ' ').replaceAll("-\\s*\\n\\s*", "-").replaceAll("\\s+", " ");
    }

    /**
     * Utrecht asks, in the first window, to change every budget by less than 25 % (art. 10(4)): refused. The letter
     * refuses the request to change; the verlening stays — nothing of a grant letter follows the dictum.
     */
    @Test
    void aRefusedWijzigingIsAnAfwijzingOfTheChangeOnly() {
        assertTrue(refused.contains("Afwijzing aanvraag tot wijziging specifieke uitkering"), "onderwerp");
        has(refused, "Ik wijs uw aanvraag tot wijziging af. De verleningsbeschikking van "
                + "[datum verleningsbeschikking] met kenmerk KW-GM0344-5C0D2E9A41 blijft ongewijzigd");
        // previous verlening inclusief btw 6.529.550 (form's "verleend" column); btw 5 % of ORG 1.500.000, INT
        // 848.324, ARM 850.000, REI 731.226 = 196.477,50 (OJK 0 %); exclusief btw 6.333.072,50
        has(refused, "blijft € 6.333.072,50 (exclusief btw)");
        // increases asked: only OJK, 2.600.000 → 2.960.000 = 360.000; the others are decreases
        has(refused, "Niet toegekend worden de gevraagde verhogingen, in totaal € 360.000,00 "
                + "inclusief btw. Ook de gevraagde verlagingen gaan niet in");
        has(refused, "Deze afwijzing verandert niets aan de betaling van het voorschot");
        // one reason, the article written out
        assertEquals(1, count(refused, "Reden van de afwijzing"), refused);
        has(refused, "(artikel 10, vierde lid)");
        for (String grant : new String[] {"Onderdelen en bedragen", "Voorschot en betaling", "Betaalschema",
                "Verantwoordingsindicatoren", "Verplichtingen", "Ik verleen", "Bijlage: activiteiten"}) {
            assertFalse(refused.contains(grant), "a refused wijziging grants nothing, yet the letter has: " + grant);
        }
        assertTrue(refused.contains("Bezwaar") && refused.contains("artikel 6:7 van de Algemene wet bestuursrecht"));
        assertTrue(refused.contains("[In te vullen door de behandelaar"), "the reviewer's marked place");
    }

    /**
     * Eindhoven, received 12 September 2024: 2023 and 2024 termijnen paid (moments 28-12-2023, 15-02-2024). ARM: was
     * 850.000 incl. (807.500 excl.), paid 484.500 + 161.500 = 646.000, now 840.000 incl. = 798.000 excl., to pay
     * 152.000. VEE: was 200.000 incl. (190.000 excl.), paid 63.333,34 × 2 = 126.666,68, now 250.000 incl. = 237.500
     * excl., to pay 110.833,32.
     */
    @Test
    void anAcceptedWijzigingShowsWhatWasGrantedPaidAndIsStillToPay() {
        has(accepted, "Ik wijzig de verleningsbeschikking van [datum verleningsbeschikking] met kenmerk "
                + "KW-GM0772-8E41B07C3D");
        has(accepted, "bedraagt de specifieke uitkering aan uw gemeente € 5.420.000,00 (exclusief btw)");
        has(accepted, "Eerder verleend, al betaald en nu verleend (exclusief btw)");
        assertRow(accepted, "Preventie van armoede en schulden", "€ 807.500,00", "€ 646.000,00", "€ 798.000,00",
                "€ 152.000,00");
        assertRow(accepted, "Veerkracht en weerbaarheid", "€ 190.000,00", "€ 126.666,68", "€ 237.500,00",
                "€ 110.833,32");
        assertFalse(accepted.contains("verrekenen") || accepted.contains("verreken ik"), "nothing was paid beyond the new amounts");
        assertTrue(accepted.contains("al betaald"), "the paid years are marked in the yearly table");
        assertTrue(accepted.contains("[In te vullen door de behandelaar"), "the art. 12 place");
    }

    /**
     * Rotterdam ARM (Bijlage 510.000 / 170.000 / 170.000, btw 5 %), received 15 March 2024: was 850.000 incl. =
     * 484.500 / 161.500 / 161.500 excl., 2023 and 2024 paid = 646.000; now 600.000 incl. = 570.000 excl.: nothing
     * more to pay, 646.000 − 570.000 = 76.000 te verrekenen at the vaststelling.
     */
    @Test
    void moreAlreadyPaidThanNowGrantedIsToBeSettledAtTheVaststelling() throws Exception {
        java.time.LocalDate received = java.time.LocalDate.of(2024, 3, 15);
        var regeling = nl.kansrijkewijk.regeling.RegelingCatalogus.standard().first();
        var a = nl.kansrijkewijk.testing.AanvraagBuilder.aanvraag("Rotterdam", "GM0599", "Zuid")
                .wijziging(received, "KW-2023-GM0599-V")
                .budget("ARM", "360.000", "120.000", "120.000").granted("850.000")
                .activity(1, "ARM").budget("360.000", "120.000", "120.000").done().build();
        var findings = new java.util.ArrayList<>(new nl.kansrijkewijk.check.AanvraagChecker(
                nl.kansrijkewijk.finding.RuleCatalogue.standard()).check(a, regeling, received));
        var b = new nl.kansrijkewijk.besluit.BesluitCalculator().calculate(a, regeling, findings, received, null);
        byte[] pdf = new BeschikkingPdfWriter().write(b, a, findings, regeling);
        String t = LetterInternalKeysTest.pdfText(pdf).replace('\u00a0', ' ').replaceAll("-\\s*\\n\\s*", "-")
                .replaceAll("\\s+", " ");
        has(t, "verrekenen");
        int at = t.indexOf("Eerder verleend, al betaald en nu verleend");
        Matcher m = Pattern.compile("€ [0-9.]+,[0-9]{2}").matcher(t.substring(at));
        for (String amount : new String[] {"€ 807.500,00", "€ 646.000,00", "€ 570.000,00", "€ 0,00", "€ 76.000,00"}) {
            assertTrue(m.find(), amount);
            assertEquals(amount, m.group());
        }
        has(t, "in totaal € 76.000,00, verreken ik bij de vaststelling van de uitkering (artikel 15 van de regeling)");
    }

    private static void has(String text, String fragment) {
        assertTrue(text.contains(fragment), "missing «" + fragment + "» in: " + text);
    }

    /** The four amounts follow the row's label in this order (a wrapped label may interleave its second line). */
    private static void assertRow(String text, String label, String... amounts) {
        int at = text.indexOf(label.substring(0, 12), text.indexOf("Eerder verleend, al betaald en nu verleend"));
        assertTrue(at >= 0, "row " + label + " in " + text);
        Matcher m = Pattern.compile("€ [0-9.]+,[0-9]{2}").matcher(text.substring(at));
        for (String amount : amounts) {
            assertTrue(m.find(), "row " + label + ": " + amount);
            assertEquals(amount, m.group(), "row " + label);
        }
    }

    private static int count(String text, String what) {
        return text.split(Pattern.quote(what), -1).length - 1;
    }
}
