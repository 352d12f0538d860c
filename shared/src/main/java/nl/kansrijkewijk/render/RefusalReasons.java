package nl.kansrijkewijk.render;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import nl.kansrijkewijk.aanvraag.Aanvraag;
import nl.kansrijkewijk.aanvraag.Activity;
import nl.kansrijkewijk.aanvraag.BudgetLine;
import nl.kansrijkewijk.aanvraag.SchoolEnOmgeving;
import nl.kansrijkewijk.besluit.Besluit;
import nl.kansrijkewijk.finding.Texts;
import nl.kansrijkewijk.money.DutchDates;
import nl.kansrijkewijk.money.Money;
import nl.kansrijkewijk.regeling.Regeling;

/**
 * The reason for a refused amount, written to the college ("u"-form), once, from the facts of the aanvraag and
 * the provision of the regeling that grounds it. The checker's own message is written for the reviewer (third
 * person, field keys); the letter composes its sentence per rule instead. A rule without a sentence here falls back
 * to that message made fit for the letter ({@link LetterText#forLetter}).
 */
final class RefusalReasons {
    private final Aanvraag a;
    private final Besluit b;
    private final Regeling r;

    RefusalReasons(Aanvraag aanvraag, Besluit besluit, Regeling regeling) {
        this.a = aanvraag;
        this.b = Objects.requireNonNull(besluit);
        this.r = Objects.requireNonNull(regeling);
    }

    /**
     * @param rule        the finding's rule id
     * @param message     the finding's message (fallback only)
     * @param article     the finding's citation
     * @param activity    activity number or null
     * @param group       the group the amount was refused in, or null for a whole refusal
     * @param amount      the amount refused here
     */
    String reason(String rule, String message, String article, Integer activity, Besluit.OnderdeelBesluit group,
            BigDecimal amount) {
        String grond = Optional.ofNullable(LetterText.grondslag(article)).orElse("de regeling");
        String act = activity == null ? null : activityName(activity);
        String amt = amount == null ? null : Dutch.money(amount);
        String s = switch (rule == null ? "" : rule) {
            case "DUBBELE-FINANCIERING" -> "Volgens uw aanvraag ontvangt uw gemeente voor " + act
                    + " al een vergoeding van overheidswege. Voor zo'n activiteit wordt geen specifieke uitkering "
                    + "verstrekt (" + grond + "). Daarom wijs ik " + amt + " voor deze activiteit af.";
            case "BTW-COMPENSABEL" -> "Voor " + act + " heeft u btw opgegeven die u uit het BTW-compensatiefonds kunt "
                    + "terugvragen. Die btw komt niet voor de uitkering in aanmerking (" + grond + "). Daarom wijs ik "
                    + amt + " af.";
            case "INT-ORGANISATIE" -> "Volgens uw aanvraag draagt " + act + " alleen bij aan de organisatie van het "
                    + "uitvoeringsprogramma en niet aan een doelstelling van een hoofdthema. Integrale middelen worden "
                    + "besteed aan activiteiten die bijdragen aan een of meer doelstellingen als bedoeld in de artikelen "
                    + "5, eerste lid, 6, eerste lid, 7, eerste lid, 8, eerste en tweede lid, en 9, eerste lid ("
                    + grond + "); de organisatie van het uitvoeringsprogramma is een afzonderlijk onderdeel met een "
                    + "eigen maximum (artikel 2, eerste lid, onder a, en artikel 3). Daarom wijs ik " + amt
                    + " voor deze activiteit af.";
            case "INT-SEO-GEMEENTE" -> act + " is een integrale activiteit voor de doelstelling van school en "
                    + "omgeving. Die doelstelling is met integrale middelen alleen open voor de gemeenten "
                    + Texts.join(Dutch.orEmpty(r.integralSchoolEnOmgevingGemeenten())) + " (" + grond
                    + "). Uw gemeente hoort daar niet bij. Daarom wijs ik " + amt + " voor deze activiteit af.";
            case "SEO-ONDERWIJSTIJD" -> "Volgens uw aanvraag wordt " + act + " niet voor of na schooltijd "
                    + "aangeboden. Activiteiten onder onderwijstijd komen niet voor de uitkering in aanmerking ("
                    + grond + "). Daarom wijs ik " + amt + " voor deze activiteit af.";
            case "SEO-SCHOOL-BUITEN-COALITIE" -> schoolsOutside(activity, act, grond, amt);
            case "OJK-DIPLOMA-TE-LAAG" -> "Voor " + act + " zet u een onderwijsassistent in"
                    + diploma(activity) + ". Een onderwijsassistent heeft ten minste een diploma van een "
                    + "vakopleiding als bedoeld in artikel 7.2.2, eerste lid, onder c, van de Wet educatie en "
                    + "beroepsonderwijs (" + grond + "). Daaraan voldoet de inzet volgens uw aanvraag niet. Daarom "
                    + "wijs ik " + amt + " voor deze activiteit af.";
            case "SEO-COALITIE-85" -> coalitie(grond, amt);
            case "SEO-GEMEENTE" -> Texts.capitalise(groupName(group)) + " wordt alleen verstrekt aan de gemeenten "
                    + Texts.join(onlyGemeenten(group)) + " (" + grond + "). Uw gemeente hoort daar niet bij. "
                    + "Daarom wijs ik het bedrag van " + amt + " voor dit onderdeel af.";
            case "MAXIMUM-OVERSCHREDEN" -> maximum(group, grond, amt);
            case "AANVRAAG-TERMIJN" -> "Een aanvraag kan worden ingediend van "
                    + DutchDates.format(r.deadlines().aanvraagWindow().from()) + " tot en met "
                    + DutchDates.format(r.deadlines().aanvraagWindow().through()) + " (" + grond + "). "
                    + (b.submissionDate() == null ? "Uit uw aanvraag blijkt niet dat zij in die periode is ingediend."
                            : "Uw aanvraag is ingediend op " + DutchDates.format(b.submissionDate())
                                    + ", dus buiten die periode.");
            case "WIJZIGING-TERMIJN" -> "Een aanvraag tot wijziging kan alleen worden ingediend in de perioden "
                    + windows() + " (" + grond + "). "
                    + (b.submissionDate() == null ? "Uit uw aanvraag blijkt niet dat zij in een van die perioden is ingediend."
                            : "Uw aanvraag tot wijziging is ingediend op " + DutchDates.format(b.submissionDate())
                                    + ", dus buiten die perioden.");
            case "WIJZIGING-OMVANG" -> "Een aanvraag tot wijziging is alleen mogelijk als het budget van een "
                    + "onderdeel met ten minste " + Dutch.procent(r.thresholds().wijzigingMinimumPercent())
                    + " wijzigt of als u een nieuwe activiteit toevoegt (" + grond + ")." + largestChange()
                    + " U voegt ook geen nieuwe activiteit toe.";
            case "GEMEENTE-ONBEKEND" -> "De specifieke uitkering kan alleen worden verstrekt aan een gemeente met een "
                    + "stedelijk focusgebied als bedoeld in artikel 1 van de regeling (" + grond + "). "
                    + (b.gemeente() == null || b.gemeente().isBlank() ? "Uit uw aanvraag blijkt niet om welke gemeente het gaat."
                            : "De gemeente " + b.gemeente().strip() + " heeft geen stedelijk focusgebied.");
            default -> null;
        };
        return s != null ? s : LetterText.forLetter(message);
    }

    // ------------------------------------------------------------------ pieces

    /** "activiteit 9": the heading above the reason already names it in full. */
    String activityName(int number) {
        return "activiteit " + number;
    }

    private Optional<Activity> activity(Integer number) {
        if (number == null || a == null || a.activities() == null) {
            return Optional.empty();
        }
        return a.activities().stream().filter(x -> x.number() == number).findFirst();
    }

    private String diploma(Integer number) {
        String d = activity(number).map(Activity::onderwijsassistentDiploma).filter(x -> x != null && !x.isBlank())
                .orElse(null);
        return d == null ? "" : " met als diploma “" + d.strip() + "”";
    }

    private String schoolsOutside(Integer number, String act, String grond, String amt) {
        List<String> named = activity(number).map(Activity::schools).map(Dutch::orEmpty).orElse(List.of());
        List<SchoolEnOmgeving.School> listed = a == null || a.schoolEnOmgeving() == null ? List.of()
                : Dutch.orEmpty(a.schoolEnOmgeving().schools());
        List<String> outside = new ArrayList<>();
        for (String brin : named) {
            if (brin == null || brin.isBlank()) {
                continue;
            }
            Optional<SchoolEnOmgeving.School> s = listed.stream()
                    .filter(x -> x.brin() != null && compact(x.brin()).equals(compact(brin))).findFirst();
            if (s.isEmpty() || Boolean.FALSE.equals(s.get().inCoalitie())) {
                String schoolName = s.map(SchoolEnOmgeving.School::name).filter(n -> n != null && !n.isBlank())
                        .map(n -> " (" + n.strip() + ")").orElse("");
                outside.add(brin.strip() + schoolName);
            }
        }
        String where = outside.isEmpty() ? "een school"
                : (outside.size() == 1 ? "school " : "de scholen ") + Texts.join(outside);
        String verb = outside.size() > 1 ? "vallen" : "valt";
        return "U voert " + act + " uit op " + where + ", die volgens uw aanvraag niet binnen de lokale coalitie "
                + verb + ". Activiteiten op scholen buiten de lokale coalitie komen niet voor de uitkering in "
                + "aanmerking (" + grond + "). Daarom wijs ik " + amt + " voor deze activiteit af.";
    }

    private static String compact(String s) {
        return s.strip().toUpperCase(Locale.ROOT).replace(" ", "");
    }

    private String coalitie(String grond, String amt) {
        SchoolEnOmgeving soe = a == null ? null : a.schoolEnOmgeving();
        String numbers = soe == null || soe.schoolsInFocusgebied() == null || soe.schoolsInFocusgebiedInCoalitie() == null
                ? "" : " Volgens uw aanvraag nemen " + soe.schoolsInFocusgebiedInCoalitie() + " van de "
                        + soe.schoolsInFocusgebied() + " scholen in het focusgebied deel aan de lokale coalitie.";
        return "Voor school en omgeving neemt ten minste " + Dutch.procent(r.thresholds().coalitieMinimumPercent())
                + " van de scholen in het stedelijk focusgebied deel aan de lokale coalitie (" + grond + ")." + numbers
                + " Dat is minder dan vereist. Daarom wijs ik het bedrag van " + amt + " voor school en omgeving af.";
    }

    private String maximum(Besluit.OnderdeelBesluit g, String grond, String amt) {
        if (g == null) {
            return "Het aangevraagde bedrag is hoger dan het maximum dat de bijlage bij de regeling noemt (" + grond
                    + "). Daarom wijs ik het meerdere, " + amt + ", af.";
        }
        String fg = g.focusgebied() == null ? "" : " in het focusgebied " + g.focusgebied();
        BigDecimal before = Money.ZERO;
        for (Besluit.Refusal f : Dutch.orEmpty(g.refusals())) {
            if (!"MAXIMUM-OVERSCHREDEN".equals(f.rule()) && f.amount() != null) {
                before = before.add(f.amount());
            }
        }
        String requested = Dutch.money(g.requested());
        String rest = before.signum() > 0 ? " Na de afwijzingen hiervoor resteert daarvan "
                + Dutch.money(g.requested().subtract(before)) + "." : "";
        String max = g.maximum() == null ? "" : ", " + Dutch.money(g.maximum()) + ",";
        return "Voor " + groupName(g) + fg + " vraagt u " + requested + " aan." + rest + " Dat is meer dan het "
                + "maximum" + max + " dat de bijlage bij de regeling voor uw gemeente noemt (" + grond + "). "
                + "Daarom wijs ik het meerdere, " + amt + ", af.";
    }

    private String largestChange() {
        if (a == null || a.budget() == null) {
            return "";
        }
        BigDecimal largest = null;
        for (BudgetLine l : a.budget()) {
            if (l.granted() == null || l.granted().signum() == 0 || l.perYear() == null) {
                continue;
            }
            BigDecimal change = l.sumOfYears().subtract(l.granted()).abs()
                    .multiply(BigDecimal.valueOf(100)).divide(l.granted(), 1, java.math.RoundingMode.HALF_UP);
            largest = largest == null || change.compareTo(largest) > 0 ? change : largest;
        }
        return largest == null ? "" : " De grootste wijziging van het budget van een onderdeel in uw aanvraag is "
                + Texts.percent(largest).replace(" %", " procent") + ".";
    }

    private String windows() {
        List<String> w = new ArrayList<>();
        for (Regeling.Period p : r.deadlines().wijzigingWindows()) {
            w.add("van " + DutchDates.format(p.from()) + " tot en met " + DutchDates.format(p.through()));
        }
        return Texts.join(w);
    }

    private String groupName(Besluit.OnderdeelBesluit g) {
        return g == null ? "het onderdeel" : g.name() != null ? g.name() : g.onderdeel();
    }

    private List<String> onlyGemeenten(Besluit.OnderdeelBesluit g) {
        return g == null ? List.of() : r.onderdeel(g.onderdeel()).map(Regeling.Onderdeel::onlyGemeenten)
                .map(Dutch::orEmpty).orElse(List.of());
    }
}
