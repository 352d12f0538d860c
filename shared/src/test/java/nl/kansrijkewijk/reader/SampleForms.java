package nl.kansrijkewijk.reader;

import java.util.LinkedHashMap;
import java.util.Map;

/** Filled forms as people type them, for the reader tests. */
final class SampleForms {
    static final String LONG_OMSCHRIJVING = "In Zuidoost werken buurtteams, de GGD, woningcorporatie Eigen Haard en "
            + "zelforganisaties samen aan één aanpak voor gezinnen met geldzorgen. Een ‘financiële huisarts’ houdt "
            + "spreekuur in het buurthuis aan het Reigersbos; bewoners kunnen zonder afspraak binnenlopen met brieven, "
            + "aanmaningen of vragen over toeslagen. Vrijwilligers van Schuldhulpmaatje begeleiden daarna thuis, "
            + "gemiddeld negen maanden. Coördinatie en scholing kosten ca. € 45.000 per jaar; de rest gaat naar "
            + "uren van de financiële huisartsen (2,4 fte) en naar een kleine voorziening voor noodgevallen. Doelgroep: "
            + "ruim 600 huishoudens per jaar, met nadruk op eenoudergezinnen en werkende armen, ook in de Bijlmer-Oost.";

    private SampleForms() {}

    /** Amsterdam, both focusgebieden, every section, Dutch characters, long texts, many activities. */
    static Map<String, String> comprehensive() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("A.gemeente", "Amsterdam");
        f.put("A.gemeentecode", "gm0363");
        f.put("A.focusgebied.1", "Zuidoost");
        f.put("A.focusgebied.2", "nieuw west");
        f.put("A.soort", "Aanvraag");
        f.put("A.datum", "28 september 2023");
        f.put("A.ondertekenaar.naam", "drs. Zoë van Bruggen-Çelik");
        f.put("A.ondertekenaar.functie", "wethouder Wijkaanpak & Armoede");
        f.put("A.contact.naam", "Jiří Novák");
        f.put("A.contact.email", "j.novak@amsterdam.nl");
        f.put("A.contact.telefoon", "+31 20 555 0123");

        budgetRow(f, "ORG", 1, "€ 500.000,00", "500000", "500.000", "€ 1.500.000,00");
        budgetRow(f, "ORG", 2, "€ 500.000,00", "€ 500.000,00", "€ 500.000,00", "1500000");
        budgetRow(f, "INT", 1, "€ 200.000,00", "€ 500.000,00", "€ 500.000,00", "€ 1.200.000,00");
        budgetRow(f, "INT", 2, "250.000", "700.000", "750.000", "1.700.000");
        budgetRow(f, "ARM", 1, "€ 510.000,00", "€ 170.000,00", "€ 170.000,00", "€ 850.000,00");
        budgetRow(f, "ARM", 2, "EUR 400.000,50", "150.000,-", "150000,25", "€ 700.000,75");
        budgetRow(f, "VEE", 1, "85000", "85000", "85000", "255000");
        budgetRow(f, "VEE", 2, "60.000", "80.000", "85.000", "225.000");
        budgetRow(f, "REI", 1, "€ 0,00", "€ 600.000,00", "€ 700.000,00", "€ 1.300.000,00");
        budgetRow(f, "REI", 2, "", "1.000.000", "1.050.000", "2.050.000");
        budgetRow(f, "OJK", 1, "€ 600.000,00", "€ 1.800.000,00", "€ 1.800.000,00", "€ 4.200.000,00");
        budgetRow(f, "OJK", 2, "€ 900.000,00", "€ 2.900.000,00", "€ 2.900.000,00", "€ 6.700.000,00");
        f.put("B.OJK.fg2.verleend", "€ 6.500.000,00");

        activity(f, 1, "ARM", "Zuidoost", "Financiële huisarts Zuidoost", LONG_OMSCHRIJVING, "nieuw",
                "€ 310.000,00", "€ 100.000,00", "€ 100.000,00");
        f.put("C.1.overheidsvergoeding", "nee");
        f.put("C.1.btwCompensabel", "€ 1.250,00");
        f.put("C.1.onderbouwing", "Vroegsignalering voorkomt problematische schulden; de pilot in 2022 bereikte 180 "
                + "huishoudens, van wie 74 % binnen een jaar schuldenrust had. Zie de evaluatie ‘Geldzorgen de baas’.");
        f.put("C.1.nieuweActiviteit", "nee");
        activity(f, 2, "Preventie armoede en schulden", "Zuidoost", "Schuldhulpmaatjes", "Vrijwilligers begeleiden "
                + "huishoudens thuis.", "uitbreiding bestaande activiteit", "200.000", "70.000", "70.000");
        f.put("C.2.overheidsvergoeding", "Nee");
        activity(f, 3, "art. 5", "Nieuw-West", "Geldcafé Nieuw-West", "Inloop in de bibliotheek Slotermeer.",
                "Voortzetting", "400000,50", "150000", "150000,25");
        f.put("C.3.overheidsvergoeding", "n");
        activity(f, 4, "VEE", "Zuidoost", "Digitale weerbaarheid voor ouders", "Workshops over online oplichting.",
                "nieuw", "85.000", "85.000", "85.000");
        f.put("C.4.art6", "c – digitale weerbaarheid");
        activity(f, 5, "6", "Nieuw-West", "Ontmoeting in de buurt", "Buurtmaaltijden en ontmoetingen.", "nieuw",
                "60.000", "80.000", "85.000");
        f.put("C.5.art6", "Anders, namelijk buurtbemiddeling");
        f.put("C.5.onderbouwing", "Buurtbemiddeling voorkomt escalatie van conflicten.");
        activity(f, 6, "OJK", "Zuidoost", "Onderwijsassistenten groep 1 en 2", "Extra handen in de kleutergroepen.",
                "uitbreiding", "600.000", "1.800.000", "1.800.000");
        f.put("C.6.art9", "e");
        f.put("C.6.onderwijsassistent", "ja");
        f.put("C.6.diploma", "mbo niveau 4 (onderwijsassistent)");
        activity(f, 7, "ontwikkeling van het jonge kind", "Nieuw-West", "VVE-toeleiding", "Toeleiding naar "
                + "voorschoolse educatie.", "voortzetting", "900.000", "2.900.000", "2.900.000");
        f.put("C.7.art9", "onder b");
        f.put("C.7.onderwijsassistent", "Nee.");
        activity(f, 8, "INT", "Zuidoost", "Integrale wijkteams", "Eén huis in de wijk.", "nieuw",
                "200.000", "500.000", "500.000");
        f.put("C.8.doelstellingen", "ARM, VEE; re-integratie");
        activity(f, 9, "integrale activiteiten", "Nieuw-West", "Kansrijk opgroeien", "Gezinscoaches.", "nieuw",
                "250.000", "700.000", "750.000");
        f.put("C.9.doelstellingen", "OJK en SEO");
        activity(f, 10, "REI", "Zuidoost", "Werkfit Zuidoost", "Werkcoaches op wijklocaties.", "nieuw",
                "€ 0,00", "600.000", "700.000");
        activity(f, 11, "re-integratie", "Nieuw-West", "Taal en werk", "Taalcafé met werkfit-traject.", "nieuw",
                "", "1.000.000", "1.050.000");
        activity(f, 12, "SEO", "Zuidoost", "Naschoolse sport en cultuur", "Sport en cultuur na schooltijd op drie "
                + "scholen.", "nieuw", "10.000", "20.000", "20.000");
        f.put("C.12.buitenOnderwijstijd", "ja");
        f.put("C.12.ontwikkelgebied", "Sport");
        f.put("C.12.scholen", "12AB00, 34 cd 01; 56EF");
        f.put("C.12.overheidsvergoeding", "✓");
        f.put("C.13.naam", "Alleen een naam, de rest volgt");
        for (int n = 14; n <= 24; n++) {
            activity(f, n, "ORG", n % 2 == 0 ? "Zuidoost" : "Nieuw-West", "Programmaonderdeel " + n,
                    "Onderdeel " + n + " van de programmaorganisatie: coördinatie, monitoring en communicatie.",
                    "voortzetting", "1.000", "2.000", "3.000");
        }
        activity(f, 60, "OJK", "Nieuw-West", "Laatste blok: ouderbetrokkenheid", "Ouderkamers in vijf "
                + "basisscholen (Geuzenveld, Slotermeer).", "nieuw", "1,00", "2,00", "3,00");
        f.put("C.60.art9", "a");

        f.put("D.coalitie.naam", "Coalitie Kansrijk Zuidoost ‘Samen Sterk’");
        f.put("D.coalitie.scholenFocusgebied", "20");
        f.put("D.coalitie.scholenInCoalitie", "18 scholen");
        school(f, 1, "OBS De Regenboog", "12AB00", "ja", "ja");
        school(f, 2, "Christelijke basisschool Het Baken", "34 cd 01", "j", "x");
        school(f, 3, "IKC Zuidoost-Oost", "56EF", "Ja", "nee");
        school(f, 40, "Laatste regel: SBO De Brug", "78GH02", "nee", "nee");

        f.put("E.programmaorganisatie", "ja");
        f.put("E.alliantieoverleg", "Ja.");
        f.put("E.geenDubbelfinanciering", "x");
        f.put("E.staatssteun", "✓");
        return f;
    }

    static void budgetRow(Map<String, String> f, String o, int slot, String y23, String y24, String y25, String total) {
        put(f, "B." + o + ".fg" + slot + ".2023", y23);
        put(f, "B." + o + ".fg" + slot + ".2024", y24);
        put(f, "B." + o + ".fg" + slot + ".2025", y25);
        put(f, "B." + o + ".fg" + slot + ".totaal", total);
    }

    static void activity(Map<String, String> f, int n, String onderdeel, String focus, String naam, String omschrijving,
            String soort, String y23, String y24, String y25) {
        String p = "C." + n + ".";
        put(f, p + "onderdeel", onderdeel);
        put(f, p + "focusgebied", focus);
        put(f, p + "naam", naam);
        put(f, p + "omschrijving", omschrijving);
        put(f, p + "soort", soort);
        put(f, p + "begroting.2023", y23);
        put(f, p + "begroting.2024", y24);
        put(f, p + "begroting.2025", y25);
    }

    static void school(Map<String, String> f, int n, String naam, String brin, String inFocus, String inCoalitie) {
        String p = "D.school." + n + ".";
        f.put(p + "naam", naam);
        f.put(p + "brin", brin);
        f.put(p + "inFocusgebied", inFocus);
        f.put(p + "inCoalitie", inCoalitie);
    }

    private static void put(Map<String, String> f, String k, String v) {
        if (v != null && !v.isEmpty()) {
            f.put(k, v);
        }
    }
}
