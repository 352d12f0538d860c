package nl.kansrijkewijk.check;

import java.time.LocalDate;
import java.util.List;
import nl.kansrijkewijk.aanvraag.Aanvraag;
import nl.kansrijkewijk.testing.AanvraagBuilder;

/**
 * A small corpus of deliberately faulty aanvragen that together make every rule of the checker fire, plus the
 * fully correct Rotterdam aanvraag. Amounts are taken from the Bijlage text (Stcrt. 2023, 17605).
 */
public final class Scenarios {
    private Scenarios() {}

    /**
     * Rotterdam (focusgebied Zuid), every onderdeel at its Bijlage maximum, one valid activity per onderdeel,
     * a coalition of 18 of 20 schools. INT and SEO request the stated amount (their termijnen add up to one euro
     * more); the other onderdelen request exactly their termijnen.
     */
    public static AanvraagBuilder rotterdamAtMaximum() {
        return AanvraagBuilder.aanvraag("Rotterdam", "GM0599", "Zuid")
                .budget("ORG", "500.000", "500.000", "500.000")
                .budget("INT", "1.373.297", "4.223.009", "4.512.974")
                .budget("ARM", "510.000", "170.000", "170.000")
                .budget("VEE", "85.000", "85.000", "85.000")
                .budget("REI", null, "1.958.765", "2.047.800")
                .budget("SEO", "5.957.319", "18.027.421", "19.581.526")
                .budget("OJK", "1.229.699", "3.689.197", "3.689.197")
                .coalitie("Rotterdam Zuid Kansrijk", 20, 18)
                .school("OBS De Regenboog", "12AB", true, true)
                .school("CBS De Akker", "34CD", true, true)
                .activity(1, "ORG").name("Programmabureau Zuid").budget("500.000", "500.000", "500.000").done()
                .activity(2, "INT").name("Wijkteams Zuid").objectives("ARM", "REI").budget("1.373.297", "4.223.009", "4.512.974").done()
                .activity(3, "ARM").name("Vroegsignalering schulden").budget("510.000", "170.000", "170.000").done()
                .activity(4, "VEE").name("Ontmoetingsplekken").art6("f").budget("85.000", "85.000", "85.000").done()
                .activity(5, "REI").name("Werkgeversservicepunt Zuid").budget(null, "1.958.765", "2.047.800").done()
                .activity(6, "SEO").name("Naschoolse sport en cultuur").ontwikkelgebied("cultuur").schools("12AB", "34CD")
                        .budget("5.957.319", "18.027.421", "19.581.526").done()
                .activity(7, "OJK").name("Extra handen in groep 1 en 2").art9("e").onderwijsassistent(true, "mbo niveau 4")
                        .budget("1.229.699", "3.689.197", "3.689.197").done();
    }

    /** Amsterdam with nearly everything wrong (late, wrong code, unknown focusgebied, unsigned, bad activities). */
    public static Aanvraag amsterdamChaos() {
        return AanvraagBuilder.aanvraag("Amsterdam", "GM0599", "Centrum", "Nieuw-West")
                .date(2023, 10, 1)
                .signatory("", null)
                .noDeclarations()
                .budget("ARM", 2, "Nieuw-West", "900.000", "170.000", "170.000")
                .budget("REI", 1, "Zuidoost", null, "720.372", "753.116").statedTotal("1.500.000")
                .budget("SEO", 1, "Zuidoost", "100.000", null, null)
                .activity(1, "ARM").focusgebied("Nieuw-West").otherGovernmentFunding(true).compensableBtw("5.000")
                        .budget("300.000", null, null).done()
                .activity(2, "XYZ").budget("1.000", null, null).done()
                .activity(3, "ARM").focusgebied(null).budget("1.000", null, null).done()
                .activity(4, "INT").focusgebied("Zuidoost").objectives("SEO").budget("10.000", null, null).done()
                .activity(5, "INT").focusgebied("Zuidoost").objectives("ORG").budget("10.000", null, null).done()
                .activity(6, "INT").focusgebied("Zuidoost").objectives().name("Programmabureau versterken").budget("10.000", null, null).done()
                .activity(7, "VEE").focusgebied("Zuidoost").art6(null).onderbouwing(null).budget("10.000", null, null).done()
                .activity(8, "OJK").focusgebied("Zuidoost").onderwijsassistent(true, "mbo 2").budget("10.000", null, null).done()
                .activity(9, "OJK").focusgebied("Zuidoost").onderwijsassistent(true, null).budget("10.000", null, null).done()
                .activity(10, "INT").focusgebied("Zuidoost").objectives("ORG", "VEE").budget("10.000", null, null).done()
                .build();
    }

    /** Rotterdam SEO with a coalition under 85 % and faulty SEO activities; INT at the stated maximum. */
    public static Aanvraag rotterdamSeoFaults() {
        return AanvraagBuilder.aanvraag("Rotterdam", "GM0599", "Zuid")
                .budget("INT", "1.373.297", "4.223.009", "4.512.974")
                .budget("SEO", "100.000", "100.000", "100.000")
                .coalitie("Zuid", 20, 16)
                .school("OBS Buiten", "99ZZ", true, false)
                .activity(1, "INT").budget("1.373.297", "4.223.009", "4.512.974").done()
                .activity(2, "SEO").outsideSchoolHours(false).budget("50.000", null, null).done()
                .activity(3, "SEO").outsideSchoolHours(null).budget("50.000", null, null).done()
                .activity(4, "SEO").schools("99ZZ", "77XX").budget(null, "50.000", null).done()
                .activity(5, "SEO").name("Bijles rekenen").ontwikkelgebied("koken").budget(null, "50.000", null).done()
                .activity(6, "SEO").budget(null, null, "100.000").done()
                .build();
    }

    public static Aanvraag heerlenCoalitieOnbekend() {
        return AanvraagBuilder.aanvraag("Heerlen", "GM0917", "Noord")
                .budget("SEO", "100.000", null, null)
                .activity(1, "SEO").budget("100.000", null, null).done()
                .build();
    }

    public static Aanvraag wijzigingTeLaatZonderKenmerk() {
        return AanvraagBuilder.aanvraag("Utrecht", "GM0344", "Overvecht")
                .wijziging(LocalDate.of(2024, 5, 1), null)
                .budget("ARM", "510.000", "170.000", "100.000").granted("850.000")
                .activity(1, "ARM").budget("510.000", "170.000", "100.000").done()
                .build();
    }

    public static Aanvraag zonderDatum() {
        return AanvraagBuilder.aanvraag("Delft", "GM0503", "West").date(null)
                .budget("ARM", "510.000", "170.000", "170.000")
                .activity(1, "ARM").budget("510.000", "170.000", "170.000").done()
                .build();
    }

    public static Aanvraag onbekendeGemeente() {
        return AanvraagBuilder.aanvraag("Amersfoort", "GM0307", "Kruiskamp")
                .budget("ARM", "510.000", "170.000", "170.000")
                .activity(1, "ARM").budget("510.000", "170.000", "170.000").done()
                .build();
    }

    /** Amsterdam over its ARM maximum (1.760.000 > 1.700.000) and VEE Nieuw-West above its own termijnen. */
    public static Aanvraag amsterdamBovenMaximum() {
        return AanvraagBuilder.aanvraag("Amsterdam", "GM0363", "Zuidoost", "Nieuw-West")
                .budget("ARM", 1, "Zuidoost", "510.000", "170.000", "230.000")
                .budget("ARM", 2, "Nieuw-West", "510.000", "170.000", "170.000")
                .budget("VEE", 2, "Nieuw-West", "100.000", "85.000", "85.000")
                .activity(1, "ARM").focusgebied("Zuidoost").budget("510.000", "170.000", "230.000").done()
                .activity(2, "ARM").focusgebied("Nieuw-West").budget("510.000", "170.000", "170.000").done()
                .activity(3, "VEE").focusgebied("Nieuw-West").art6("a").budget("100.000", "85.000", "85.000").done()
                .build();
    }

    public static List<Aanvraag> faulty() {
        return List.of(amsterdamChaos(), rotterdamSeoFaults(), heerlenCoalitieOnbekend(), wijzigingTeLaatZonderKenmerk(),
                zonderDatum(), onbekendeGemeente(), amsterdamBovenMaximum());
    }
}
