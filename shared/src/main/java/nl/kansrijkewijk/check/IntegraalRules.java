package nl.kansrijkewijk.check;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import nl.kansrijkewijk.aanvraag.Activity;
import nl.kansrijkewijk.aanvraag.ActivityTexts;
import nl.kansrijkewijk.aanvraag.BudgetGroups;
import nl.kansrijkewijk.finding.Texts;
import nl.kansrijkewijk.form.FormFields;
import nl.kansrijkewijk.money.Money;
import nl.kansrijkewijk.regeling.Regeling;

/** Art. 4: integrale activiteiten serve hoofdthema objectives, not the organisation (ORG), and SEO only in five gemeenten. */
final class IntegraalRules implements RuleSet {
    static final String INT_DOELSTELLING = "INT-DOELSTELLING";
    static final String INT_ORGANISATIE = "INT-ORGANISATIE";
    static final String INT_SEO_GEMEENTE = "INT-SEO-GEMEENTE";
    static final String INT_ORGANISATIE_TEKST = "INT-ORGANISATIE-TEKST";
    static final String INT_ORGANISATIE_NAAST = "INT-ORGANISATIE-NAAST";
    static final String INT = "INT";
    static final String ORG = "ORG";
    static final String SEO = "SEO";
    static final String ART4_SIGNALS = "art4Organisatie";

    @Override
    public List<String> ruleIds() {
        return List.of(INT_DOELSTELLING, INT_ORGANISATIE, INT_ORGANISATIE_NAAST, INT_SEO_GEMEENTE, INT_ORGANISATIE_TEKST);
    }

    /** The objective codes of an INT activity, upper-cased. */
    static List<String> objectives(Activity a) {
        return BudgetGroups.nonNull(a.objectives()).stream()
                .filter(o -> o != null && !o.isBlank())
                .map(o -> o.strip().toUpperCase(Locale.ROOT))
                .toList();
    }

    static boolean isIntegraal(Activity a) {
        return a.onderdeel() != null && INT.equals(a.onderdeel().strip());
    }

    @Override
    public void apply(Phase phase, CheckContext ctx) {
        if (phase != Phase.ACTIVITY) {
            return;
        }
        for (Activity a : BudgetGroups.nonNull(ctx.aanvraag.activities())) {
            if (!isIntegraal(a)) {
                continue;
            }
            List<String> objectives = objectives(a);
            String field = FormFields.activity(a.number(), FormFields.C_DOELSTELLINGEN);
            String listed = objectives.isEmpty() ? "(leeg)" : String.join(", ", objectives);
            if (objectives.isEmpty()) {
                ctx.finding(INT_DOELSTELLING).activity(a).field(field)
                        .message("Integrale " + ActivityTexts.activity(a) + " noemt niet aan welke doelstelling(en) van de hoofdthema's "
                                + "(art. 5 tot en met 9, eerste lid) zij bijdraagt (art. 4, eerste lid).")
                        .input("Doelstellingen (" + field + ")", "(leeg)")
                        .outcome("doelstelling ontbreekt")
                        .add();
            }
            if (objectives.contains(ORG)) {
                organisatie(ctx, a, objectives, field, listed);
            }
            if (objectives.contains(SEO) && ctx.gemeenteKnown()) {
                List<String> eligible = ctx.regeling.integralSchoolEnOmgevingGemeenten();
                String gemeente = ctx.gemeente().get().name();
                if (!eligible.contains(gemeente)) {
                    ctx.refuseActivity(a, ctx.finding(INT_SEO_GEMEENTE).activity(a).field(field)
                            .message("Integrale " + ActivityTexts.activity(a) + " draagt bij aan de doelstelling van " + ctx.onderdeelName(SEO)
                                    + " (art. 8, eerste lid); integrale middelen daarvoor ontvangen alleen " + Texts.join(eligible)
                                    + " (art. 4, tweede lid), niet " + gemeente + ".")
                            .input("Doelstellingen (" + field + ")", listed)
                            .input("Gemeente", gemeente)
                            .input("Gemeenten van art. 4, tweede lid", Texts.join(eligible))
                            .input("Begroting van de activiteit", Money.format(CheckContext.activityTotal(a)))
                            .step(gemeente + " staat niet in de lijst van art. 4, tweede lid"));
                }
            }
            if (!objectives.contains(ORG)) {
                organisatieTekst(ctx, a);
            }
        }
    }

    /**
     * ORG among the objectives of an integral activity. Art. 4(1) spends integral money on activities that contribute
     * to the hoofdthema objectives of art. 5(1) to 9(1); the organisation of the uitvoeringsprogramma (art. 2(2),
     * art. 3) is not among them. With no hoofdthema objective beside ORG the activity contributes to none of them:
     * the article itself refuses it. With one beside ORG the activity does contribute to an art. 4(1) objective, and
     * only the Toelichting on art. 4 ("niet opgenomen als activiteit waarvoor de integrale middelen kunnen worden
     * ingezet") excludes the organisation part: a waarschuwing naming both readings, for the reviewer to decide.
     */
    private void organisatie(CheckContext ctx, Activity a, List<String> objectives, String field, String listed) {
        List<String> hoofdthemas = objectives.stream()
                .filter(o -> ctx.regeling.onderdeel(o).map(Regeling.Onderdeel::isHoofdthema).orElse(false))
                .toList();
        BigDecimal total = CheckContext.activityTotal(a);
        if (hoofdthemas.isEmpty()) {
            ctx.refuseActivity(a, ctx.finding(INT_ORGANISATIE).activity(a).field(field)
                    .message("Integrale " + ActivityTexts.activity(a) + " noemt als doelstelling alleen de organisatie van het "
                            + "uitvoeringsprogramma en geen doelstelling van een hoofdthema; "
                            + "integrale middelen worden besteed aan activiteiten die bijdragen aan de doelstellingen van "
                            + "art. 5 tot en met 9, eerste lid (art. 4, eerste lid).")
                    .input("Doelstellingen (" + field + ")", listed)
                    .input("Begroting van de activiteit", Money.format(total))
                    .step("de organisatie van het uitvoeringsprogramma staat tussen de doelstellingen, geen hoofdthema ernaast"));
            return;
        }
        String themas = Texts.join(hoofdthemas.stream().map(ctx::onderdeelName).toList());
        ctx.finding(INT_ORGANISATIE_NAAST).activity(a).field(field)
                .message("Integrale " + ActivityTexts.activity(a) + " noemt als doelstelling de organisatie van het "
                        + "uitvoeringsprogramma naast " + themas + ". Twee lezingen: "
                        + "(1) art. 4, eerste lid, vraagt alleen dat de activiteit bijdraagt aan een of meer doelstellingen "
                        + "van de hoofdthema's; dat doet zij, dus zij komt geheel in aanmerking (zo gaat het concept); "
                        + "(2) volgens de toelichting bij art. 4 is de organisatie van het uitvoeringsprogramma geen activiteit "
                        + "waarvoor integrale middelen kunnen worden ingezet; dan wordt het deel van " + Money.format(total)
                        + " dat aan de organisatie wordt besteed afgewezen. Beoordeel welk deel dat is; de regeling zelf sluit "
                        + "het niet uit, dus afwijzen gaat alleen via de beoordeling.")
                .input("Doelstellingen (" + field + ")", listed)
                .input("Doelstellingen van een hoofdthema", themas)
                .input("Begroting van de activiteit", Money.format(total))
                .step("de organisatie van het uitvoeringsprogramma staat naast " + themas + " tussen de doelstellingen")
                .outcome("ter beoordeling: niets afgewezen")
                .add();
    }

    private void organisatieTekst(CheckContext ctx, Activity a) {
        List<String> words = ctx.regeling.signalWords(ART4_SIGNALS).values().stream().flatMap(List::stream).toList();
        if (words.isEmpty()) {
            return;
        }
        List<String> inName = SignalWords.find(a.name(), words);
        List<String> found = SignalWords.find(ActivityTexts.nameAndDescription(a), words);
        if (found.isEmpty()) {
            return;
        }
        String field = FormFields.activity(a.number(), inName.isEmpty() ? FormFields.C_OMSCHRIJVING : FormFields.C_NAAM);
        ctx.finding(INT_ORGANISATIE_TEKST).activity(a).field(field)
                .message("De tekst van integrale " + ActivityTexts.activity(a) + " bevat " + Texts.join(found.stream().map(Texts::quote).toList())
                        + ", wat wijst op organisatiekosten van het uitvoeringsprogramma; integrale middelen worden daaraan niet besteed "
                        + "(toelichting bij art. 4). Beoordeel of de activiteit daaronder valt.")
                .input("Naam (" + FormFields.activity(a.number(), FormFields.C_NAAM) + ")", Texts.orEmpty(a.name()))
                .input("Omschrijving (" + FormFields.activity(a.number(), FormFields.C_OMSCHRIJVING) + ")", Texts.orEmpty(a.description()))
                .input("Signaalwoorden (art. 4, organisatie)", String.join(", ", words))
                .step("gevonden: " + String.join(", ", found))
                .outcome("ter beoordeling")
                .add();
    }
}
