package nl.kansrijkewijk.render;

import static nl.kansrijkewijk.money.Money.euros;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import nl.kansrijkewijk.aanvraag.Aanvraag;
import nl.kansrijkewijk.aanvraag.AanvraagKind;
import nl.kansrijkewijk.aanvraag.Activity;
import nl.kansrijkewijk.aanvraag.ActivityKind;
import nl.kansrijkewijk.aanvraag.BudgetLine;
import nl.kansrijkewijk.aanvraag.Declarations;
import nl.kansrijkewijk.aanvraag.Source;
import nl.kansrijkewijk.besluit.Besluit;
import nl.kansrijkewijk.besluit.Besluit.OnderdeelBesluit;
import nl.kansrijkewijk.besluit.Besluit.Refusal;
import nl.kansrijkewijk.finding.Finding;
import nl.kansrijkewijk.finding.Location;
import nl.kansrijkewijk.finding.Severity;
import nl.kansrijkewijk.finding.Trail;
import nl.kansrijkewijk.hash.Sha256;
import nl.kansrijkewijk.money.Money;
import nl.kansrijkewijk.regeling.Regeling;
import nl.kansrijkewijk.regeling.RegelingCatalogus;

/**
 * Hand-built cases for the writers: an Amsterdam aanvraag with the per-focusgebied split and four refusals,
 * a Rotterdam aanvraag granted in full, a Utrecht wijziging with a refused onderdeel, and a Breda aanvraag
 * refused as a whole (too late). Maxima and termijnen are read from the regeling's Bijlage; the Besluit
 * arithmetic follows RULES-SEMANTICS.md ("Besluit arithmetic") — it builds input for the writers, which
 * only print it. Expected amounts in the tests are worked out by hand in comments there.
 */
final class Scenarios {
    static final Regeling REGELING = RegelingCatalogus.standard().inForceOn(LocalDate.of(2023, 9, 1)).orElseThrow();

    /** Everything a writer needs. */
    record Case(Besluit besluit, Aanvraag aanvraag, List<Finding> findings) {}

    private Scenarios() {}

    // ------------------------------------------------------------------ Amsterdam

    static final String LONG_NAME = "Buurtgerichte ondersteuning van gezinnen met opgroeiende kinderen in Zuidoost door "
            + "wijkteams, sleutelfiguren en vrijwilligersorganisaties, inclusief outreachende huisbezoeken en een "
            + "laagdrempelig inloopspreekuur in de buurtkamer (Jongerenwerkgelegenheidsbevorderingsprogrammacoördinatie)";

    static Case amsterdam() {
        return amsterdam(LONG_NAME, "Inzet onderwijsassistenten groep 1 en 2 Nieuw-West");
    }

    /** Amsterdam, 15 september 2023; activity 3 and 9 names are parameters so a test can make them hostile. */
    static Case amsterdam(String activity3Name, String activity9Name) {
        String doc = "aanvraag-amsterdam.pdf";
        String zo = "Zuidoost";
        String nw = "Nieuw-West";
        List<Activity> acts = List.of(
                activity(1, "ORG", zo, "Programmaorganisatie en alliantieoverleg Zuidoost", years(500_000, 500_000, 500_000)),
                activity(2, "ORG", nw, "Programmaorganisatie en alliantieoverleg Nieuw-West", years(500_000, 500_000, 500_000)),
                withBtw(activity(3, "INT", zo, activity3Name, years(200_000, 500_000, 500_000)), euros(12_500)),
                activity(4, "INT", nw, "Integrale wijkaanpak Nieuw-West: schulden, werk en opvoeding", years(279_837, 758_069, 766_639)),
                activity(5, "ARM", zo, "Schuldhulp aan de keukentafel", years(510_000, 170_000, 170_000)),
                activity(6, "ARM", nw, "Vroegsignalering betalingsachterstanden", years(560_000, 170_000, 170_000)),
                doubleFunded(activity(7, "VEE", zo, "Weerbaarheidstraining jongeren (al gesubsidieerd)", years(10_000, 15_000, 15_000))),
                activity(8, "VEE", zo, "Ontmoetingsplekken voor buurtbewoners", years(75_000, 70_000, 70_000)),
                activity(9, "OJK", nw, activity9Name, years(40_000, 40_000, 40_000)),
                activity(10, "OJK", nw, "VVE-toeleiding en ouderbetrokkenheid", years(950_743, 2_932_308, 2_932_308)));
        List<BudgetLine> budget = List.of(
                line("ORG", zo, "B.ORG.fg1", years(500_000, 500_000, 500_000)),
                line("ORG", nw, "B.ORG.fg2", years(500_000, 500_000, 500_000)),
                line("INT", zo, "B.INT.fg1", years(200_000, 500_000, 500_000)),
                line("INT", nw, "B.INT.fg2", years(279_837, 758_069, 766_639)),
                line("ARM", zo, "B.ARM.fg1", years(510_000, 170_000, 170_000)),
                line("ARM", nw, "B.ARM.fg2", years(560_000, 170_000, 170_000)),
                line("VEE", zo, "B.VEE.fg1", years(85_000, 85_000, 85_000)),
                line("OJK", nw, "B.OJK.fg2", years(990_743, 2_972_308, 2_972_308)));
        Aanvraag aanvraag = aanvraag("Amsterdam", "GM0363", List.of(zo, nw), AanvraagKind.AANVRAAG, null,
                LocalDate.of(2023, 9, 15), budget, acts, doc);

        Finding btw = finding("BTW-COMPENSABEL", "art. 2, vijfde lid", Severity.AFWIJZING,
                "De begroting van activiteit 3 bevat € 12.500 btw die via het BTW-compensatiefonds compensabel is; "
                        + "dat bedrag komt niet in aanmerking.",
                doc, 4, "C.3.btwCompensabel", "INT", zo, 3, euros(12_500),
                Trail.builder().input("compensabele btw", "€ 12.500").input("activiteit totaal", "€ 1.200.000")
                        .step("min(€ 12.500, € 1.200.000) = € 12.500").outcome("€ 12.500 afgewezen"));
        Finding max = finding("MAXIMUM-OVERSCHREDEN", "art. 5, tweede lid", Severity.AFWIJZING,
                "Voor preventie van armoede en schulden in Nieuw-West is € 900.000 aangevraagd; de bijlage noemt "
                        + "voor dit focusgebied ten hoogste € 850.000. Het meerdere, € 50.000, wordt afgewezen.",
                doc, 2, "B.ARM.fg2", "ARM", nw, null, euros(50_000),
                Trail.builder().input("aangevraagd", "€ 900.000").input("maximum Nieuw-West", "€ 850.000")
                        .step("afgewezen activiteiten: € 0").step("€ 900.000 − € 0 = € 900.000 komt in aanmerking")
                        .step("€ 900.000 − € 850.000 = € 50.000 boven het maximum").outcome("€ 50.000 afgewezen"));
        Finding dubbel = finding("DUBBELE-FINANCIERING", "art. 2, vierde lid", Severity.AFWIJZING,
                "Voor activiteit 7 ontvangt de gemeente volgens het formulier al een vergoeding van overheidswege.",
                doc, 5, "C.7.overheidsvergoeding", "VEE", zo, 7, euros(40_000), null);
        Finding diploma = finding("OJK-DIPLOMA-TE-LAAG", "art. 9, derde lid", Severity.AFWIJZING,
                "De onderwijsassistent van activiteit 9 heeft diploma 'mbo 2'; vereist is ten minste mbo niveau 3.",
                doc, 6, "C.9.diploma", "OJK", nw, 9, euros(120_000), null);
        List<Finding> findings = List.of(
                finding("TERMIJN-JAAR", "art. 13, vierde lid, met de Bijlage", Severity.WAARSCHUWING,
                        "Voor armoede en schulden in Nieuw-West is voor 2023 € 560.000 aangevraagd; de termijn van de "
                                + "bijlage voor 2023 is € 510.000.",
                        doc, 2, "B.ARM.fg2.2023", "ARM", nw, null, null, null),
                diploma, btw,
                finding("ONDERBOUWING-ONTBREEKT", "art. 12, eerste lid", Severity.WAARSCHUWING,
                        "Activiteit 5 heeft geen onderbouwing van de bijdrage aan het doel.",
                        doc, 5, "C.5.onderbouwing", "ARM", zo, 5, null, null),
                max, dubbel);

        Map<String, List<Refusal>> refusals = new LinkedHashMap<>();
        refusals.put("INT|" + zo, List.of(refusal(btw)));
        refusals.put("VEE|" + zo, List.of(refusal(dubbel)));
        refusals.put("OJK|" + nw, List.of(refusal(diploma)));
        List<OnderdeelBesluit> groups = List.of(
                group("Amsterdam", "ORG", null, years(1_000_000, 1_000_000, 1_000_000), List.of()),
                group("Amsterdam", "INT", zo, years(200_000, 500_000, 500_000), refusals.get("INT|" + zo)),
                group("Amsterdam", "INT", nw, years(279_837, 758_069, 766_639), List.of()),
                group("Amsterdam", "ARM", zo, years(510_000, 170_000, 170_000), List.of()),
                group("Amsterdam", "ARM", nw, years(560_000, 170_000, 170_000), List.of()),
                group("Amsterdam", "VEE", zo, years(85_000, 85_000, 85_000), refusals.get("VEE|" + zo)),
                group("Amsterdam", "OJK", nw, years(990_743, 2_972_308, 2_972_308), refusals.get("OJK|" + nw)));
        return new Case(besluit(aanvraag, List.of(zo, nw), groups, null, LocalDate.of(2023, 12, 23)), aanvraag, findings);
    }

    // ------------------------------------------------------------------ Rotterdam

    /** Rotterdam asks exactly the stated Bijlage amount of every onderdeel; everything is granted. */
    static Case rotterdam() {
        String doc = "Aanvraag Rotterdam Zuid.xlsx";
        String fg = "Zuid";
        Map<String, SortedMap<Integer, BigDecimal>> requests = new LinkedHashMap<>();
        for (String code : List.of("ORG", "INT", "ARM", "VEE", "REI", "SEO", "OJK")) {
            Regeling.BijlageEntry e = REGELING.bijlageEntry(code, "Rotterdam").orElseThrow();
            SortedMap<Integer, BigDecimal> perYear = new TreeMap<>();
            e.installments().forEach((y, v) -> perYear.put(y, Money.scale(v)));
            // where the termijnen add up to one euro more than the stated amount, the form asks the stated amount
            BigDecimal diff = Money.sum(perYear.values()).subtract(Money.scale(e.total()));
            int last = perYear.lastKey();
            perYear.put(last, perYear.get(last).subtract(diff));
            requests.put(code, perYear);
        }
        List<Activity> acts = new ArrayList<>();
        List<BudgetLine> budget = new ArrayList<>();
        List<OnderdeelBesluit> groups = new ArrayList<>();
        int n = 0;
        for (Map.Entry<String, SortedMap<Integer, BigDecimal>> e : requests.entrySet()) {
            n++;
            acts.add(activity(n, e.getKey(), fg, "Rotterdam Zuid: " + REGELING.onderdeel(e.getKey()).orElseThrow().name(),
                    e.getValue()));
            budget.add(line(e.getKey(), fg, "B." + e.getKey() + ".fg1", e.getValue()));
            groups.add(group("Rotterdam", e.getKey(), null, e.getValue(), List.of()));
        }
        Aanvraag aanvraag = aanvraag("Rotterdam", "GM0599", List.of(fg), AanvraagKind.AANVRAAG, null,
                LocalDate.of(2023, 8, 30), budget, acts, doc);
        List<Finding> findings = List.of(
                finding("BIJLAGE-AFRONDING", "art. 13, vierde lid", Severity.INFO,
                        "De termijnen van de bijlage voor integrale activiteiten tellen op tot € 10.109.281; de bijlage "
                                + "noemt € 10.109.280. De laatste termijn is met € 1 verlaagd.",
                        doc, null, "B.INT.fg1", "INT", null, null, null, null),
                new Finding("ONDERTEKENING-ONTBREEKT", "art. 10, tweede lid", Severity.WAARSCHUWING,
                        "De functie van de ondertekenaar namens het college ontbreekt.",
                        Location.cell(doc, "A Aanvrager", "C12", "A.ondertekenaar.functie"), null, null, null, null,
                        null));
        return new Case(besluit(aanvraag, List.of(fg), groups, null, LocalDate.of(2023, 12, 23)), aanvraag, findings);
    }

    // ------------------------------------------------------------------ Utrecht wijziging

    /** Utrecht asks on 20 September 2024 to lower INT by 29 % and to add school en omgeving (not eligible). */
    static Case utrechtWijziging() {
        String doc = "wijziging-utrecht.pdf";
        String fg = "Overvecht";
        List<Activity> acts = List.of(
                activity(1, "ORG", fg, "Programmabureau Overvecht", years(500_000, 500_000, 500_000)),
                activity(2, "INT", fg, "Integrale aanpak Overvecht-Noord", years(179_896, 210_052, 210_052)),
                activity(3, "ARM", fg, "Armoedepact Overvecht", years(510_000, 170_000, 170_000)),
                activity(4, "VEE", fg, "Buurtbemiddeling en ontmoeting", years(85_000, 85_000, 85_000)),
                activity(5, "REI", fg, "Werkgeversservicepunt Overvecht", years(0, 357_488, 373_738)),
                activity(6, "OJK", fg, "Taalstimulering peuters", years(424_411, 1_273_267, 1_273_266)),
                activity(7, "SEO", fg, "Naschoolse sport en cultuur", years(0, 150_000, 150_000)));
        List<BudgetLine> budget = List.of(
                wline("ORG", fg, years(500_000, 500_000, 500_000), euros(1_500_000)),
                wline("INT", fg, years(179_896, 210_052, 210_052), euros(848_324)),
                wline("ARM", fg, years(510_000, 170_000, 170_000), euros(850_000)),
                wline("VEE", fg, years(85_000, 85_000, 85_000), euros(255_000)),
                wline("REI", fg, years(0, 357_488, 373_738), euros(731_226)),
                wline("OJK", fg, years(424_411, 1_273_267, 1_273_266), euros(2_970_944)),
                wline("SEO", fg, years(0, 150_000, 150_000), euros(0)));
        Aanvraag aanvraag = aanvraag("Utrecht", "GM0344", List.of(fg), AanvraagKind.WIJZIGING, "KW-GM0344-7C1D2E3F40",
                LocalDate.of(2024, 9, 20), budget, acts, doc);
        Finding seo = finding("SEO-GEMEENTE", "art. 8, derde lid", Severity.AFWIJZING,
                "School en omgeving is alleen bestemd voor Leeuwarden, Heerlen, Zaanstad, Groningen en Rotterdam; "
                        + "het aangevraagde bedrag van € 300.000 wordt afgewezen.",
                doc, 2, "B.SEO.fg1", "SEO", null, null, euros(300_000), null);
        List<Finding> findings = List.of(seo,
                finding("SEO-COALITIE-ONBEKEND", "art. 8, eerste lid", Severity.WAARSCHUWING,
                        "De gegevens over de lokale coalitie ontbreken.", doc, 7, "D.coalitie.scholenFocusgebied", "SEO",
                        null, null, null, null));
        List<OnderdeelBesluit> groups = List.of(
                group("Utrecht", "ORG", null, years(500_000, 500_000, 500_000), List.of()),
                group("Utrecht", "INT", null, years(179_896, 210_052, 210_052), List.of()),
                group("Utrecht", "ARM", null, years(510_000, 170_000, 170_000), List.of()),
                group("Utrecht", "VEE", null, years(85_000, 85_000, 85_000), List.of()),
                group("Utrecht", "REI", null, years(0, 357_488, 373_738), List.of()),
                group("Utrecht", "SEO", null, years(0, 150_000, 150_000), List.of(refusal(seo))),
                group("Utrecht", "OJK", null, years(424_411, 1_273_267, 1_273_266), List.of()));
        // second wijzigingsvenster ends 31 October 2024; + 12 weeks
        return new Case(besluit(aanvraag, List.of(fg), groups, null, LocalDate.of(2025, 1, 23)), aanvraag, findings);
    }

    // ------------------------------------------------------------------ Breda, too late

    static Case bredaTooLate() {
        String doc = "aanvraag breda.pdf";
        String fg = "Noord";
        List<Activity> acts = List.of(
                activity(1, "ORG", fg, "Programmaorganisatie Noord", years(500_000, 500_000, 500_000)),
                activity(2, "OJK", fg, "Voorschoolse educatie Breda-Noord", years(631_055, 1_893_218, 1_893_218)));
        List<BudgetLine> budget = List.of(
                line("ORG", fg, "B.ORG.fg1", years(500_000, 500_000, 500_000)),
                line("OJK", fg, "B.OJK.fg1", years(631_055, 1_893_218, 1_893_218)));
        LocalDate submitted = LocalDate.of(2023, 10, 3);
        Aanvraag aanvraag = aanvraag("Breda", "GM0758", List.of(fg), AanvraagKind.AANVRAAG, null, submitted, budget,
                acts, doc);
        String reason = "De aanvraag is ingediend op 3 oktober 2023, na het einde van de aanvraagperiode van "
                + "1 augustus tot en met 30 september 2023.";
        Finding late = finding("AANVRAAG-TERMIJN", "art. 10, eerste lid", Severity.AFWIJZING, reason, doc, 1,
                "A.datum", null, null, null, euros(5_917_491),
                Trail.builder().input("datum", "3 oktober 2023").input("aanvraagperiode", "1-8-2023 t/m 30-9-2023")
                        .step("3 oktober 2023 ligt na 30 september 2023").outcome("hele aanvraag afgewezen"));
        List<OnderdeelBesluit> groups = new ArrayList<>();
        for (OnderdeelBesluit g : List.of(
                group("Breda", "ORG", null, years(500_000, 500_000, 500_000), List.of()),
                group("Breda", "OJK", null, years(631_055, 1_893_218, 1_893_218), List.of()))) {
            groups.add(refuseWhole(g, late));
        }
        return new Case(besluit(aanvraag, List.of(fg), groups, reason, submitted.plusWeeks(12)), aanvraag,
                List.of(late));
    }

    // ------------------------------------------------------------------ Arnhem, nothing left to grant

    /** Arnhem asks only for school en omgeving, which art. 8, derde lid reserves for five other gemeenten. */
    static Case arnhemOnlySeo() {
        String doc = "arnhem.pdf";
        String fg = "Oost";
        List<Activity> acts = List.of(activity(1, "SEO", fg, "Naschoolse sport", years(100_000, 100_000, 100_000)));
        List<BudgetLine> budget = List.of(line("SEO", fg, "B.SEO.fg1", years(100_000, 100_000, 100_000)));
        Aanvraag aanvraag = aanvraag("Arnhem", "GM0202", List.of(fg), AanvraagKind.AANVRAAG, null,
                LocalDate.of(2023, 9, 29), budget, acts, doc);
        Finding seo = finding("SEO-GEMEENTE", "art. 8, derde lid", Severity.AFWIJZING,
                "School en omgeving is alleen bestemd voor Leeuwarden, Heerlen, Zaanstad, Groningen en Rotterdam.",
                doc, 2, "B.SEO.fg1", "SEO", null, null, euros(300_000), null);
        List<OnderdeelBesluit> groups = List.of(
                group("Arnhem", "SEO", null, years(100_000, 100_000, 100_000), List.of(refusal(seo))));
        return new Case(besluit(aanvraag, List.of(fg), groups, null, LocalDate.of(2023, 12, 23)), aanvraag,
                List.of(seo));
    }

    // ------------------------------------------------------------------ hostile upload

    static final String EVIL_GEMEENTE = "=cmd|' /C calc'!A0";

    /**
     * A gemeente that is not in the regeling (GEMEENTE-ONBEKEND, whole refusal) whose every typed text starts like
     * a spreadsheet formula or carries markup.
     */
    static Case hostileUnknownGemeente() {
        String doc = "=evil.xlsx";
        List<Activity> acts = List.of(
                activity(1, "ORG", "+Zuid", "@SUM(A1:A9) <script>alert(1)</script>", years(100_000, 100_000, 100_000)),
                activity(2, "ARM", "+Zuid", "-1+2", years(10_000, 10_000, 10_000)));
        List<BudgetLine> budget = List.of(
                line("ORG", "+Zuid", "B.ORG.fg1", years(100_000, 100_000, 100_000)),
                line("ARM", "+Zuid", "B.ARM.fg1", years(10_000, 10_000, 10_000)));
        Aanvraag aanvraag = aanvraag(EVIL_GEMEENTE, "ONBEKEND", List.of("+Zuid"), AanvraagKind.AANVRAAG, null,
                LocalDate.of(2023, 9, 1), budget, acts, doc);
        String reason = "=HYPERLINK(\"http://evil.example\",\"klik\") is geen gemeente met een stedelijk focusgebied.";
        Finding unknown = finding("GEMEENTE-ONBEKEND", "art. 2, eerste lid, jo. art. 1", Severity.AFWIJZING, reason,
                doc, null, "A.gemeente", null, null, null, euros(330_000),
                Trail.builder().input("gemeente", EVIL_GEMEENTE).step("\t=1+1").outcome("@SUM(1+1)"));
        List<Finding> findings = List.of(unknown,
                finding("FOCUSGEBIED-ONBEKEND", "art. 1", Severity.WAARSCHUWING, "+31 6 12345678 is geen focusgebied",
                        doc, null, "A.focusgebied.1", null, "+Zuid", null, null, null),
                finding("ONDERBOUWING-ONTBREEKT", "art. 12, eerste lid", Severity.WAARSCHUWING,
                        "\uFF1D1+1 en \r=2+2", doc, null, "C.1.onderbouwing", "ORG", "+Zuid", 1, null, null));
        List<OnderdeelBesluit> groups = new ArrayList<>();
        for (OnderdeelBesluit g : List.of(
                group(EVIL_GEMEENTE, "ORG", null, years(100_000, 100_000, 100_000), List.of()),
                group(EVIL_GEMEENTE, "ARM", null, years(10_000, 10_000, 10_000), List.of()))) {
            groups.add(refuseWhole(g, unknown));
        }
        return new Case(besluit(aanvraag, List.of("+Zuid"), groups, reason, LocalDate.of(2023, 12, 23)), aanvraag,
                findings);
    }

    // ------------------------------------------------------------------ builders

    static SortedMap<Integer, BigDecimal> years(long y2023, long y2024, long y2025) {
        SortedMap<Integer, BigDecimal> m = new TreeMap<>();
        if (y2023 != 0) {
            m.put(2023, euros(y2023));
        }
        m.put(2024, euros(y2024));
        m.put(2025, euros(y2025));
        return m;
    }

    static Activity activity(int n, String onderdeel, String fg, String name, SortedMap<Integer, BigDecimal> budget) {
        return new Activity(n, onderdeel, fg, name, "Omschrijving van activiteit " + n, ActivityKind.UITBREIDING,
                null, null, null, null, List.of(), budget, false, null, "Draagt bij aan het doel.", null, null,
                List.of(), null);
    }

    private static Activity withBtw(Activity a, BigDecimal btw) {
        return new Activity(a.number(), a.onderdeel(), a.focusgebied(), a.name(), a.description(), ActivityKind.NIEUW,
                a.art6Aspect(), a.art9Activity(), a.onderwijsassistent(), a.onderwijsassistentDiploma(),
                List.of("ARM", "VEE"), a.budget(), false, btw, a.onderbouwing(), null, null, List.of(), null);
    }

    private static Activity doubleFunded(Activity a) {
        return new Activity(a.number(), a.onderdeel(), a.focusgebied(), a.name(), a.description(),
                ActivityKind.VOORTZETTING, "b", null, null, null, List.of(), a.budget(), true, null,
                a.onderbouwing(), null, null, List.of(), null);
    }

    private static BudgetLine line(String code, String fg, String prefix, SortedMap<Integer, BigDecimal> perYear) {
        return new BudgetLine(code, fg, perYear, Money.sum(perYear.values()), null, prefix);
    }

    private static BudgetLine wline(String code, String fg, SortedMap<Integer, BigDecimal> perYear, BigDecimal granted) {
        return new BudgetLine(code, fg, perYear, Money.sum(perYear.values()), granted, "B." + code + ".fg1");
    }

    static Aanvraag aanvraag(String gemeente, String code, List<String> fgs, AanvraagKind kind, String verleningKenmerk,
            LocalDate date, List<BudgetLine> budget, List<Activity> acts, String doc) {
        String sha = Sha256.hex((doc + date).getBytes(StandardCharsets.UTF_8));
        return new Aanvraag("KW-2023-1", gemeente, code, fgs, kind, verleningKenmerk, date,
                new Aanvraag.Person("J. de Vries", "wethouder", null, null),
                new Aanvraag.Person("A. Jansen", "programmamanager", "a.jansen@example.nl", "020-1234567"),
                budget, acts, null, new Declarations(true, true, true, true),
                new Source(doc, Source.DocumentShape.PDF_FORM, sha, Map.of()));
    }

    static Finding finding(String rule, String article, Severity severity, String message, String doc, Integer page,
            String field, String onderdeel, String fg, Integer activity, BigDecimal refused, Trail trail) {
        return new Finding(rule, article, severity, message, Location.field(doc, page, field), trail, onderdeel, fg,
                activity, refused);
    }

    static Refusal refusal(Finding f) {
        return new Refusal(f.refusedAmount(), f.message(), f.article(), f.rule(), f.activity());
    }

    /** One group as the Besluit arithmetic of RULES-SEMANTICS.md computes it. */
    static OnderdeelBesluit group(String gemeente, String code, String fg, SortedMap<Integer, BigDecimal> requested,
            List<Refusal> activityRefusals) {
        Regeling.Onderdeel od = REGELING.onderdeel(code).orElseThrow();
        Regeling.BijlageEntry entry = REGELING.bijlageEntry(code, gemeente).orElse(null);
        Map<Integer, BigDecimal> termijnen = entry == null ? Map.of()
                : fg != null ? entry.installmentsPerFocusgebied().get(fg) : entry.installments();
        BigDecimal maximum = entry == null ? null
                : fg != null ? Money.sum(termijnen.values()) : Money.scale(entry.total());
        BigDecimal req = Money.sum(requested.values());
        List<Refusal> refusals = new ArrayList<>(activityRefusals);
        BigDecimal eligible = req.subtract(Money.sum(activityRefusals.stream().map(Refusal::amount).toList()))
                .max(Money.ZERO);
        if (maximum != null && eligible.compareTo(maximum) > 0) {
            refusals.add(new Refusal(eligible.subtract(maximum),
                    "Het aangevraagde bedrag is hoger dan het maximum uit de bijlage; het meerdere wordt afgewezen.",
                    od.maximumArticle(), "MAXIMUM-OVERSCHREDEN", null));
        }
        BigDecimal refused = Money.sum(refusals.stream().map(Refusal::amount).toList()).min(req);
        BigDecimal granted = req.subtract(refused);
        BigDecimal btw = Money.percent(granted, od.btwPercent());
        BigDecimal payable = granted.subtract(btw);
        SortedMap<Integer, BigDecimal> inst = spread(granted, termijnen, entry == null ? null : entry.total());
        SortedMap<Integer, BigDecimal> payInst = spread(payable, termijnen, null);
        return new OnderdeelBesluit(code, od.name(), od.legalBasis(), od.maximumArticle(), fg, requested, req, maximum,
                refused, refusals, granted, od.btwPercent(), btw, payable, payable, inst, payInst, null,
                Trail.builder().input("aangevraagd", Money.format(req)).outcome("verleend " + Money.format(granted)));
    }

    private static OnderdeelBesluit refuseWhole(OnderdeelBesluit g, Finding reason) {
        SortedMap<Integer, BigDecimal> zeros = new TreeMap<>();
        g.installmentsInclBtw().keySet().forEach(y -> zeros.put(y, Money.ZERO));
        return new OnderdeelBesluit(g.onderdeel(), g.name(), g.legalBasis(), g.maximumArticle(), g.focusgebied(),
                g.requestedPerYear(), g.requested(), g.maximum(), g.requested(),
                List.of(new Refusal(g.requested(), reason.message(), reason.article(), reason.rule(), null)),
                Money.ZERO, g.btwPercent(), Money.ZERO, Money.ZERO, Money.ZERO, zeros, zeros, null, g.trail());
    }

    /** Granted over the years in proportion to the termijnen; the last year takes the rounding remainder. */
    static SortedMap<Integer, BigDecimal> spread(BigDecimal amount, Map<Integer, BigDecimal> termijnen, BigDecimal stated) {
        SortedMap<Integer, BigDecimal> out = new TreeMap<>();
        if (termijnen.isEmpty()) {
            return out;
        }
        SortedMap<Integer, BigDecimal> t = new TreeMap<>();
        termijnen.forEach((y, v) -> t.put(y, Money.scale(v)));
        BigDecimal sum = Money.sum(t.values());
        boolean exact = amount.compareTo(sum) == 0 || (stated != null && amount.compareTo(Money.scale(stated)) == 0);
        BigDecimal rest = amount;
        for (Map.Entry<Integer, BigDecimal> e : t.entrySet()) {
            if (e.getKey().equals(t.lastKey())) {
                out.put(e.getKey(), rest);
            } else {
                BigDecimal v = exact ? e.getValue()
                        : amount.multiply(e.getValue()).divide(sum, 2, RoundingMode.HALF_UP);
                out.put(e.getKey(), v);
                rest = rest.subtract(v);
            }
        }
        return out;
    }

    static Besluit besluit(Aanvraag a, List<String> fgs, List<OnderdeelBesluit> groups, String rejectedWhole,
            LocalDate deadline) {
        String code = a.gemeentecode();
        String kenmerk = "KW-" + code + "-" + a.source().sha256().substring(0, 10).toUpperCase(java.util.Locale.ROOT);
        BigDecimal req = Money.sum(groups.stream().map(OnderdeelBesluit::requested).toList());
        BigDecimal granted = Money.sum(groups.stream().map(OnderdeelBesluit::grantedInclBtw).toList());
        BigDecimal btw = Money.sum(groups.stream().map(OnderdeelBesluit::btwComponent).toList());
        SortedMap<Integer, BigDecimal> pay = new TreeMap<>();
        for (OnderdeelBesluit g : groups) {
            g.installments().forEach((y, v) -> pay.merge(y, v, BigDecimal::add));
        }
        return new Besluit(kenmerk, REGELING.id(), a.gemeente(), code, fgs, a.kind(), a.submissionDate(), null,
                a.submissionDate(), "ingevulde datum van indiening (datum van ontvangst onbekend)", deadline, "art. 13, eerste lid", LocalDate.of(2023, 1, 1), REGELING.deadlines().spendBy(),
                rejectedWhole, groups, req, req.subtract(granted), granted, btw, granted.subtract(btw), granted.subtract(btw), pay, null);
    }
}
