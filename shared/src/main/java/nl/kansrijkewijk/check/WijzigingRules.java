package nl.kansrijkewijk.check;

import java.math.BigDecimal;
import java.util.List;
import nl.kansrijkewijk.aanvraag.AanvraagKind;
import nl.kansrijkewijk.aanvraag.Activity;
import nl.kansrijkewijk.aanvraag.BudgetGroups;
import nl.kansrijkewijk.aanvraag.BudgetLine;
import nl.kansrijkewijk.finding.Texts;
import nl.kansrijkewijk.form.FormFields;
import nl.kansrijkewijk.money.Money;

/** Art. 10, derde en vierde lid: a wijziging names its beschikking and changes enough to be allowed. */
final class WijzigingRules implements RuleSet {
    static final String WIJZIGING_KENMERK = "WIJZIGING-KENMERK";
    static final String WIJZIGING_OMVANG = "WIJZIGING-OMVANG";

    @Override
    public List<String> ruleIds() {
        return List.of(WIJZIGING_KENMERK, WIJZIGING_OMVANG);
    }

    @Override
    public void apply(Phase phase, CheckContext ctx) {
        if (phase != Phase.AANVRAAG || ctx.kind() != AanvraagKind.WIJZIGING) {
            return;
        }
        if (Texts.blank(ctx.aanvraag.verleningKenmerk())) {
            ctx.finding(WIJZIGING_KENMERK).field(FormFields.A_KENMERK)
                    .message("Bij een wijziging moet het kenmerk van de verleningsbeschikking worden vermeld; het veld is leeg.")
                    .input("Kenmerk verleningsbeschikking (" + FormFields.A_KENMERK + ")", "(leeg)")
                    .outcome("kenmerk ontbreekt")
                    .add();
        }
        omvang(ctx);
    }

    private void omvang(CheckContext ctx) {
        List<BudgetLine> rows = BudgetGroups.nonNull(ctx.aanvraag.budget());
        if (rows.stream().noneMatch(r -> r.granted() != null)) {
            return;
        }
        List<Activity> newActivities = BudgetGroups.nonNull(ctx.aanvraag.activities()).stream()
                .filter(a -> Boolean.TRUE.equals(a.newActivity())).toList();
        if (!newActivities.isEmpty()) {
            return;
        }
        BigDecimal threshold = ctx.regeling.thresholds().wijzigingMinimumPercent();
        CheckContext.Draft d = ctx.finding(WIJZIGING_OMVANG).field(FormFields.A_SOORT)
                .input("Drempel (art. 10, vierde lid, onder a)", Texts.percent(threshold) + " van het budget van een onderdeel")
                .input("Nieuwe activiteit (art. 10, vierde lid, onder b)", "geen activiteit met 'nieuwe activiteit: ja'");
        String largest = null;
        BigDecimal largestRatio = BigDecimal.valueOf(-1);
        for (BudgetLine r : rows) {
            BigDecimal verleend = r.granted() == null ? Money.ZERO : Money.scale(r.granted());
            BigDecimal gevraagd = BudgetGroups.sumOf(r.perYear());
            BigDecimal change = gevraagd.subtract(verleend).abs();
            String row = r.fieldPrefix() + " (" + ctx.onderdeelName(r.onderdeel()) + ")";
            d.input(row, "verleend " + (r.granted() == null ? "(leeg: € 0)" : Money.format(verleend))
                    + ", gevraagd " + Money.format(gevraagd));
            if (verleend.signum() == 0) {
                if (gevraagd.signum() > 0) {
                    return; // a new budget for a part that had none is a change of at least 25 %
                }
                d.step(row + ": verleend € 0, gevraagd € 0: geen wijziging");
                continue;
            }
            // Exact comparison: change × 100 ≥ threshold × verleend.
            if (change.multiply(BigDecimal.valueOf(100)).compareTo(threshold.multiply(verleend)) >= 0) {
                return;
            }
            BigDecimal ratio = Texts.ratio(change, verleend);
            d.step(row + ": |" + Money.format(gevraagd) + " − " + Money.format(verleend) + "| = " + Money.format(change)
                    + " = " + Texts.percent(ratio) + " van " + Money.format(verleend) + " < " + Texts.percent(threshold));
            if (ratio.compareTo(largestRatio) > 0) {
                largestRatio = ratio;
                largest = ctx.onderdeelName(r.onderdeel()) + (r.focusgebied() == null ? "" : " (" + r.focusgebied() + ")")
                        + ": verleend " + Money.format(verleend) + ", gevraagd " + Money.format(gevraagd)
                        + ", wijziging " + Texts.percent(ratio);
            }
        }
        d.message("Geen enkel onderdeel wijzigt met ten minste " + Texts.percent(threshold).replace(" %", " procent")
                + " van het verleende budget en de wijziging bevat geen nieuwe activiteit (art. 10, vierde lid)."
                + (largest == null ? "" : " Grootste wijziging: " + largest + "."));
        ctx.refuseWhole(d);
    }
}
