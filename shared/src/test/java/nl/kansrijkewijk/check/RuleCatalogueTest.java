package nl.kansrijkewijk.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import nl.kansrijkewijk.aanvraag.Aanvraag;
import nl.kansrijkewijk.finding.Finding;
import nl.kansrijkewijk.finding.RuleCatalogue;
import nl.kansrijkewijk.finding.RuleDefinition;
import nl.kansrijkewijk.finding.Severity;
import org.junit.jupiter.api.Test;

class RuleCatalogueTest {
    private final RuleCatalogue catalogue = RuleCatalogue.standard();

    @Test
    void everyIdTheCheckerCanEmitIsInTheCatalogueAndEveryCatalogueIdIsEmittedBySomeRuleSet() {
        Set<String> declared = new TreeSet<>(AanvraagChecker.ruleIds());
        // LEES-* are the readers' findings, BEOORDELING-* and VERLENING-* the dossier's (DossierRulesTest), VJ-* the
        // verantwoording's (VerantwoordingRulesTest); the rest belongs to a rule set here.
        Set<String> catalogued = catalogue.all().stream().map(RuleDefinition::id)
                .filter(id -> !id.startsWith("LEES-") && !id.startsWith("BEOORDELING-") && !id.startsWith("VERLENING-")
                        && !id.startsWith("VJ-")).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(catalogued, declared);
    }

    @Test
    void noRuleIdIsDeclaredByTwoRuleSets() {
        int total = AanvraagChecker.RULE_SETS.stream().mapToInt(r -> r.ruleIds().size()).sum();
        assertEquals(total, AanvraagChecker.ruleIds().size());
    }

    @Test
    void theScenarioCorpusMakesEveryDeclaredRuleFireWithTheCatalogueSeverity() {
        Set<String> fired = new TreeSet<>();
        List<List<Finding>> runs = new java.util.ArrayList<>();
        Scenarios.faulty().forEach(a -> runs.add(Checks.check(a)));
        // a backdated form: typed in the window, received after it (the pipeline's receipt date)
        runs.add(Checks.CHECKER.check(Scenarios.rotterdamAtMaximum().date(2023, 9, 29).build(), Checks.TRANCHE_1,
                java.time.LocalDate.of(2023, 10, 2)));
        for (List<Finding> run : runs) {
            for (Finding f : run) {
                fired.add(f.rule());
                assertEquals(catalogue.severity(f.rule()), f.severity(), f.rule());
                assertTrue(AanvraagChecker.ruleIds().contains(f.rule()), f.rule());
            }
        }
        assertEquals(new TreeSet<>(AanvraagChecker.ruleIds()), fired, "rules never fired by the scenarios");
    }

    @Test
    void catalogueEntriesAreCompleteAndLookupsWork() {
        assertEquals(Severity.AFWIJZING, catalogue.severity("MAXIMUM-OVERSCHREDEN"));
        assertEquals(Severity.INFO, catalogue.severity("BIJLAGE-AFRONDING"));
        assertEquals("art. 8, derde lid", catalogue.get("SEO-GEMEENTE").article());
        assertTrue(catalogue.find("BESTAAT-NIET").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> catalogue.get("BESTAAT-NIET"));
        catalogue.all().forEach(r -> assertTrue(!r.summary().isBlank() && !r.article().isBlank(), r.id()));
    }

    @Test
    void aCatalogueMissingAnIdTheCodeEmitsIsRejectedWhenTheCheckerIsBuilt() throws Exception {
        String yaml = "rules:\n  - {id: GEMEENTE-ONBEKEND, article: \"art. 1\", severity: afwijzing, summary: x}\n";
        RuleCatalogue small = RuleCatalogue.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
        assertThrows(IllegalArgumentException.class, () -> new AanvraagChecker(small));
    }

    @Test
    void duplicateIdsInTheCatalogueAreRejected() {
        String yaml = "rules:\n  - {id: A, article: x, severity: info, summary: x}\n  - {id: A, article: y, severity: info, summary: y}\n";
        assertThrows(IllegalArgumentException.class,
                () -> RuleCatalogue.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void findingsCiteTheCatalogueArticleOrAMoreSpecificOneOfTheSameKind() {
        for (Aanvraag a : Scenarios.faulty()) {
            for (Finding f : Checks.check(a)) {
                assertTrue(f.article() != null && (f.article().startsWith("art.") || f.article().startsWith("Toelichting")),
                        f.rule() + ": " + f.article());
            }
        }
        List<Finding> chaos = Checks.check(Scenarios.amsterdamChaos());
        assertEquals(Set.of("art. 2, tweede lid, onder a", "art. 2, tweede lid, onder b", "art. 2, vierde lid", "Toelichting 1.11"),
                Checks.of(chaos, "VERKLARING-ONTBREEKT").stream().map(Finding::article).collect(Collectors.toSet()));
    }

    @Test
    void docsRulesMdListsEveryCatalogueEntryWithItsArticleAndSeverity() throws Exception {
        java.nio.file.Path doc = java.nio.file.Path.of("..", "docs", "rules.md");
        List<String> lines = java.nio.file.Files.readAllLines(doc);
        for (RuleDefinition r : catalogue.all()) {
            String row = "| `" + r.id() + "` | " + r.article() + " | " + r.severity().label() + " |";
            assertTrue(lines.stream().anyMatch(l -> l.startsWith(row)), "docs/rules.md lacks or misstates: " + row);
        }
        long rows = lines.stream().filter(l -> l.startsWith("| `")).count();
        assertEquals(catalogue.all().size(), rows, "docs/rules.md has rows for ids not in the catalogue");
    }
}
