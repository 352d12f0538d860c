package nl.kansrijkewijk.check;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import nl.kansrijkewijk.aanvraag.Activity;
import nl.kansrijkewijk.aanvraag.ActivityTexts;
import nl.kansrijkewijk.aanvraag.BudgetGroups;
import nl.kansrijkewijk.aanvraag.BudgetLine;
import nl.kansrijkewijk.aanvraag.SchoolEnOmgeving;
import nl.kansrijkewijk.finding.Texts;
import nl.kansrijkewijk.form.FormFields;
import nl.kansrijkewijk.money.Money;
import nl.kansrijkewijk.regeling.Names;
import nl.kansrijkewijk.regeling.Regeling.Onderdeel;

/**
 * Art. 8 (school en omgeving): only the gemeenten of art. 8(3) (generally: an onderdeel's onlyGemeenten), a lokale
 * coalitie with at least 85 % of the schools, activities outside onderwijstijd on coalition schools, the
 * exclusions of art. 8(2) and the ontwikkelgebieden of art. 8(1).
 */
final class SchoolEnOmgevingRules implements RuleSet {
    static final String SEO_GEMEENTE = "SEO-GEMEENTE";
    static final String SEO_COALITIE_85 = "SEO-COALITIE-85";
    static final String SEO_COALITIE_ONBEKEND = "SEO-COALITIE-ONBEKEND";
    static final String SEO_ONDERWIJSTIJD = "SEO-ONDERWIJSTIJD";
    static final String SEO_ONDERWIJSTIJD_ONBEKEND = "SEO-ONDERWIJSTIJD-ONBEKEND";
    static final String SEO_SCHOOL_BUITEN_COALITIE = "SEO-SCHOOL-BUITEN-COALITIE";
    static final String SEO_UITSLUITING_TEKST = "SEO-UITSLUITING-TEKST";
    static final String SEO_ONTWIKKELGEBIED = "SEO-ONTWIKKELGEBIED";
    static final String SEO = "SEO";
    static final String ART8_SIGNALS = "art8lid2";
    static final String ART8_CONTEXT = "art8lid2Context";

    @Override
    public List<String> ruleIds() {
        return List.of(SEO_GEMEENTE, SEO_COALITIE_85, SEO_COALITIE_ONBEKEND, SEO_ONDERWIJSTIJD, SEO_ONDERWIJSTIJD_ONBEKEND,
                SEO_SCHOOL_BUITEN_COALITIE, SEO_UITSLUITING_TEKST, SEO_ONTWIKKELGEBIED);
    }

    @Override
    public void apply(Phase phase, CheckContext ctx) {
        if (phase == Phase.ONDERDEEL && ctx.gemeenteKnown()) {
            for (Onderdeel o : ctx.regeling.onderdelen()) {
                onlyGemeenten(ctx, o);
            }
            coalitie(ctx);
        } else if (phase == Phase.ACTIVITY) {
            for (Activity a : BudgetGroups.nonNull(ctx.aanvraag.activities())) {
                if (isSeo(a) && eligible(ctx)) {
                    onderwijstijd(ctx, a);
                    scholen(ctx, a);
                    ontwikkelgebied(ctx, a);
                }
                if ((isSeo(a) && eligible(ctx))
                        || (IntegraalRules.isIntegraal(a) && IntegraalRules.objectives(a).contains(SEO))) {
                    uitsluitingTekst(ctx, a);
                }
            }
        }
    }

    private static boolean isSeo(Activity a) {
        return a.onderdeel() != null && SEO.equals(a.onderdeel().strip());
    }

    /** SEO activity rules are not evaluated for a gemeente that cannot receive SEO at all (SEO-GEMEENTE decides). */
    private static boolean eligible(CheckContext ctx) {
        if (!ctx.gemeenteKnown()) {
            return true;
        }
        Optional<Onderdeel> seo = ctx.regeling.onderdeel(SEO);
        List<String> only = seo.map(Onderdeel::onlyGemeenten).orElse(null);
        return only == null || only.isEmpty() || only.contains(ctx.gemeente().get().name());
    }

    private void onlyGemeenten(CheckContext ctx, Onderdeel o) {
        List<String> only = o.onlyGemeenten();
        String gemeente = ctx.gemeente().get().name();
        BigDecimal requested = ctx.groups.requested(o.code());
        if (only == null || only.isEmpty() || only.contains(gemeente) || requested.signum() <= 0) {
            return;
        }
        String article = o.onlyGemeentenArticle() == null ? o.maximumArticle() : o.onlyGemeentenArticle();
        CheckContext.Draft d = ctx.finding(SEO_GEMEENTE).article(article).field(firstAmountField(ctx, o.code()))
                .message(Texts.capitalise(o.name()) + " wordt alleen toegekend aan " + Texts.join(only) + " (" + article + "); "
                        + gemeente + " komt daarvoor niet in aanmerking.")
                .input("Gemeente", gemeente)
                .input("Gemeenten van " + article, Texts.join(only))
                .input("Gevraagd voor " + o.name(), Money.format(requested))
                .step(gemeente + " staat niet in de lijst van " + article);
        ctx.refuseOnderdeel(o.code(), d, requested);
    }

    private void coalitie(CheckContext ctx) {
        BigDecimal requested = ctx.groups.requested(SEO);
        if (requested.signum() <= 0 || ctx.onderdeelRefused(SEO)) {
            return;
        }
        SchoolEnOmgeving soe = ctx.aanvraag.schoolEnOmgeving();
        Integer total = soe == null ? null : soe.schoolsInFocusgebied();
        Integer inCoalitie = soe == null ? null : soe.schoolsInFocusgebiedInCoalitie();
        BigDecimal minimum = ctx.regeling.thresholds().coalitieMinimumPercent();
        String totalLabel = "Scholen in het focusgebied (" + FormFields.D_SCHOLEN_FOCUSGEBIED + ")";
        String inLabel = "Waarvan in de lokale coalitie (" + FormFields.D_SCHOLEN_IN_COALITIE + ")";
        if (total == null || inCoalitie == null || total == 0) {
            String field = total == null || total == 0 ? FormFields.D_SCHOLEN_FOCUSGEBIED : FormFields.D_SCHOLEN_IN_COALITIE;
            String missing = total == null && inCoalitie == null
                    ? "zijn het aantal scholen in het focusgebied en het aantal daarvan in de lokale coalitie niet ingevuld"
                    : total == null ? "is het aantal scholen in het focusgebied niet ingevuld"
                    : total == 0 ? "is het aantal scholen in het focusgebied 0"
                    : "is het aantal scholen in de lokale coalitie niet ingevuld";
            ctx.finding(SEO_COALITIE_ONBEKEND).onderdeel(SEO).field(field)
                    .message("Voor " + ctx.onderdeelName(SEO) + " " + missing + "; of aan de eis van art. 8, eerste lid (ten minste "
                            + Texts.percent(minimum).replace(" %", " procent")
                            + " van de scholen in het focusgebied neemt deel aan de lokale coalitie) is voldaan, is niet te toetsen.")
                    .input(totalLabel, total == null ? "(leeg)" : total)
                    .input(inLabel, inCoalitie == null ? "(leeg)" : inCoalitie)
                    .outcome("85 procent-eis niet te toetsen")
                    .add();
            return;
        }
        BigDecimal share = Texts.ratio(BigDecimal.valueOf(inCoalitie), BigDecimal.valueOf(total));
        // Exact comparison: inCoalitie × 100 < minimum × total.
        if (BigDecimal.valueOf(inCoalitie).multiply(BigDecimal.valueOf(100))
                .compareTo(minimum.multiply(BigDecimal.valueOf(total))) >= 0) {
            return;
        }
        String name = soe.coalitieName() == null || soe.coalitieName().isBlank() ? "" : " " + Texts.quote(soe.coalitieName());
        CheckContext.Draft d = ctx.finding(SEO_COALITIE_85).field(FormFields.D_SCHOLEN_IN_COALITIE)
                .message("Aan de lokale coalitie" + name + " nemen " + inCoalitie + " van de " + total + " scholen in het focusgebied deel ("
                        + Texts.percent(share) + "); art. 8, eerste lid vereist ten minste " + Texts.percent(minimum).replace(" %", " procent") + ".")
                .input(totalLabel, total)
                .input(inLabel, inCoalitie)
                .input("Minimum (art. 8, eerste lid)", Texts.percent(minimum))
                .input("Gevraagd voor " + ctx.onderdeelName(SEO), Money.format(requested))
                .step(inCoalitie + " / " + total + " = " + Texts.percent(share) + " < " + Texts.percent(minimum));
        ctx.refuseOnderdeel(SEO, d, requested);
    }

    private void onderwijstijd(CheckContext ctx, Activity a) {
        String field = FormFields.activity(a.number(), FormFields.C_BUITEN_ONDERWIJSTIJD);
        if (Boolean.FALSE.equals(a.outsideSchoolHours())) {
            ctx.refuseActivity(a, ctx.finding(SEO_ONDERWIJSTIJD).activity(a).field(field)
                    .message(ActivityTexts.activityAtStart(a) + " wordt volgens het formulier niet voor- of naschools (buiten onderwijstijd) "
                            + "aangeboden; activiteiten onder onderwijstijd worden niet bekostigd (art. 8, tweede lid, onder a).")
                    .input("Buiten onderwijstijd (" + field + ")", "nee")
                    .input("Begroting van de activiteit", Money.format(CheckContext.activityTotal(a))));
        } else if (a.outsideSchoolHours() == null) {
            ctx.finding(SEO_ONDERWIJSTIJD_ONBEKEND).activity(a).field(field)
                    .message(ActivityTexts.activityAtStart(a) + ": niet aangegeven of de activiteit voor- of naschools (buiten onderwijstijd) "
                            + "wordt aangeboden; alleen zulke activiteiten worden bekostigd (art. 8, eerste lid en tweede lid, onder a).")
                    .input("Buiten onderwijstijd (" + field + ")", "(leeg)")
                    .outcome("niet te toetsen")
                    .add();
        }
    }

    private void scholen(CheckContext ctx, Activity a) {
        List<String> named = BudgetGroups.nonNull(a.schools()).stream().filter(s -> s != null && !s.isBlank()).toList();
        if (named.isEmpty()) {
            return;
        }
        SchoolEnOmgeving soe = ctx.aanvraag.schoolEnOmgeving();
        List<SchoolEnOmgeving.School> listed = soe == null ? List.of() : BudgetGroups.nonNull(soe.schools());
        List<String> outside = new ArrayList<>();
        List<String> unlisted = new ArrayList<>();
        String field = FormFields.activity(a.number(), FormFields.C_SCHOLEN);
        CheckContext.Draft d = ctx.finding(SEO_SCHOOL_BUITEN_COALITIE).activity(a).field(field)
                .input("Scholen van de activiteit (" + field + ")", String.join(", ", named));
        for (String brin : named) {
            Optional<SchoolEnOmgeving.School> school = listed.stream()
                    .filter(s -> s.brin() != null && compactBrin(s.brin()).equals(compactBrin(brin))).findFirst();
            if (school.isEmpty()) {
                unlisted.add(brin.strip());
                d.step(brin.strip() + ": niet vermeld in onderdeel D");
            } else if (Boolean.FALSE.equals(school.get().inCoalitie())) {
                SchoolEnOmgeving.School s = school.get();
                outside.add(brin.strip() + (Texts.blank(s.name()) ? "" : " (" + s.name().strip() + ")"));
                d.step(brin.strip() + ": volgens onderdeel D (" + FormFields.school(s.number(), FormFields.D_IN_COALITIE)
                        + ") valt de school niet in de coalitie");
            }
        }
        if (outside.isEmpty() && unlisted.isEmpty()) {
            return;
        }
        List<String> parts = new ArrayList<>();
        if (!outside.isEmpty()) {
            parts.add((outside.size() == 1 ? "school " : "de scholen ") + Texts.join(outside) + ", die volgens onderdeel D niet binnen de lokale coalitie "
                    + (outside.size() == 1 ? "valt" : "vallen"));
        }
        if (!unlisted.isEmpty()) {
            parts.add((unlisted.size() == 1 ? "school " : "de scholen ") + Texts.join(unlisted) + ", die in onderdeel D niet als school van de coalitie "
                    + (unlisted.size() == 1 ? "staat" : "staan"));
        }
        d.message(ActivityTexts.activityAtStart(a) + " wordt uitgevoerd op " + String.join(", en op ", parts)
                + "; activiteiten op scholen buiten de lokale coalitie worden niet bekostigd (art. 8, tweede lid, onder f).")
                .input("Begroting van de activiteit", Money.format(CheckContext.activityTotal(a)));
        ctx.refuseActivity(a, d);
    }

    private static String compactBrin(String s) {
        return Names.normalise(s).replace(" ", "");
    }

    private void uitsluitingTekst(CheckContext ctx, Activity a) {
        Map<String, List<String>> signals = new TreeMap<>(ctx.regeling.signalWords(ART8_SIGNALS));
        Map<String, String> letters = ctx.regeling.letteredList("art8lid2");
        Map<String, List<String>> context = ctx.regeling.signalWords(ART8_CONTEXT);
        List<String> negations = context.getOrDefault("negations", List.of());
        List<String> skip = context.getOrDefault("skipWords", List.of());
        for (Map.Entry<String, List<String>> e : signals.entrySet()) {
            List<String> found = new ArrayList<>(SignalWords.find(ActivityTexts.nameAndDescription(a), e.getValue(), negations, skip));
            boolean inName = !SignalWords.find(a.name(), e.getValue(), negations, skip).isEmpty();
            if (e.getKey().equals("c")) {
                List<String> adjectives = context.getOrDefault("foreignAdjectives", List.of());
                List<String> notForeign = context.getOrDefault("notForeign", List.of());
                for (String place : ForeignPlaces.find(ActivityTexts.nameAndDescription(a), adjectives, notForeign)) {
                    if (!found.contains(place)) {
                        found.add(place);
                    }
                }
                inName = inName || !ForeignPlaces.find(a.name(), adjectives, notForeign).isEmpty();
            }
            if (found.isEmpty()) {
                continue;
            }
            String article = "art. 8, tweede lid, onder " + e.getKey();
            String via = IntegraalRules.isIntegraal(a) ? " (via art. 4, eerste lid, ook voor integrale activiteiten gericht op "
                    + ctx.onderdeelName(SEO) + ")" : "";
            ctx.finding(SEO_UITSLUITING_TEKST).activity(a).article(article)
                    .field(FormFields.activity(a.number(), inName ? FormFields.C_NAAM : FormFields.C_OMSCHRIJVING))
                    .message("De tekst van " + ActivityTexts.activity(a) + " bevat " + Texts.join(found.stream().map(Texts::quote).toList())
                            + ", wat wijst op " + letters.getOrDefault(e.getKey(), "een uitsluiting") + "; daaraan worden de middelen niet besteed ("
                            + article + ")" + via + ". Beoordeel of de activiteit daaronder valt.")
                    .input("Naam (" + FormFields.activity(a.number(), FormFields.C_NAAM) + ")", Texts.orEmpty(a.name()))
                    .input("Omschrijving (" + FormFields.activity(a.number(), FormFields.C_OMSCHRIJVING) + ")", Texts.orEmpty(a.description()))
                    .input("Signaalwoorden " + article, String.join(", ", e.getValue())
                            + (e.getKey().equals("c") ? "; landen buiten Nederland en hun bijvoeglijke naamwoorden" : "")
                            + (negations.isEmpty() ? "" : " (niet na " + String.join("/", negations) + ")"))
                    .step("gevonden: " + String.join(", ", found))
                    .outcome("ter beoordeling")
                    .add();
        }
    }

    private void ontwikkelgebied(CheckContext ctx, Activity a) {
        List<String> gebieden = ctx.regeling.ontwikkelgebieden();
        String typed = a.ontwikkelgebied();
        String t = Names.normalise(typed);
        if (!t.isEmpty() && gebieden.stream().anyMatch(g -> Names.normalise(g).equals(t))) {
            return;
        }
        String field = FormFields.activity(a.number(), FormFields.C_ONTWIKKELGEBIED);
        ctx.finding(SEO_ONTWIKKELGEBIED).activity(a).field(field)
                .message(ActivityTexts.activityAtStart(a) + (t.isEmpty() ? " noemt geen ontwikkelgebied" : " noemt ontwikkelgebied " + Texts.quote(typed)
                        + ", dat geen ontwikkelgebied") + " van art. 8, eerste lid" + (t.isEmpty() ? "" : " is") + " ("
                        + Texts.join(gebieden) + ").")
                .input("Ontwikkelgebied (" + field + ")", Texts.orEmpty(typed))
                .input("Ontwikkelgebieden art. 8, eerste lid", Texts.join(gebieden))
                .outcome("ontwikkelgebied niet herkend")
                .add();
    }

    /** The field of the first year with an amount in the onderdeel's rows ("B.SEO.fg1.2023"), else the first row's total. */
    static String firstAmountField(CheckContext ctx, String onderdeel) {
        for (BudgetLine l : BudgetGroups.nonNull(ctx.aanvraag.budget())) {
            if (onderdeel.equals(l.onderdeel()) && l.perYear() != null) {
                for (Map.Entry<Integer, BigDecimal> e : l.perYear().entrySet()) {
                    if (e.getValue() != null && e.getValue().signum() != 0) {
                        return l.fieldPrefix() + "." + e.getKey();
                    }
                }
            }
        }
        return BudgetGroups.nonNull(ctx.aanvraag.budget()).stream().filter(l -> onderdeel.equals(l.onderdeel()))
                .findFirst().map(l -> l.fieldPrefix() + ".totaal").orElse(FormFields.budgetTotal(onderdeel, 1));
    }
}
