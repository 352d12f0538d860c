package nl.kansrijkewijk.testing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
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
import nl.kansrijkewijk.aanvraag.SchoolEnOmgeving;
import nl.kansrijkewijk.aanvraag.Source;
import nl.kansrijkewijk.finding.Location;
import nl.kansrijkewijk.form.FormFields;
import nl.kansrijkewijk.money.Money;

/**
 * Builds {@link Aanvraag} objects for tests without a form reader. Amounts are Dutch strings as a gemeente types
 * them ("850.000", "850.000,01"); null or "" leaves a year blank. Defaults make a complete, signed aanvraag dated
 * 15 September 2023 with every declaration answered "ja"; each activity starts valid for its onderdeel
 * (SEO: naschools, sport; VEE: aspect d; INT: objective ARM; OJK: art. 9(2)(b), no onderwijsassistent).
 *
 * <pre>
 * Aanvraag a = AanvraagBuilder.aanvraag("Rotterdam", "GM0599", "Zuid")
 *         .budget("ARM", "510.000", "170.000", "170.000")
 *         .activity(1, "ARM").budget("510.000", "170.000", "170.000").done()
 *         .build();
 * </pre>
 */
public final class AanvraagBuilder {
    private String formVersion = FormFields.FORM_VERSION;
    private String gemeente;
    private String gemeentecode;
    private List<String> focusgebieden;
    private AanvraagKind kind = AanvraagKind.AANVRAAG;
    private String kenmerk;
    private LocalDate date = LocalDate.of(2023, 9, 15);
    private Aanvraag.Person signatory = new Aanvraag.Person("A. de Vries", "burgemeester", null, null);
    private final Aanvraag.Person contact = new Aanvraag.Person("B. Jansen", "programmamanager", "b.jansen@example.nl", "010-1234567");
    private final List<BudgetLine> budget = new ArrayList<>();
    private final List<ActivityBuilder> activities = new ArrayList<>();
    private String coalitieName;
    private Integer schoolsInFocusgebied;
    private Integer schoolsInCoalitie;
    private boolean sectionD;
    private final List<SchoolEnOmgeving.School> schools = new ArrayList<>();
    private Declarations declarations = new Declarations(true, true, true, true);
    private String document = "aanvraag.pdf";
    private String sha256 = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    private final Map<String, Location> locations = new LinkedHashMap<>();

    private AanvraagBuilder() {}

    public static AanvraagBuilder aanvraag(String gemeente, String gemeentecode, String... focusgebieden) {
        AanvraagBuilder b = new AanvraagBuilder();
        b.gemeente = gemeente;
        b.gemeentecode = gemeentecode;
        b.focusgebieden = new ArrayList<>(Arrays.asList(focusgebieden));
        return b;
    }

    /** A Dutch amount as typed ("1.234.567,89") as BigDecimal scale 2; null stays null. */
    public static BigDecimal amount(String typed) {
        return typed == null ? null : Money.parse(typed).orElse(null);
    }

    public AanvraagBuilder formVersion(String v) { this.formVersion = v; return this; }
    public AanvraagBuilder gemeente(String g) { this.gemeente = g; return this; }
    public AanvraagBuilder gemeentecode(String c) { this.gemeentecode = c; return this; }
    public AanvraagBuilder focusgebieden(String... f) { this.focusgebieden = new ArrayList<>(Arrays.asList(f)); return this; }
    public AanvraagBuilder kind(AanvraagKind k) { this.kind = k; return this; }
    public AanvraagBuilder kenmerk(String k) { this.kenmerk = k; return this; }
    public AanvraagBuilder date(LocalDate d) { this.date = d; return this; }
    public AanvraagBuilder date(int year, int month, int day) { return date(LocalDate.of(year, month, day)); }
    public AanvraagBuilder signatory(String name, String function) { this.signatory = new Aanvraag.Person(name, function, null, null); return this; }
    public AanvraagBuilder declarations(Boolean programmaorganisatie, Boolean alliantieoverleg, Boolean geenDubbelfinanciering, Boolean staatssteun) {
        this.declarations = new Declarations(programmaorganisatie, alliantieoverleg, geenDubbelfinanciering, staatssteun);
        return this;
    }
    public AanvraagBuilder noDeclarations() { this.declarations = null; return this; }
    public AanvraagBuilder document(String name) { this.document = name; return this; }
    public AanvraagBuilder sha256(String s) { this.sha256 = s; return this; }

    /** A wijziging (art. 10, derde lid) dated on the given day with the kenmerk of the verleningsbeschikking. */
    public AanvraagBuilder wijziging(LocalDate d, String kenmerk) {
        this.kind = AanvraagKind.WIJZIGING;
        this.date = d;
        this.kenmerk = kenmerk;
        return this;
    }

    /** A section B row for focusgebied slot 1 (the first focusgebied): amounts 2023, 2024, 2025. */
    public AanvraagBuilder budget(String onderdeel, String y2023, String y2024, String y2025) {
        String fg = focusgebieden.isEmpty() ? null : focusgebieden.get(0);
        return budget(onderdeel, 1, fg, y2023, y2024, y2025);
    }

    /** A section B row for a focusgebied slot (Amsterdam: 1 = first focusgebied, 2 = second). */
    public AanvraagBuilder budget(String onderdeel, int slot, String focusgebied, String y2023, String y2024, String y2025) {
        SortedMap<Integer, BigDecimal> perYear = new TreeMap<>();
        put(perYear, 2023, y2023);
        put(perYear, 2024, y2024);
        put(perYear, 2025, y2025);
        budget.add(new BudgetLine(onderdeel, focusgebied, perYear, null, null, FormFields.budgetRow(onderdeel, slot)));
        perYear.keySet().forEach(y -> locate(FormFields.budget(onderdeel, slot, y)));
        return this;
    }

    /** The total typed in the last row added (may disagree with its years). */
    public AanvraagBuilder statedTotal(String typed) {
        BudgetLine l = budget.remove(budget.size() - 1);
        budget.add(new BudgetLine(l.onderdeel(), l.focusgebied(), l.perYear(), amount(typed), l.granted(), l.fieldPrefix()));
        locate(l.fieldPrefix() + ".totaal");
        return this;
    }

    /** Wijziging: the amount currently granted for the last row added. */
    public AanvraagBuilder granted(String typed) {
        BudgetLine l = budget.remove(budget.size() - 1);
        budget.add(new BudgetLine(l.onderdeel(), l.focusgebied(), l.perYear(), l.statedTotal(), amount(typed), l.fieldPrefix()));
        locate(l.fieldPrefix() + ".verleend");
        return this;
    }

    /** Section D: the lokale coalitie and its school counts (null = blank). */
    public AanvraagBuilder coalitie(String name, Integer schoolsInFocusgebied, Integer inCoalitie) {
        this.sectionD = true;
        this.coalitieName = name;
        this.schoolsInFocusgebied = schoolsInFocusgebied;
        this.schoolsInCoalitie = inCoalitie;
        return this;
    }

    /** Section D: a school row. */
    public AanvraagBuilder school(String name, String brin, Boolean inFocusgebied, Boolean inCoalitie) {
        this.sectionD = true;
        schools.add(new SchoolEnOmgeving.School(schools.size() + 1, name, brin, inFocusgebied, inCoalitie));
        return this;
    }

    /** Starts activity {@code number} of an onderdeel; finish with {@link ActivityBuilder#done()}. */
    public ActivityBuilder activity(int number, String onderdeel) {
        ActivityBuilder a = new ActivityBuilder(this, number, onderdeel);
        activities.add(a);
        return a;
    }

    private void locate(String field) {
        // Page numbers as a fillable form might have them: A on 1, B on 2, C from 3, D and E after.
        int page = switch (field.charAt(0)) {
            case 'A' -> 1;
            case 'B' -> 2;
            case 'C' -> 3;
            default -> 9;
        };
        locations.putIfAbsent(field, Location.field(document, page, field));
    }

    private static void put(SortedMap<Integer, BigDecimal> m, int year, String typed) {
        if (typed != null && !typed.isBlank()) {
            m.put(year, amount(typed));
        }
    }

    public Aanvraag build() {
        List.of(FormFields.A_GEMEENTE, FormFields.A_GEMEENTECODE, FormFields.A_DATUM, FormFields.A_SOORT).forEach(this::locate);
        List<Activity> built = activities.stream().map(ActivityBuilder::build).toList();
        SchoolEnOmgeving d = sectionD
                ? new SchoolEnOmgeving(coalitieName, schoolsInFocusgebied, schoolsInCoalitie, List.copyOf(schools)) : null;
        return new Aanvraag(formVersion, gemeente, gemeentecode, new ArrayList<>(focusgebieden), kind, kenmerk, date,
                signatory, contact, List.copyOf(budget), built, d, declarations,
                new Source(document, Source.DocumentShape.PDF_FORM, sha256, Map.copyOf(locations)));
    }

    /** One activity of section C. */
    public static final class ActivityBuilder {
        private final AanvraagBuilder parent;
        private final int number;
        private String onderdeel;
        private String focusgebied;
        private String name;
        private String description = "";
        private ActivityKind kind = ActivityKind.NIEUW;
        private String art6Aspect;
        private String art9Activity;
        private Boolean onderwijsassistent;
        private String diploma;
        private List<String> objectives = List.of();
        private final SortedMap<Integer, BigDecimal> budget = new TreeMap<>();
        private Boolean otherGovernmentFunding = false;
        private BigDecimal compensableBtw;
        private String onderbouwing = "Draagt aantoonbaar bij aan het doel van het onderdeel in het focusgebied.";
        private Boolean outsideSchoolHours;
        private String ontwikkelgebied;
        private List<String> schools = List.of();
        private Boolean newActivity;

        private ActivityBuilder(AanvraagBuilder parent, int number, String onderdeel) {
            this.parent = parent;
            this.number = number;
            this.onderdeel = onderdeel;
            this.name = "Activiteit " + number;
            this.focusgebied = parent.focusgebieden.isEmpty() ? null : parent.focusgebieden.get(0);
            switch (onderdeel == null ? "" : onderdeel) {
                case "SEO" -> {
                    outsideSchoolHours = true;
                    ontwikkelgebied = "sport";
                }
                case "VEE" -> art6Aspect = "d";
                case "INT" -> objectives = List.of("ARM");
                case "OJK" -> {
                    art9Activity = "b";
                    onderwijsassistent = false;
                }
                default -> { }
            }
        }

        public ActivityBuilder onderdeel(String o) { this.onderdeel = o; return this; }
        public ActivityBuilder focusgebied(String f) { this.focusgebied = f; return this; }
        public ActivityBuilder name(String n) { this.name = n; return this; }
        public ActivityBuilder description(String d) { this.description = d; return this; }
        public ActivityBuilder kind(ActivityKind k) { this.kind = k; return this; }
        public ActivityBuilder art6(String aspect) { this.art6Aspect = aspect; return this; }
        public ActivityBuilder art9(String letter) { this.art9Activity = letter; return this; }
        public ActivityBuilder onderwijsassistent(Boolean yes, String diploma) { this.onderwijsassistent = yes; this.diploma = diploma; return this; }
        public ActivityBuilder objectives(String... codes) { this.objectives = List.of(codes); return this; }
        public ActivityBuilder otherGovernmentFunding(Boolean b) { this.otherGovernmentFunding = b; return this; }
        public ActivityBuilder compensableBtw(String typed) { this.compensableBtw = amount(typed); return this; }
        public ActivityBuilder onderbouwing(String o) { this.onderbouwing = o; return this; }
        public ActivityBuilder outsideSchoolHours(Boolean b) { this.outsideSchoolHours = b; return this; }
        public ActivityBuilder ontwikkelgebied(String o) { this.ontwikkelgebied = o; return this; }
        public ActivityBuilder schools(String... brins) { this.schools = List.of(brins); return this; }
        public ActivityBuilder newActivity(Boolean b) { this.newActivity = b; return this; }

        /** Budget 2023, 2024, 2025 (Dutch amounts; null or "" = blank). */
        public ActivityBuilder budget(String y2023, String y2024, String y2025) {
            budget.clear();
            put(budget, 2023, y2023);
            put(budget, 2024, y2024);
            put(budget, 2025, y2025);
            budget.keySet().forEach(y -> parent.locate(FormFields.activityBudget(number, y)));
            return this;
        }

        public AanvraagBuilder done() {
            return parent;
        }

        private Activity build() {
            for (String sub : List.of(FormFields.C_ONDERDEEL, FormFields.C_NAAM, FormFields.C_OMSCHRIJVING, FormFields.C_ONDERBOUWING)) {
                parent.locate(FormFields.activity(number, sub));
            }
            return new Activity(number, onderdeel, focusgebied, name, description, kind, art6Aspect, art9Activity,
                    onderwijsassistent, diploma, objectives, new TreeMap<>(budget), otherGovernmentFunding, compensableBtw,
                    onderbouwing, outsideSchoolHours, ontwikkelgebied, schools, newActivity);
        }
    }
}
