package nl.kansrijkewijk.reader;

import static nl.kansrijkewijk.form.FormFields.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.kansrijkewijk.aanvraag.Aanvraag;
import nl.kansrijkewijk.aanvraag.Activity;
import nl.kansrijkewijk.aanvraag.BudgetLine;
import nl.kansrijkewijk.aanvraag.Declarations;
import nl.kansrijkewijk.aanvraag.SchoolEnOmgeving;
import nl.kansrijkewijk.aanvraag.Source;
import nl.kansrijkewijk.finding.Finding;
import nl.kansrijkewijk.finding.Location;
import nl.kansrijkewijk.finding.Severity;
import nl.kansrijkewijk.finding.Trail;
import nl.kansrijkewijk.form.FieldDef;
import nl.kansrijkewijk.form.FormCatalogue;
import nl.kansrijkewijk.form.FormFields;
import nl.kansrijkewijk.money.DutchDates;
import nl.kansrijkewijk.money.Money;
import nl.kansrijkewijk.regeling.Regeling;
import nl.kansrijkewijk.regeling.RegelingCatalogus;

/**
 * The one interpretation of raw form text, shared by all three shapes: names to the regeling's spelling, choices
 * to codes, amounts and dates parsed the Dutch way. A filled value that cannot be read becomes null plus a
 * LEES-VELD finding naming the field and the typed text.
 */
final class AanvraagMapper {
    static final String RULE_FIELD = "LEES-VELD";
    static final String RULE_VERSION = "LEES-VERSIE";
    static final String RULE_ACTIVE = "LEES-BIJLAGE-ACTIEF";
    static final String RULE_BIDI = "LEES-TEKENS";
    /** 13 or more digits before the comma (a trillion euro and up) is no amount of any gemeente's budget. */
    private static final int MAX_AMOUNT_DIGITS = 12;
    static final String ARTICLE = "art. 10, tweede lid";

    private static final Pattern ACTIVITY_KEY = Pattern.compile("C\\.(\\d+)\\..+");
    private static final Pattern SCHOOL_KEY = Pattern.compile("D\\.school\\.(\\d+)\\..+");

    private final RawForm raw;
    private final String document;
    private final FormCatalogue catalogue = FormCatalogue.standard();
    private final List<Finding> findings = new ArrayList<>();
    private Regeling regeling;
    private Regeling.Gemeente gemeente;

    private AanvraagMapper(RawForm raw, String document) {
        this.raw = raw;
        this.document = document;
    }

    static ReadResult map(RawForm raw, String document, String sha256) {
        return new AanvraagMapper(raw, document).map(sha256);
    }

    private ReadResult map(String sha256) {
        String version = versionFinding();
        RegelingCatalogus versions = RegelingCatalogus.standard();
        LocalDate date = parse(A_DATUM, "een datum", DutchDates::parse);
        regeling = date == null ? versions.first() : versions.inForceOn(date).orElse(versions.first());

        String gemeenteText = text(A_GEMEENTE);
        gemeente = gemeenteText == null ? null : regeling.gemeente(gemeenteText).orElse(null);
        String gemeenteName = gemeente != null ? gemeente.name() : gemeenteText;
        String code = text(A_GEMEENTECODE);
        List<String> focusgebieden = new ArrayList<>();
        Map<Integer, String> focusBySlot = new HashMap<>();
        for (int slot = 1; slot <= MAX_FOCUSGEBIEDEN; slot++) {
            String f = resolveFocusgebied(text(focusgebied(slot)));
            if (f != null) {
                focusgebieden.add(f);
                focusBySlot.put(slot, f);
            }
        }
        var kind = parse(A_SOORT, "een soort aanvraag", ValueParsers::aanvraagKind);

        Aanvraag a = new Aanvraag(
                version,
                gemeenteName,
                code == null ? null : code.toUpperCase(java.util.Locale.ROOT),
                List.copyOf(focusgebieden),
                kind,
                text(A_KENMERK),
                date,
                new Aanvraag.Person(text(A_ONDERTEKENAAR_NAAM), text(A_ONDERTEKENAAR_FUNCTIE), null, null),
                new Aanvraag.Person(text(A_CONTACT_NAAM), null, text(A_CONTACT_EMAIL), text(A_CONTACT_TELEFOON)),
                budget(focusBySlot),
                activities(),
                schoolEnOmgeving(),
                new Declarations(
                        yesNo(E_PROGRAMMAORGANISATIE),
                        yesNo(E_ALLIANTIEOVERLEG),
                        yesNo(E_GEEN_DUBBELFINANCIERING),
                        yesNo(E_STAATSSTEUN)),
                new Source(document, raw.shape, sha256, locations()));
        documentFindings();
        return new ReadResult(a, inFormOrder(findings));
    }

    /** LEES-VERSIE first, then LEES-VELD in the order of the form's fields (not the order they were parsed). */
    private List<Finding> inFormOrder(List<Finding> list) {
        Map<String, Integer> order = formOrder();
        List<Finding> sorted = new ArrayList<>(list);
        sorted.sort(Comparator.comparing((Finding f) -> f.location().field() == null ? -1
                        : order.getOrDefault(f.location().field(), Integer.MAX_VALUE))
                .thenComparing(f -> f.activity() == null ? 0 : f.activity())
                .thenComparing(f -> String.valueOf(f.location().field())));
        return List.copyOf(sorted);
    }

    private Map<String, Integer> formOrder() {
        Map<String, Integer> order = new HashMap<>();
        List<FieldDef> all = catalogue.fields();
        for (int i = 0; i < all.size(); i++) {
            order.put(all.get(i).key(), i);
        }
        return order;
    }

    // ------------------------------------------------------------------------------------------------ version

    private String versionFinding() {
        if (raw.versions.contains(FORM_VERSION)) {
            return FORM_VERSION;
        }
        String found = raw.versions.isEmpty() ? null : raw.versions.iterator().next();
        String message = found == null
                ? "Het document vermeldt geen formulierversie. Het is daardoor niet herkenbaar als het door de minister "
                        + "ter beschikking gestelde formulier " + FORM_VERSION + " (artikel 10, tweede lid). Gelezen is "
                        + "wat herkenbaar was; controleer de gegevens."
                : "Het formulier heeft versie " + found + "; deze dienst kent versie " + FORM_VERSION + ". Het is "
                        + "gelezen volgens versie " + FORM_VERSION + "; controleer de gegevens.";
        findings.add(new Finding(RULE_VERSION, ARTICLE, Severity.WAARSCHUWING, message, Location.document(document),
                Trail.builder().input("gevonden versie", found).input("verwachte versie", FORM_VERSION)
                        .step("formulierversie gezocht in documentgegevens en paginatekst")
                        .outcome(found == null ? "geen versie gevonden" : "andere versie"),
                null, null, null, null));
        return found;
    }

    // ------------------------------------------------------------------------------------------------ sections

    private List<BudgetLine> budget(Map<Integer, String> focusBySlot) {
        List<BudgetLine> lines = new ArrayList<>();
        for (String o : ONDERDELEN) {
            for (int slot = 1; slot <= MAX_FOCUSGEBIEDEN; slot++) {
                String prefix = budgetRow(o, slot);
                boolean any = false;
                for (FormCatalogue.Sub c : catalogue.budgetColumns()) {
                    any |= filled(prefix + "." + c.sub());
                }
                if (!any) {
                    continue;
                }
                SortedMap<Integer, BigDecimal> perYear = new TreeMap<>();
                for (int y : YEARS) {
                    BigDecimal v = amount(FormFields.budget(o, slot, y));
                    if (v != null) {
                        perYear.put(y, v);
                    }
                }
                String fg = focusBySlot.get(slot);
                if (fg == null && gemeente != null && gemeente.focusgebieden().size() >= slot) {
                    fg = gemeente.focusgebieden().get(slot - 1);
                }
                lines.add(new BudgetLine(o, fg, perYear, amount(budgetTotal(o, slot)), amount(budgetGranted(o, slot)),
                        prefix));
            }
        }
        return List.copyOf(lines);
    }

    private List<Activity> activities() {
        List<Activity> out = new ArrayList<>();
        for (int n : numbers(ACTIVITY_KEY)) {
            boolean any = false;
            for (FormCatalogue.Sub s : catalogue.activitySubs()) {
                any |= filled(activity(n, s.sub()));
            }
            if (!any) {
                continue;
            }
            SortedMap<Integer, BigDecimal> budget = new TreeMap<>();
            for (int y : YEARS) {
                BigDecimal v = amount(activityBudget(n, y));
                if (v != null) {
                    budget.put(y, v);
                }
            }
            String focus = text(activity(n, C_FOCUSGEBIED));
            String ontwikkelgebied = text(activity(n, C_ONTWIKKELGEBIED));
            out.add(new Activity(
                    n,
                    parse(activity(n, C_ONDERDEEL), "een onderdeel", s -> ValueParsers.onderdeel(s, regeling)),
                    resolveFocusgebied(focus),
                    text(activity(n, C_NAAM)),
                    text(activity(n, C_OMSCHRIJVING)),
                    parse(activity(n, C_SOORT), "een soort activiteit", ValueParsers::activityKind),
                    parse(activity(n, C_ART6), "een aspect", s -> ValueParsers.letter(s, regeling.letteredList("art6lid2"),
                            true, "aspect van artikel 6, tweede lid")),
                    parse(activity(n, C_ART9), "een activiteit", s -> ValueParsers.letter(s,
                            regeling.letteredList("art9lid2"), true, "activiteit van artikel 9, tweede lid")),
                    yesNo(activity(n, C_ONDERWIJSASSISTENT)),
                    text(activity(n, C_DIPLOMA)),
                    objectives(activity(n, C_DOELSTELLINGEN)),
                    budget,
                    yesNo(activity(n, C_OVERHEID)),
                    amount(activity(n, C_BTW_COMPENSABEL)),
                    text(activity(n, C_ONDERBOUWING)),
                    yesNo(activity(n, C_BUITEN_ONDERWIJSTIJD)),
                    ontwikkelgebied == null ? null : ValueParsers.ontwikkelgebied(ontwikkelgebied, regeling.ontwikkelgebieden()),
                    list(activity(n, C_SCHOLEN), ValueParsers::brinList),
                    yesNo(activity(n, C_NIEUW))));
        }
        return List.copyOf(out);
    }

    private SchoolEnOmgeving schoolEnOmgeving() {
        List<SchoolEnOmgeving.School> schools = new ArrayList<>();
        for (int n : numbers(SCHOOL_KEY)) {
            boolean any = false;
            for (FormCatalogue.Sub s : catalogue.schoolSubs()) {
                any |= filled(school(n, s.sub()));
            }
            if (!any) {
                continue;
            }
            String brin = text(school(n, D_BRIN));
            schools.add(new SchoolEnOmgeving.School(n, text(school(n, D_NAAM)), brin == null ? null : ValueParsers.brin(brin),
                    yesNo(school(n, D_IN_FOCUSGEBIED)), yesNo(school(n, D_IN_COALITIE))));
        }
        String name = text(D_COALITIE_NAAM);
        Integer total = parse(D_SCHOLEN_FOCUSGEBIED, "een aantal", ValueParsers::count);
        Integer inCoalitie = parse(D_SCHOLEN_IN_COALITIE, "een aantal", ValueParsers::count);
        if (name == null && total == null && inCoalitie == null && schools.isEmpty()
                && !filled(D_SCHOLEN_FOCUSGEBIED) && !filled(D_SCHOLEN_IN_COALITIE)) {
            return null;
        }
        return new SchoolEnOmgeving(name, total, inCoalitie, List.copyOf(schools));
    }

    // ------------------------------------------------------------------------------------------------ values

    private String resolveFocusgebied(String typed) {
        if (typed == null) {
            return null;
        }
        List<String> candidates = new ArrayList<>();
        if (gemeente != null) {
            candidates.addAll(gemeente.focusgebieden());
        }
        Optional<String> own = ValueParsers.canonicalFocusgebied(typed, candidates,
                gemeente == null ? null : gemeente.name());
        if (own.isPresent()) {
            return own.get();
        }
        if (gemeente == null) {
            List<String> all = new ArrayList<>();
            regeling.gemeenten().forEach(g -> all.addAll(g.focusgebieden()));
            return ValueParsers.canonicalFocusgebied(typed, all, null).orElse(typed);
        }
        return typed;
    }

    private List<String> objectives(String key) {
        RawValue v = raw.values.get(key);
        if (v == null || v.blank()) {
            return List.of();
        }
        if (v.problem() != null) {
            unreadable(key, v, v.problem());
            return List.of();
        }
        try {
            return ValueParsers.objectives(v.text(), regeling);
        } catch (ValueParsers.PartialException e) {
            unreadable(key, v, e.getMessage());
            return e.readable;
        }
    }

    private List<String> list(String key, Function<String, List<String>> parser) {
        String t = text(key);
        return t == null ? List.of() : parser.apply(t);
    }

    private Boolean yesNo(String key) {
        return parse(key, "ja of nee", ValueParsers::yesNo);
    }

    /** Findings about the document rather than one value: active content, direction controls removed. */
    private void documentFindings() {
        if (!raw.activeContent.isEmpty()) {
            String what = String.join(", ", raw.activeContent);
            String message = "De PDF bevat " + what + ". Het formulier zelf heeft die niet; de lezer heeft ze niet "
                    + "geopend of uitgevoerd. Open het geüploade bestand pas nadat het op malware is gescand, en "
                    + "beoordeel alleen wat in het formulier staat.";
            findings.add(new Finding(RULE_ACTIVE, ARTICLE, Severity.WAARSCHUWING, message,
                    Location.document(document), Trail.builder().input("gevonden", what)
                            .outcome("waarschuwing voor de beoordelaar"), null, null, null, null));
        }
        for (String key : raw.bidiFields) {
            RawValue v = raw.values.get(key);
            FieldDef def = catalogue.field(key);
            String label = def == null ? key : def.label();
            String message = "Het veld ‘" + label + "’ (" + key + ") bevatte onzichtbare tekens die de schrijfrichting "
                    + "omkeren; die zijn verwijderd. Controleer de waarde ‘" + v.text().strip() + "’ met het "
                    + "geüploade bestand.";
            findings.add(new Finding(RULE_BIDI, ARTICLE, Severity.WAARSCHUWING, message, v.location(),
                    Trail.builder().input("veld", key).step("tekens U+202A–U+202E en U+2066–U+2069 verwijderd")
                            .outcome("waarde zonder die tekens gebruikt"),
                    def == null ? null : def.onderdeel(), null,
                    def == null || !"C".equals(def.section()) ? null : def.group(), null));
        }
    }

    private BigDecimal amount(String key) {
        BigDecimal b = parse(key, "een bedrag", Money::parse);
        if (b != null && b.precision() - b.scale() > MAX_AMOUNT_DIGITS) {
            unreadable(key, raw.values.get(key), "zo'n groot bedrag (meer dan " + MAX_AMOUNT_DIGITS
                    + " cijfers voor de komma) kan niet kloppen");
            return null;
        }
        if (b != null && b.signum() < 0) {
            unreadable(key, raw.values.get(key), "een bedrag kan niet negatief zijn");
            return null;
        }
        return b;
    }

    /** Parses a field; blank gives null, unreadable gives null plus a LEES-VELD finding. */
    private <T> T parse(String key, String expected, Function<String, Optional<T>> parser) {
        RawValue v = raw.values.get(key);
        if (v == null || v.blank()) {
            return null;
        }
        if (v.problem() != null) {
            unreadable(key, v, v.problem());
            return null;
        }
        try {
            return parser.apply(v.text().strip()).orElse(null);
        } catch (IllegalArgumentException e) {
            unreadable(key, v, reason(e.getMessage(), expected));
            return null;
        }
    }

    /** Money and DutchDates quote the typed text in their messages; the finding quotes it once, itself. */
    private static String reason(String message, String expected) {
        if (message == null) {
            return "dat is niet te lezen als " + expected;
        }
        if (message.startsWith("'")) {
            int end = message.indexOf("' ", 1);
            if (end > 0) {
                return "dat " + message.substring(end + 2);
            }
        }
        return message;
    }

    private String text(String key) {
        RawValue v = raw.values.get(key);
        if (v == null || v.blank()) {
            return null;
        }
        if (v.problem() != null) {
            unreadable(key, v, v.problem());
            return null;
        }
        String t = v.text().strip().replaceAll("\\s+", " ");
        return t.isEmpty() ? null : t;
    }

    private boolean filled(String key) {
        RawValue v = raw.values.get(key);
        return v != null && !v.blank();
    }

    private void unreadable(String key, RawValue v, String reason) {
        FieldDef def = catalogue.field(key);
        String label = def == null ? key : def.label();
        String typed = v.text() == null ? "" : v.text().strip().replaceAll("\\s+", " ");
        String message = "Het veld ‘" + label + "’ (" + key + ") bevat ‘" + typed + "’: " + reason
                + ". Deze waarde telt niet mee; vul het veld opnieuw in.";
        Trail trail = Trail.builder()
                .input("veld", key)
                .input("ingevuld", typed)
                .step("gelezen als " + (def == null ? "tekst" : def.type().name().toLowerCase(java.util.Locale.ROOT))
                        + ": " + reason)
                .outcome("waarde niet gebruikt");
        findings.add(new Finding(RULE_FIELD, ARTICLE, Severity.WAARSCHUWING, message, v.location(), trail,
                def == null ? null : def.onderdeel(), null, def == null || !"C".equals(def.section()) ? null : def.group(),
                null));
    }

    private TreeSet<Integer> numbers(Pattern p) {
        TreeSet<Integer> ns = new TreeSet<>();
        for (String key : raw.values.keySet()) {
            Matcher m = p.matcher(key);
            if (m.matches()) {
                ns.add(Integer.parseInt(m.group(1)));
            }
        }
        return ns;
    }

    /**
     * Where each field was read: every field of A, B, D (coalitie) and E, and the fields of activities and schools
     * that hold anything, in form order, so findings about blank fields can still point at a page or cell.
     */
    private Map<String, Location> locations() {
        Map<String, Integer> order = formOrder();
        TreeSet<Integer> filledActivities = new TreeSet<>();
        TreeSet<Integer> filledSchools = new TreeSet<>();
        raw.values.forEach((k, v) -> {
            FieldDef def = catalogue.field(k);
            if (def != null && def.group() != null && !v.blank()) {
                (k.startsWith("C.") ? filledActivities : filledSchools).add(def.group());
            }
        });
        List<String> keys = new ArrayList<>();
        raw.values.forEach((k, v) -> {
            FieldDef def = catalogue.field(k);
            if (def == null) {
                return;
            }
            if (def.group() == null || (k.startsWith("C.") ? filledActivities : filledSchools).contains(def.group())) {
                keys.add(k);
            }
        });
        keys.sort(Comparator.comparing((String k) -> order.getOrDefault(k, Integer.MAX_VALUE))
                .thenComparing((String k) -> catalogue.field(k).group() == null ? 0 : catalogue.field(k).group())
                .thenComparing(Comparator.naturalOrder()));
        Map<String, Location> out = new LinkedHashMap<>();
        for (String k : keys) {
            out.put(k, raw.values.get(k).location());
        }
        return java.util.Collections.unmodifiableMap(out);
    }
}
