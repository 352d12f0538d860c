package nl.kansrijkewijk.check;

import java.util.List;
import java.util.OptionalInt;
import nl.kansrijkewijk.aanvraag.Activity;
import nl.kansrijkewijk.aanvraag.ActivityTexts;
import nl.kansrijkewijk.aanvraag.BudgetGroups;
import nl.kansrijkewijk.finding.Texts;
import nl.kansrijkewijk.form.FormFields;
import nl.kansrijkewijk.money.Money;

/** Art. 9, derde lid: an onderwijsassistent has at least a vakopleiding diploma (mbo level from the data). */
final class JongeKindRules implements RuleSet {
    static final String OJK_DIPLOMA_TE_LAAG = "OJK-DIPLOMA-TE-LAAG";
    static final String OJK_DIPLOMA_ONBEKEND = "OJK-DIPLOMA-ONBEKEND";
    static final String OJK = "OJK";

    @Override
    public List<String> ruleIds() {
        return List.of(OJK_DIPLOMA_TE_LAAG, OJK_DIPLOMA_ONBEKEND);
    }

    @Override
    public void apply(Phase phase, CheckContext ctx) {
        if (phase != Phase.ACTIVITY) {
            return;
        }
        int minimum = ctx.regeling.thresholds().onderwijsassistentMinimumMboLevel();
        for (Activity a : BudgetGroups.nonNull(ctx.aanvraag.activities())) {
            if (a.onderdeel() == null || !OJK.equals(a.onderdeel().strip()) || !Boolean.TRUE.equals(a.onderwijsassistent())) {
                continue;
            }
            String field = FormFields.activity(a.number(), FormFields.C_DIPLOMA);
            String diploma = a.onderwijsassistentDiploma();
            OptionalInt level = DiplomaLevel.of(diploma);
            if (level.isEmpty()) {
                ctx.finding(OJK_DIPLOMA_ONBEKEND).activity(a).field(field)
                        .message(ActivityTexts.activityAtStart(a) + " zet een onderwijsassistent in, maar het diploma is "
                                + (Texts.blank(diploma) ? "niet vermeld" : Texts.quote(diploma) + " is niet te beoordelen")
                                + "; art. 9, derde lid vereist ten minste een vakopleiding op mbo-niveau " + minimum + ".")
                        .input("Onderwijsassistent (" + FormFields.activity(a.number(), FormFields.C_ONDERWIJSASSISTENT) + ")", "ja")
                        .input("Diploma (" + field + ")", Texts.orEmpty(diploma))
                        .outcome("diploma niet te beoordelen")
                        .add();
            } else if (level.getAsInt() < minimum) {
                ctx.refuseActivity(a, ctx.finding(OJK_DIPLOMA_TE_LAAG).activity(a).field(field)
                        .message(ActivityTexts.activityAtStart(a) + ": de onderwijsassistent heeft diploma " + Texts.quote(diploma) + " ("
                                + DiplomaLevel.describe(level.getAsInt()) + "); vereist is ten minste een vakopleiding op mbo-niveau "
                                + minimum + " (art. 9, derde lid).")
                        .input("Onderwijsassistent (" + FormFields.activity(a.number(), FormFields.C_ONDERWIJSASSISTENT) + ")", "ja")
                        .input("Diploma (" + field + ")", diploma)
                        .input("Minimum (art. 9, derde lid)", "mbo-niveau " + minimum)
                        .input("Begroting van de activiteit", Money.format(CheckContext.activityTotal(a)))
                        .step(DiplomaLevel.describe(level.getAsInt()) + " < mbo-niveau " + minimum));
            }
        }
    }
}
