package nl.kansrijkewijk.check;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import nl.kansrijkewijk.aanvraag.Activity;
import nl.kansrijkewijk.aanvraag.BudgetGroups;
import nl.kansrijkewijk.aanvraag.BudgetLine;
import nl.kansrijkewijk.finding.Texts;
import nl.kansrijkewijk.form.FormFields;
import nl.kansrijkewijk.money.Money;

/** The form against itself (art. 10, tweede lid): row totals, and activities against section B. */
final class ConsistencyRules implements RuleSet {
    static final String BEGROTING_TOTAAL = "BEGROTING-TOTAAL";
    static final String ACTIVITEITEN_SOM = "ACTIVITEITEN-SOM";

    @Override
    public List<String> ruleIds() {
        return List.of(BEGROTING_TOTAAL, ACTIVITEITEN_SOM);
    }

    @Override
    public void apply(Phase phase, CheckContext ctx) {
        if (phase != Phase.AMOUNT) {
            return;
        }
        for (BudgetLine l : BudgetGroups.nonNull(ctx.aanvraag.budget())) {
            rowTotal(ctx, l);
        }
        for (BudgetGroups.Group g : ctx.groups.groups()) {
            activitiesSum(ctx, g);
        }
    }

    private void rowTotal(CheckContext ctx, BudgetLine l) {
        if (l.statedTotal() == null) {
            return;
        }
        BigDecimal sum = BudgetGroups.sumOf(l.perYear());
        BigDecimal typed = Money.scale(l.statedTotal());
        if (typed.compareTo(sum) == 0) {
            return;
        }
        String field = l.fieldPrefix() + ".totaal";
        String label = l.onderdeel() == null ? "" : ctx.onderdeelName(l.onderdeel())
                + (l.focusgebied() == null || !ctx.groups.splits(l.onderdeel()) ? "" : " (" + l.focusgebied() + ")");
        List<String> years = new ArrayList<>();
        java.util.Map<Integer, BigDecimal> perYear = l.perYear() == null ? java.util.Map.of() : l.perYear();
        perYear.forEach((y, v) -> years.add(Money.format(v)));
        String yearsSum = (years.isEmpty() ? Money.format(Money.ZERO) : String.join(" + ", years)) + " = " + Money.format(sum);
        CheckContext.Draft d = ctx.finding(BEGROTING_TOTAAL).field(field)
                .message("In onderdeel B is voor " + label + " als totaal " + Money.format(typed) + " ingevuld, maar de jaren tellen op tot "
                        + Money.format(sum) + " (verschil " + Money.format(typed.subtract(sum).abs()) + "). Gerekend is met de som van de jaren.")
                .input("Totaal ingevuld (" + field + ")", Money.format(typed));
        perYear.forEach((y, v) -> d.input("Gevraagd " + y + " (" + l.fieldPrefix() + "." + y + ")", Money.format(v)));
        d.step(yearsSum).step(Money.format(typed) + " ≠ " + Money.format(sum)).outcome("gerekend met " + Money.format(sum));
        if (l.onderdeel() != null) {
            d.onderdeel(l.onderdeel());
            if (ctx.groups.splits(l.onderdeel())) {
                d.focusgebied(l.focusgebied());
            }
        }
        d.add();
    }

    private void activitiesSum(CheckContext ctx, BudgetGroups.Group g) {
        SortedMap<Integer, BigDecimal> activityYears = new TreeMap<>();
        for (Activity a : g.activities()) {
            if (a.budget() != null) {
                a.budget().forEach((y, v) -> {
                    if (v != null) {
                        activityYears.merge(y, v, BigDecimal::add);
                    }
                });
            }
        }
        activityYears.replaceAll((y, v) -> Money.scale(v));
        BigDecimal activityTotal = Money.sum(activityYears.values());
        TreeSet<Integer> years = new TreeSet<>(activityYears.keySet());
        years.addAll(g.requestedPerYear().keySet());
        List<String> differences = new ArrayList<>();
        Integer firstDifferent = null;
        for (int y : years) {
            BigDecimal act = activityYears.getOrDefault(y, Money.ZERO);
            BigDecimal req = g.requestedPerYear().getOrDefault(y, Money.ZERO);
            if (act.compareTo(req) != 0) {
                differences.add(y + ": activiteiten " + Money.format(act) + " tegen onderdeel B " + Money.format(req));
                if (firstDifferent == null) {
                    firstDifferent = y;
                }
            }
        }
        if (differences.isEmpty() && activityTotal.compareTo(g.requested()) == 0) {
            return;
        }
        String label = ctx.groups.label(g.key());
        List<String> numbers = g.activities().stream().map(a -> String.valueOf(a.number())).toList();
        String message;
        if (g.activities().isEmpty()) {
            message = "Voor " + label + " wordt in onderdeel B " + Money.format(g.requested())
                    + " gevraagd, maar geen activiteit in onderdeel C hoort bij dit onderdeel. Gerekend is met onderdeel B.";
        } else if (g.requested().signum() == 0 && g.lines().stream().allMatch(l -> BudgetGroups.sumOf(l.perYear()).signum() == 0)) {
            message = "De activiteiten voor " + label + " (" + activitiesText(numbers) + ") begroten samen " + Money.format(activityTotal)
                    + ", maar onderdeel B vraagt voor dit onderdeel niets. Alleen onderdeel B telt voor de uitkering.";
        } else {
            message = "Voor " + label + " tellen de begrotingen van de activiteiten (" + activitiesText(numbers) + ") op tot "
                    + Money.format(activityTotal) + ", terwijl onderdeel B " + Money.format(g.requested()) + " vraagt ("
                    + String.join("; ", differences) + "). Gerekend is met onderdeel B.";
        }
        String field = g.lines().isEmpty()
                ? FormFields.activityBudget(g.activities().get(0).number(), firstDifferent == null ? years.first() : firstDifferent)
                : firstDifferent == null ? MaximumRules.totalField(g) : MaximumRules.yearField(g, firstDifferent);
        CheckContext.Draft d = ctx.finding(ACTIVITEITEN_SOM).group(g.key()).field(field).message(message);
        MaximumRules.requestedInputs(d, g);
        d.input("Activiteiten", g.activities().isEmpty() ? "(geen)" : activitiesText(numbers))
                .input("Begroting activiteiten per jaar", MaximumRules.installmentsText(activityYears))
                .step("activiteiten: " + Money.format(activityTotal) + "; onderdeel B: " + Money.format(g.requested()));
        differences.forEach(x -> d.step("verschil " + x));
        d.outcome("gerekend met onderdeel B").add();
    }

    private static String activitiesText(List<String> numbers) {
        return (numbers.size() == 1 ? "activiteit " : "activiteiten ") + Texts.join(numbers);
    }
}
