package nl.kansrijkewijk.check;

import java.util.List;

/**
 * The rules of one concept. A rule set declares every rule id it can emit (the catalogue test checks the
 * declarations against {@code rules.yaml} both ways; the context refuses an undeclared id at run time).
 */
public interface RuleSet {

    /**
     * Rules run phase by phase: whole-aanvraag rules first (they decide whether amounts are refused at all),
     * then onderdeel refusals, then activity rules (whose refusals are settled together, in priority order),
     * then the amount rules that build on all earlier refusals.
     */
    enum Phase {
        AANVRAAG,
        ONDERDEEL,
        ACTIVITY,
        AMOUNT
    }

    List<String> ruleIds();

    void apply(Phase phase, CheckContext ctx);
}
