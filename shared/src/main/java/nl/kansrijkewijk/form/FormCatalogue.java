package nl.kansrijkewijk.form;

import static nl.kansrijkewijk.form.FormFields.*;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.kansrijkewijk.regeling.Regeling;
import nl.kansrijkewijk.regeling.RegelingCatalogus;

/**
 * Every field of form version {@link FormFields#FORM_VERSION}: key, Dutch label and tooltip, type and the article
 * it serves. The PDF, the XLSX, the readers and docs/aanvraagformulier.md all derive from this one list, so the
 * shapes cannot drift apart. Names of gemeenten, onderdelen and lettered lists come from the regeling data.
 */
public final class FormCatalogue {

    /** A field of a repeating block (activity, school row) or a column of section B. */
    public record Sub(String sub, String caption, String help, FieldType type, String article) {}

    public static final String JA_NEE = "Typ ja of nee.";

    private static final FormCatalogue INSTANCE = new FormCatalogue(RegelingCatalogus.standard().first());

    private static final Pattern ACTIVITY_KEY = Pattern.compile("C\\.(\\d+)\\.(.+)");
    private static final Pattern SCHOOL_KEY = Pattern.compile("D\\.school\\.(\\d+)\\.(.+)");

    private final Regeling regeling;
    private final List<FieldDef> fields;
    private final Map<String, FieldDef> byKey;
    private final List<Sub> activitySubs;
    private final List<Sub> schoolSubs;
    private final List<Sub> budgetColumns;

    private FormCatalogue(Regeling regeling) {
        this.regeling = regeling;
        this.activitySubs = buildActivitySubs();
        this.schoolSubs = buildSchoolSubs();
        this.budgetColumns = buildBudgetColumns();
        List<FieldDef> all = new ArrayList<>();
        all.addAll(sectionA());
        for (String o : ONDERDELEN) {
            for (int slot = 1; slot <= MAX_FOCUSGEBIEDEN; slot++) {
                for (Sub c : budgetColumns) {
                    all.add(budgetField(o, slot, c));
                }
            }
        }
        for (int n = 1; n <= MAX_ACTIVITIES; n++) {
            for (Sub s : activitySubs) {
                all.add(activityField(n, s));
            }
        }
        all.addAll(sectionDHeader());
        for (int n = 1; n <= MAX_SCHOOLS; n++) {
            for (Sub s : schoolSubs) {
                all.add(schoolField(n, s));
            }
        }
        all.addAll(sectionE());
        this.fields = List.copyOf(all);
        Map<String, FieldDef> m = new LinkedHashMap<>();
        for (FieldDef f : all) {
            if (m.put(f.key(), f) != null) {
                throw new IllegalStateException("duplicate form key " + f.key());
            }
        }
        this.byKey = Collections.unmodifiableMap(m);
    }

    public static FormCatalogue standard() {
        return INSTANCE;
    }

    /** The regeling version the form's texts (names, lists, dates) were taken from. */
    public Regeling regeling() {
        return regeling;
    }

    /** All fields in form order. */
    public List<FieldDef> fields() {
        return fields;
    }

    public List<FieldDef> section(String section) {
        return fields.stream().filter(f -> f.section().equals(section) && f.group() == null && f.onderdeel() == null)
                .toList();
    }

    public List<Sub> activitySubs() {
        return activitySubs;
    }

    public List<Sub> schoolSubs() {
        return schoolSubs;
    }

    /** 2023, 2024, 2025, totaal, verleend. */
    public List<Sub> budgetColumns() {
        return budgetColumns;
    }

    /**
     * The field for a key; also for activity and school numbers beyond the printed blocks (a workbook user may
     * add rows). Null when the key is not a form key.
     */
    public FieldDef field(String key) {
        FieldDef f = byKey.get(key);
        if (f != null || key == null) {
            return f;
        }
        Matcher m = ACTIVITY_KEY.matcher(key);
        if (m.matches() && m.group(1).length() < 5) {
            int n = Integer.parseInt(m.group(1));
            for (Sub s : activitySubs) {
                if (s.sub().equals(m.group(2)) && n > 0) {
                    return activityField(n, s);
                }
            }
        }
        m = SCHOOL_KEY.matcher(key);
        if (m.matches() && m.group(1).length() < 5) {
            int n = Integer.parseInt(m.group(1));
            for (Sub s : schoolSubs) {
                if (s.sub().equals(m.group(2)) && n > 0) {
                    return schoolField(n, s);
                }
            }
        }
        return null;
    }

    public String onderdeelName(String code) {
        return regeling.onderdeel(code).map(Regeling.Onderdeel::name).orElse(code);
    }

    public static String capitalise(String s) {
        return s == null || s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    private List<FieldDef> sectionA() {
        String gemeenten = regeling.gemeenten().stream().map(Regeling.Gemeente::name).collect(Collectors.joining(", "));
        List<Regeling.Gemeente> multi = regeling.gemeenten().stream().filter(g -> g.focusgebieden().size() > 1).toList();
        String multiText = multi.stream()
                .map(g -> g.name() + ": " + String.join(" en ", g.focusgebieden()))
                .collect(Collectors.joining("; "));
        Regeling.Period window = regeling.deadlines().aanvraagWindow();
        return List.of(
                a(A_GEMEENTE, "Gemeente", "Naam van de gemeente zoals in de Bijlage van de regeling (" + gemeenten + ").",
                        FieldType.GEMEENTE, "art. 1 en Bijlage"),
                a(A_GEMEENTECODE, "CBS-gemeentecode", "Bijvoorbeeld GM0363 (Amsterdam); 0363 of 363 mag ook.",
                        FieldType.GEMEENTECODE, "art. 1"),
                a(focusgebied(1), "Stedelijk focusgebied 1",
                        "Het stedelijk focusgebied (art. 1) waarvoor u aanvraagt, bijvoorbeeld Overvecht of Zuid.",
                        FieldType.FOCUSGEBIED, "art. 1"),
                a(focusgebied(2), "Stedelijk focusgebied 2 (alleen Amsterdam)",
                        "Alleen voor een gemeente met twee focusgebieden (" + multiText + "); anders leeg laten.",
                        FieldType.FOCUSGEBIED, "art. 1"),
                a(A_SOORT, "Soort aanvraag (aanvraag/wijziging)",
                        "Typ aanvraag (eerste aanvraag, art. 10, eerste lid) of wijziging (art. 10, derde lid).",
                        FieldType.AANVRAAG_SOORT, "art. 10, eerste en derde lid"),
                a(A_KENMERK, "Kenmerk verleningsbeschikking (bij wijziging)",
                        "Alleen bij een wijziging: het kenmerk van de verleningsbeschikking die u wilt wijzigen.",
                        FieldType.TEXT, "art. 10, derde lid"),
                a(A_DATUM, "Datum van indiening",
                        "Bijvoorbeeld 30-09-2023 of 30 september 2023. Aanvragen: " + window(window) + ".",
                        FieldType.DATE, "art. 10, eerste en derde lid"),
                a(A_ONDERTEKENAAR_NAAM, "Ondertekenaar namens het college: naam",
                        "Naam van de persoon die namens het college van burgemeester en wethouders ondertekent.",
                        FieldType.TEXT, "art. 10, tweede lid"),
                a(A_ONDERTEKENAAR_FUNCTIE, "Ondertekenaar: functie", "Bijvoorbeeld wethouder of burgemeester.",
                        FieldType.TEXT, "art. 10, tweede lid"),
                a(A_CONTACT_NAAM, "Contactpersoon: naam", "Wie de minister kan bellen of mailen over deze aanvraag.",
                        FieldType.TEXT, "art. 10, tweede lid"),
                a(A_CONTACT_EMAIL, "Contactpersoon: e-mail", "Bijvoorbeeld naam@gemeente.nl.", FieldType.TEXT,
                        "art. 10, tweede lid"),
                a(A_CONTACT_TELEFOON, "Contactpersoon: telefoon", "Bijvoorbeeld 020 123 4567.", FieldType.TEXT,
                        "art. 10, tweede lid"));
    }

    private static String window(Regeling.Period p) {
        return "van " + nl.kansrijkewijk.money.DutchDates.format(p.from()) + " tot en met "
                + nl.kansrijkewijk.money.DutchDates.format(p.through());
    }

    private static FieldDef a(String key, String caption, String help, FieldType type, String article) {
        return new FieldDef(key, key.substring(0, 1), caption, caption, help, type, article, null, null, null);
    }

    private List<Sub> buildBudgetColumns() {
        List<Sub> cols = new ArrayList<>();
        for (int y : YEARS) {
            cols.add(new Sub(String.valueOf(y), String.valueOf(y),
                    "Bedrag voor " + y + " in euro inclusief btw, bijvoorbeeld € 1.234.567,00.", FieldType.AMOUNT,
                    "art. 10, tweede lid, en Bijlage"));
        }
        cols.add(new Sub("totaal", "Totaal", "De som van de jaren, in euro inclusief btw.", FieldType.AMOUNT,
                "art. 10, tweede lid"));
        cols.add(new Sub("verleend", "Verleend (alleen bij wijziging)",
                "Alleen bij een wijziging: het bedrag dat de huidige verleningsbeschikking voor deze regel verleent.",
                FieldType.AMOUNT, "art. 10, vierde lid, onder a"));
        return List.copyOf(cols);
    }

    private FieldDef budgetField(String onderdeel, int slot, Sub c) {
        String key = "verleend".equals(c.sub()) ? budgetGranted(onderdeel, slot)
                : "totaal".equals(c.sub()) ? budgetTotal(onderdeel, slot) : budget(onderdeel, slot, Integer.parseInt(c.sub()));
        String label = "Begroting " + onderdeelName(onderdeel) + ", focusgebied " + slot + ": "
                + c.caption().toLowerCase(Locale.ROOT);
        return new FieldDef(key, "B", label, c.caption(), c.help(), c.type(), c.article(), null, c.sub(), onderdeel);
    }

    private List<Sub> buildActivitySubs() {
        String codes = String.join(", ", ONDERDELEN);
        String art6 = letters("art6lid2");
        String art9 = letters("art9lid2");
        String gebieden = String.join(", ", regeling.ontwikkelgebieden());
        List<Sub> s = new ArrayList<>();
        s.add(new Sub(C_NAAM, "Naam van de activiteit", "Een korte, herkenbare naam.", FieldType.TEXT,
                "art. 10, tweede lid"));
        s.add(new Sub(C_ONDERDEEL, "Onderdeel",
                "Het onderdeel (regel van B) waaronder de activiteit valt: " + codes
                        + ", of de naam, bijvoorbeeld ARM of preventie van armoede en schulden.",
                FieldType.ONDERDEEL, "art. 2, eerste en derde lid"));
        s.add(new Sub(C_FOCUSGEBIED, "Focusgebied",
                "Het stedelijk focusgebied uit A waar de activiteit plaatsvindt; leeg bij één focusgebied.",
                FieldType.FOCUSGEBIED, "art. 3 tot en met 9, eerste lid"));
        s.add(new Sub(C_OMSCHRIJVING, "Omschrijving", "Wat er gebeurt, voor wie, waar en door wie.",
                FieldType.LONG_TEXT, "art. 10, tweede lid"));
        s.add(new Sub(C_SOORT, "Soort activiteit",
                "Typ nieuw, uitbreiding (van een bestaande activiteit) of voortzetting (van een bestaande activiteit).",
                FieldType.ACTIVITY_SOORT, "Toelichting art. 2"));
        s.add(new Sub(C_NIEUW, "Nieuw t.o.v. verlening?",
                "Alleen bij een wijziging: staat deze activiteit niet in de oorspronkelijke aanvraag? " + JA_NEE,
                FieldType.YES_NO, "art. 10, vierde lid, onder b"));
        for (int y : YEARS) {
            s.add(new Sub("begroting." + y, "Begroting " + y,
                    "Kosten in " + y + " in euro inclusief btw, bijvoorbeeld € 125.000,00.", FieldType.AMOUNT,
                    "art. 10, tweede lid"));
        }
        s.add(new Sub(C_OVERHEID, "Al vergoeding van overheidswege?",
                "Ontvangt de gemeente voor deze activiteit al een vergoeding van overheidswege? " + JA_NEE,
                FieldType.YES_NO, "art. 2, vierde lid"));
        s.add(new Sub(C_BTW_COMPENSABEL, "Compensabele btw (BCF)",
                "Het btw-bedrag in de begroting dat compensabel is via het BTW-compensatiefonds; 0 als er geen is.",
                FieldType.AMOUNT, "art. 2, vijfde lid"));
        s.add(new Sub(C_DOELSTELLINGEN, "Doelstellingen (alleen INT)",
                "Alleen integrale activiteiten: de doelstelling(en) waaraan de activiteit bijdraagt, als codes of namen, "
                        + "gescheiden door komma's, bijvoorbeeld ARM, VEE.",
                FieldType.OBJECTIVES, "art. 4, eerste lid"));
        s.add(new Sub(C_ONDERBOUWING, "Onderbouwing: hoe draagt de activiteit bij aan het doel?",
                "Waarom deze activiteit bijdraagt aan het doel van het onderdeel (art. 12, eerste lid).",
                FieldType.LONG_TEXT, "art. 12, eerste lid"));
        s.add(new Sub(C_ART6, "Aspect art. 6 lid 2 (VEE)",
                "Alleen veerkracht en weerbaarheid: letter " + art6 + ", of anders (licht dan toe in de onderbouwing).",
                FieldType.ART6, "art. 6, tweede lid"));
        s.add(new Sub(C_ART9, "Activiteit art. 9 lid 2 (OJK)",
                "Alleen ontwikkeling van het jonge kind: letter " + art9 + ".", FieldType.ART9, "art. 9, tweede lid"));
        s.add(new Sub(C_ONDERWIJSASSISTENT, "Onderwijsassistent ingezet?",
                "Alleen jonge kind: wordt een onderwijsassistent of pedagogisch medewerker ingezet (art. 9, tweede lid, "
                        + "onder e)? " + JA_NEE,
                FieldType.YES_NO, "art. 9, tweede lid, onder e"));
        s.add(new Sub(C_DIPLOMA, "Diploma onderwijsassistent",
                "Het diploma van de onderwijsassistent, bijvoorbeeld mbo niveau 3 of mbo 4 (minimaal mbo niveau 3).",
                FieldType.TEXT, "art. 9, derde lid"));
        s.add(new Sub(C_BUITEN_ONDERWIJSTIJD, "Buiten onderwijstijd? (SEO)",
                "Alleen school en omgeving: vindt de activiteit voor- of naschools plaats, buiten onderwijstijd? " + JA_NEE,
                FieldType.YES_NO, "art. 8, eerste lid en tweede lid, onder a"));
        s.add(new Sub(C_ONTWIKKELGEBIED, "Ontwikkelgebied (SEO)",
                "Alleen school en omgeving: " + gebieden + ".", FieldType.ONTWIKKELGEBIED, "art. 8, eerste lid"));
        s.add(new Sub(C_SCHOLEN, "Scholen (BRIN/vestigingsnr.) (SEO)",
                "Alleen school en omgeving: de scholen waar de activiteit plaatsvindt, als BRIN- of vestigingsnummers "
                        + "uit D, gescheiden door komma's, bijvoorbeeld 12AB00, 34CD01.",
                FieldType.BRIN_LIST, "art. 8, tweede lid, onder f"));
        return List.copyOf(s);
    }

    private String letters(String list) {
        List<String> keys = new ArrayList<>(regeling.letteredList(list).keySet());
        return keys.get(0) + " tot en met " + keys.get(keys.size() - 1);
    }

    private FieldDef activityField(int n, Sub s) {
        return new FieldDef(activity(n, s.sub()), "C", "Activiteit " + n + ": " + decapitalise(s.caption()),
                s.caption(), s.help(), s.type(), s.article(), n, s.sub(), null);
    }

    private List<FieldDef> sectionDHeader() {
        String only = String.join(", ", regeling.onderdeel("SEO").map(Regeling.Onderdeel::onlyGemeenten).orElse(List.of()));
        return List.of(
                d(D_COALITIE_NAAM, "Naam lokale coalitie",
                        "Alleen " + only + ": de naam van de lokale coalitie van scholen en partners (art. 8, eerste lid).",
                        FieldType.TEXT),
                d(D_SCHOLEN_FOCUSGEBIED, "Aantal scholen in het focusgebied",
                        "Het aantal scholen in het stedelijk focusgebied, als geheel getal.", FieldType.COUNT),
                d(D_SCHOLEN_IN_COALITIE, "Waarvan in de lokale coalitie",
                        "Hoeveel van die scholen aan de lokale coalitie deelnemen (minimaal 85 procent).", FieldType.COUNT));
    }

    private static FieldDef d(String key, String caption, String help, FieldType type) {
        return new FieldDef(key, "D", caption, caption, help, type, "art. 8, eerste lid", null, null, null);
    }

    private List<Sub> buildSchoolSubs() {
        return List.of(
                new Sub(D_NAAM, "Naam school", "De naam van de school.", FieldType.TEXT, "art. 8, eerste lid"),
                new Sub(D_BRIN, "BRIN/vestigingsnummer", "Bijvoorbeeld 12AB of 12AB00.", FieldType.BRIN,
                        "art. 8, tweede lid, onder f"),
                new Sub(D_IN_FOCUSGEBIED, "Ligt in focusgebied?", "Ligt de school in het stedelijk focusgebied? " + JA_NEE,
                        FieldType.YES_NO, "art. 8, eerste lid"),
                new Sub(D_IN_COALITIE, "Valt in coalitie?", "Neemt de school deel aan de lokale coalitie? " + JA_NEE,
                        FieldType.YES_NO, "art. 8, eerste lid en tweede lid, onder f"));
    }

    private FieldDef schoolField(int n, Sub s) {
        return new FieldDef(school(n, s.sub()), "D", "School " + n + ": " + decapitalise(s.caption()), s.caption(),
                s.help(), s.type(), s.article(), n, s.sub(), null);
    }

    private List<FieldDef> sectionE() {
        return List.of(
                e(E_PROGRAMMAORGANISATIE, "Programmaorganisatie ingericht",
                        "Het college heeft een programmaorganisatie ingericht en houdt die in stand.",
                        "art. 2, tweede lid, onder a"),
                e(E_ALLIANTIEOVERLEG, "Alliantieoverleg ingesteld",
                        "Het college heeft een alliantieoverleg ingesteld en houdt dat in stand.",
                        "art. 2, tweede lid, onder b"),
                e(E_GEEN_DUBBELFINANCIERING, "Geen dubbelfinanciering",
                        "De gemeente ontvangt voor de aangevraagde activiteiten niet al een vergoeding van overheidswege.",
                        "art. 2, vierde lid"),
                e(E_STAATSSTEUN, "Staatssteun- en aanbestedingsregels getoetst",
                        "De activiteiten zijn getoetst aan de Europese staatssteun- en aanbestedingsregels.",
                        "Toelichting 1.11"));
    }

    private static FieldDef e(String key, String caption, String statement, String article) {
        return new FieldDef(key, "E", caption, statement, JA_NEE, FieldType.YES_NO, article, null, null, null);
    }

    private static String decapitalise(String s) {
        if (s.length() > 1 && Character.isUpperCase(s.charAt(0)) && !Character.isUpperCase(s.charAt(1))) {
            return s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
        }
        return s;
    }
}
