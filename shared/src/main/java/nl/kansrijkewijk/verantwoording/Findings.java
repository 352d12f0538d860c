package nl.kansrijkewijk.verantwoording;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import nl.kansrijkewijk.finding.Finding;
import nl.kansrijkewijk.finding.Location;
import nl.kansrijkewijk.finding.RuleCatalogue;
import nl.kansrijkewijk.finding.RuleDefinition;
import nl.kansrijkewijk.finding.Trail;

/** Collects VJ-* findings with the catalogue's article and severity; an id not declared here is a programming error. */
final class Findings {
    /** Every id the verantwoording code emits (VerantwoordingRulesTest checks it against rules.yaml both ways). */
    static final Set<String> RULE_IDS = Set.of(
            "VJ-LEES-WAARDE", "VJ-ONDERDEEL-ZONDER-VERLENING", "VJ-REGEL-ONTBREEKT", "VJ-VORIG-JAAR-ONTBREEKT",
            "VJ-RESERVE-MAXIMUM", "VJ-RESERVE-DOORGESCHOVEN", "VJ-RESERVE-VERSCHOVEN", "VJ-RESERVE-AANSLUITING",
            "VJ-NIET-GERESERVEERD", "VJ-BESTEDING-BOVEN-BESCHIKBAAR", "VJ-CUMULATIEF", "VJ-CORRECTIE-VORIG-JAAR",
            "VJ-BESTEDINGSTERMIJN", "VJ-UITSTEL-VERZOEK", "VJ-EINDVERANTWOORDING", "VJ-TWEEDE-LEVERING",
            "VJ-CORRECTIE-LEVERING", "VJ-TE-LAAT-GELEVERD", "VJ-AMBTSHALVE", "VJ-VASTSTELLING-TERMIJN",
            "VJ-TERUGVORDERING-TERMIJN", "VJ-NIET-BESTEED", "VJ-BOVEN-VERLEEND");

    private final RuleCatalogue catalogue;
    private final List<Finding> list = new ArrayList<>();

    Findings(RuleCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    void add(String rule, String message, Location location, Trail trail, String onderdeel, String focusgebied,
            BigDecimal amount) {
        add(rule, null, message, location, trail, onderdeel, focusgebied, amount);
    }

    /** @param article a more specific citation than the catalogue's, or null for the catalogue's */
    void add(String rule, String article, String message, Location location, Trail trail, String onderdeel,
            String focusgebied, BigDecimal amount) {
        if (!RULE_IDS.contains(rule)) {
            throw new IllegalArgumentException("undeclared verantwoording rule " + rule);
        }
        RuleDefinition d = catalogue.get(rule);
        list.add(new Finding(rule, article == null ? d.article() : article, d.severity(), message, location, trail,
                onderdeel, focusgebied, null, amount));
    }

    void addAll(List<Finding> findings) {
        list.addAll(findings);
    }

    List<Finding> list() {
        return List.copyOf(list);
    }
}
