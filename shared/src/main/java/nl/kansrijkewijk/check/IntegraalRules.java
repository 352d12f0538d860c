package nl.kansrijkewijk.check;

import java.util.List;
import java.util.Locale;
import nl.kansrijkewijk.aanvraag.Activity;
import nl.kansrijkewijk.aanvraag.ActivityTexts;
import nl.kansrijkewijk.aanvraag.BudgetGroups;
import nl.kansrijkewijk.finding.Texts;
import nl.kansrijkewijk.form.FormFields;
import nl.kansrijkewijk.money.Money;

/** Art. 4: integrale activiteiten serve hoofdthema objectives, not the organisation (ORG), and SEO only in five gemeenten. */
final class IntegraalRules implements RuleSet {
    static final String INT_DOELSTELLING = "INT-DOELSTELLING";
    static final String INT_ORGANISATIE = "INT-ORGANISATIE";
    static final String INT_SEO_GEMEENTE = "INT-SEO-GEMEENTE";
    static final String INT_ORGANISATIE_TEKST = "INT-ORGANISATIE-TEKST";
    static final String INT = "INT";
    static final String ORG = "ORG";
    static final String SEO = "SEO";
    static final String ART4_SIGNALS = "art4Organisatie";

    @Override
    public List<String> ruleIds() {
        return List.of(INT_DOELSTELLING, INT_ORGANISATIE, INT_SEO_GEMEENTE, INT_ORGANISATIE_TEKST);
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
                ctx.refuseActivity(a, ctx.finding(INT_ORGANISATIE).activity(a).field(field)
                        .message("Integrale " + ActivityTexts.activity(a) + " noemt als doelstelling de organisatie van het uitvoeringsprogramma ("
                                + ctx.onderdeelName(ORG) + "); integrale middelen worden daaraan niet besteed (art. 4, eerste lid; Toelichting art. 4).")
                        .input("Doelstellingen (" + field + ")", listed)
                        .input("Begroting van de activiteit", Money.format(CheckContext.activityTotal(a)))
                        .step(ORG + " staat tussen de doelstellingen"));
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
                        + "(Toelichting art. 4). Beoordeel of de activiteit daaronder valt.")
                .input("Naam (" + FormFields.activity(a.number(), FormFields.C_NAAM) + ")", Texts.orEmpty(a.name()))
                .input("Omschrijving (" + FormFields.activity(a.number(), FormFields.C_OMSCHRIJVING) + ")", Texts.orEmpty(a.description()))
                .input("Signaalwoorden (art. 4, organisatie)", String.join(", ", words))
                .step("gevonden: " + String.join(", ", found))
                .outcome("ter beoordeling")
                .add();
    }
}
