package nl.kansrijkewijk.check;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.kansrijkewijk.aanvraag.Activity;
import nl.kansrijkewijk.aanvraag.ActivityTexts;
import nl.kansrijkewijk.aanvraag.BudgetGroups;
import nl.kansrijkewijk.finding.Texts;
import nl.kansrijkewijk.form.FormFields;

/** Art. 6(2) and Toelichting art. 6: a veerkracht activity outside aspects a–g needs an onderbouwing. */
final class VeerkrachtRules implements RuleSet {
    static final String VEE_ASPECT = "VEE-ASPECT";
    static final String VEE = "VEE";

    @Override
    public List<String> ruleIds() {
        return List.of(VEE_ASPECT);
    }

    @Override
    public void apply(Phase phase, CheckContext ctx) {
        if (phase != Phase.ACTIVITY) {
            return;
        }
        Map<String, String> aspects = ctx.regeling.letteredList("art6lid2");
        for (Activity a : BudgetGroups.nonNull(ctx.aanvraag.activities())) {
            if (a.onderdeel() == null || !VEE.equals(a.onderdeel().strip()) || !Texts.blank(a.onderbouwing())) {
                continue;
            }
            String aspect = a.art6Aspect() == null ? "" : a.art6Aspect().strip().toLowerCase(Locale.ROOT);
            if (aspects.containsKey(aspect)) {
                continue;
            }
            String field = FormFields.activity(a.number(), FormFields.C_ART6);
            String what = aspect.isEmpty() ? "noemt geen aspect van art. 6, tweede lid"
                    : "valt volgens het formulier buiten de aspecten a tot en met g van art. 6, tweede lid (" + Texts.quote(a.art6Aspect()) + ")";
            ctx.finding(VEE_ASPECT).activity(a).field(field)
                    .message(ActivityTexts.activityAtStart(a) + " (" + ctx.onderdeelName(VEE) + ") " + what
                            + " en heeft geen onderbouwing; de Toelichting bij art. 6 vraagt dan een onderbouwing van de bijdrage "
                            + "aan veerkracht en weerbaarheid ten behoeve van sociale stabiliteit.")
                    .input("Aspect art. 6, tweede lid (" + field + ")", Texts.orEmpty(a.art6Aspect()))
                    .input("Onderbouwing (" + FormFields.activity(a.number(), FormFields.C_ONDERBOUWING) + ")", "(leeg)")
                    .input("Aspecten art. 6, tweede lid", String.join("; ", aspects.entrySet().stream()
                            .map(e -> e.getKey() + ". " + e.getValue()).toList()))
                    .outcome("onderbouwing nodig")
                    .add();
        }
    }
}
