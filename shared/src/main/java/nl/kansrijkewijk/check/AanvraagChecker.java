package nl.kansrijkewijk.check;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import nl.kansrijkewijk.aanvraag.Aanvraag;
import nl.kansrijkewijk.finding.Finding;
import nl.kansrijkewijk.finding.RuleCatalogue;
import nl.kansrijkewijk.regeling.Regeling;

/**
 * Checks an aanvraag against one version of the regeling (RULES-SEMANTICS.md). Reader findings (LEES-*) are
 * not produced here. The result is sorted by {@link FindingOrder}.
 */
public final class AanvraagChecker {
    static final List<RuleSet> RULE_SETS = List.of(
            new AanvragerRules(),
            new TermijnRules(),
            new WijzigingRules(),
            new DeclarationRules(),
            new SchoolEnOmgevingRules(),
            new ActivityRules(),
            new IntegraalRules(),
            new VeerkrachtRules(),
            new JongeKindRules(),
            new MaximumRules(),
            new ConsistencyRules());

    private final RuleCatalogue catalogue;

    public AanvraagChecker(RuleCatalogue catalogue) {
        for (String id : ruleIds()) {
            catalogue.get(id);
        }
        this.catalogue = catalogue;
    }

    /** Every rule id this checker can emit, in rule-set order. */
    public static Set<String> ruleIds() {
        Set<String> ids = new LinkedHashSet<>();
        RULE_SETS.forEach(r -> ids.addAll(r.ruleIds()));
        return ids;
    }

    public List<Finding> check(Aanvraag aanvraag, Regeling regeling) {
        return check(aanvraag, regeling, null);
    }

    /** @param receivedOn the date of receipt (Europe/Amsterdam), or null when unknown (the typed date is used) */
    public List<Finding> check(Aanvraag aanvraag, Regeling regeling, java.time.LocalDate receivedOn) {
        CheckContext ctx = new CheckContext(aanvraag, regeling, catalogue, receivedOn);
        for (RuleSet.Phase phase : RuleSet.Phase.values()) {
            for (RuleSet rules : RULE_SETS) {
                ctx.runAs(rules, phase);
            }
            if (phase == RuleSet.Phase.ACTIVITY) {
                ctx.resolveActivityRefusals();
            }
        }
        return FindingOrder.sorted(ctx.findings(), aanvraag, regeling);
    }
}
