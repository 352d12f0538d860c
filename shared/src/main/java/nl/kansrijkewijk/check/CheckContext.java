package nl.kansrijkewijk.check;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.kansrijkewijk.aanvraag.Aanvraag;
import nl.kansrijkewijk.aanvraag.AanvraagKind;
import nl.kansrijkewijk.aanvraag.Activity;
import nl.kansrijkewijk.aanvraag.BudgetGroups;
import nl.kansrijkewijk.finding.Finding;
import nl.kansrijkewijk.finding.FindingDraft;
import nl.kansrijkewijk.finding.Location;
import nl.kansrijkewijk.finding.RuleCatalogue;
import nl.kansrijkewijk.finding.RuleDefinition;
import nl.kansrijkewijk.finding.Texts;
import nl.kansrijkewijk.money.Money;
import nl.kansrijkewijk.regeling.FocusgebiedNames;
import nl.kansrijkewijk.regeling.Regeling;
import nl.kansrijkewijk.regeling.Regeling.Gemeente;

/**
 * State of one check run: the aanvraag, the regeling version, the groups, and the refusals decided so far.
 * Refusal bookkeeping lives here so that no amount is refused twice (RULES-SEMANTICS: whole-aanvraag refusals,
 * onderdeel refusals, activity refusals in priority order, then the maximum).
 */
public final class CheckContext {
    /** Full-refusal activity rules in priority order: only the first that applies carries the amount. */
    static final List<String> ACTIVITY_REFUSAL_PRIORITY = List.of(
            "DUBBELE-FINANCIERING", "INT-ORGANISATIE", "INT-SEO-GEMEENTE",
            "SEO-ONDERWIJSTIJD", "SEO-SCHOOL-BUITEN-COALITIE", "OJK-DIPLOMA-TE-LAAG");

    final Aanvraag aanvraag;
    final Regeling regeling;
    final BudgetGroups groups;
    /** The date of receipt (Europe/Amsterdam) the pipeline knows, or null. */
    final java.time.LocalDate receivedOn;
    private final RuleCatalogue catalogue;
    private final List<Finding> findings = new ArrayList<>();
    private RuleSet current;

    private String wholeRefusalRule;
    /** The article of the first whole refusal, as later findings name it (never the rule id: messages reach letters). */
    private String wholeRefusalArticle;
    private final Map<String, String> onderdeelRefusalArticles = new HashMap<>();
    private final Map<String, String> onderdeelRefusalRules = new LinkedHashMap<>();
    private final List<ActivityRefusal> pendingActivityRefusals = new ArrayList<>();
    private final Map<BudgetGroups.Key, BigDecimal> notionalActivityRefusals = new LinkedHashMap<>();
    private boolean activityRefusalsResolved;

    CheckContext(Aanvraag aanvraag, Regeling regeling, RuleCatalogue catalogue, java.time.LocalDate receivedOn) {
        this.receivedOn = receivedOn;
        this.aanvraag = aanvraag;
        this.regeling = regeling;
        this.catalogue = catalogue;
        this.groups = BudgetGroups.of(aanvraag, regeling);
    }

    Optional<Gemeente> gemeente() {
        return groups.gemeente();
    }

    boolean gemeenteKnown() {
        return groups.gemeente().isPresent();
    }

    AanvraagKind kind() {
        // A form without a readable kind is read as a first aanvraag (art. 10, eerste lid).
        return aanvraag.kind() == null ? AanvraagKind.AANVRAAG : aanvraag.kind();
    }

    boolean wholeRefused() {
        return wholeRefusalRule != null;
    }

    String wholeRefusalRule() {
        return wholeRefusalRule;
    }

    boolean onderdeelRefused(String onderdeel) {
        return onderdeelRefusalRules.containsKey(onderdeel);
    }

    String onderdeelName(String code) {
        return regeling.onderdeel(code).map(Regeling.Onderdeel::name).orElse("onderdeel " + Texts.quote(code));
    }

    /** "de aanvraag" or "de wijziging". */
    String subject() {
        return kind() == AanvraagKind.WIJZIGING ? "de wijziging" : "de aanvraag";
    }

    /** Activity refusals (as if the aanvraag were not refused as a whole) of a group; for the maximum. */
    BigDecimal notionalActivityRefusals(BudgetGroups.Key key) {
        if (!activityRefusalsResolved) {
            throw new IllegalStateException("activity refusals are settled after the activity phase");
        }
        return notionalActivityRefusals.getOrDefault(key, Money.ZERO);
    }

    void runAs(RuleSet ruleSet, RuleSet.Phase phase) {
        current = ruleSet;
        try {
            ruleSet.apply(phase, this);
        } finally {
            current = null;
        }
    }

    /** Starts a finding for a rule the running rule set declares. */
    Draft finding(String rule) {
        if (current == null || !current.ruleIds().contains(rule)) {
            throw new IllegalStateException(rule + " is not declared by " + (current == null ? "any rule set" : current.getClass().getSimpleName()));
        }
        return new Draft(catalogue.get(rule));
    }

    /** Whole-aanvraag afwijzing: the first one carries the total requested; later ones say it is already refused. */
    void refuseWhole(Draft d) {
        BigDecimal total = groups.totalRequested();
        String subject = Texts.capitalise(subject());
        if (wholeRefusalRule == null && kind() == AanvraagKind.WIJZIGING) {
            // Art. 13(3)(b): a refused wijziging leaves the verleningsbeschikking as it is; only the change is refused.
            wholeRefusalRule = d.rule();
            wholeRefusalArticle = d.article();
            BigDecimal verleend = Money.sum(BudgetGroups.nonNull(aanvraag.budget()).stream()
                    .map(nl.kansrijkewijk.aanvraag.BudgetLine::granted).toList());
            BigDecimal change = total.subtract(verleend);
            // Not granted: per onderdeel (and focusgebied) the increase asked for; a decrease simply does not happen.
            BigDecimal increases = Money.ZERO;
            for (BudgetGroups.Group g : groups.groups()) {
                BigDecimal had = Money.sum(g.lines().stream().map(nl.kansrijkewijk.aanvraag.BudgetLine::granted).toList());
                BigDecimal up = g.requested().subtract(had);
                if (up.signum() > 0) {
                    increases = increases.add(up);
                    d.step(groups.label(g.key()) + ": " + Money.format(g.requested()) + " − " + Money.format(had)
                            + " = " + Money.format(up) + " verhoging, niet toegekend");
                }
            }
            d.message(d.message() + " De wijziging wordt afgewezen; de verleningsbeschikking blijft ongewijzigd (gevraagd "
                    + Money.format(total) + ", verleend " + Money.format(verleend) + ", gevraagde wijziging "
                    + (change.signum() < 0 ? "−" : "") + Money.format(change.abs()) + "; niet toegekend: "
                    + Money.format(increases) + ").");
            d.step("gevraagde wijziging: " + Money.format(total) + " − " + Money.format(verleend) + " (verleend) = "
                    + (change.signum() < 0 ? "−" : "") + Money.format(change.abs()));
            d.refused(increases.signum() > 0 ? increases : null);
            d.outcome("wijziging afgewezen; verleningsbeschikking ongewijzigd");
        } else if (wholeRefusalRule == null) {
            wholeRefusalRule = d.rule();
            wholeRefusalArticle = d.article();
            d.message(d.message() + " " + subject + " wordt in haar geheel afgewezen (aangevraagd: " + Money.format(total) + ").");
            d.step("af te wijzen: het totaal van onderdeel B, " + Money.format(total));
            d.refused(total.signum() > 0 ? total : null);
            d.outcome(subject() + " in haar geheel afgewezen");
        } else {
            d.message(d.message() + " " + subject + " is al in haar geheel afgewezen op grond van " + wholeRefusalArticle + ".");
            d.outcome(subject() + " in haar geheel afgewezen (bedrag al afgewezen op grond van " + wholeRefusalArticle + ")");
        }
        d.add();
    }

    /** An onderdeel refused as a whole (SEO-GEMEENTE, SEO-COALITIE-85). */
    void refuseOnderdeel(String onderdeel, Draft d, BigDecimal amount) {
        onderdeelRefusalRules.putIfAbsent(onderdeel, d.rule());
        onderdeelRefusalArticles.putIfAbsent(onderdeel, d.article());
        d.onderdeel(onderdeel);
        if (wholeRefused()) {
            d.message(d.message() + " Er wordt geen afzonderlijk bedrag afgewezen: " + subject()
                    + " is al in haar geheel afgewezen (" + wholeRefusalArticle + ").");
            d.outcome("geen afzonderlijk bedrag: " + subject() + " is in haar geheel afgewezen");
        } else {
            d.message(d.message() + " Het voor " + onderdeelName(onderdeel) + " gevraagde bedrag van "
                    + Money.format(amount) + " wordt afgewezen.");
            d.refused(amount.signum() > 0 ? amount : null);
            d.outcome("afgewezen: " + Money.format(amount) + " (" + onderdeelName(onderdeel) + " in zijn geheel)");
        }
        d.add();
    }

    /** A full refusal of an activity; settled with the others after the activity phase. */
    void refuseActivity(Activity a, Draft d) {
        pendingActivityRefusals.add(new ActivityRefusal(a, d));
    }

    private record ActivityRefusal(Activity activity, Draft draft) {}

    void resolveActivityRefusals() {
        Map<Integer, List<ActivityRefusal>> byActivity = new LinkedHashMap<>();
        pendingActivityRefusals.stream()
                .sorted(Comparator.comparingInt((ActivityRefusal r) -> r.activity().number()))
                .forEach(r -> byActivity.computeIfAbsent(r.activity().number(), n -> new ArrayList<>()).add(r));
        for (List<ActivityRefusal> refusals : byActivity.values()) {
            Activity a = refusals.get(0).activity();
            Optional<BudgetGroups.Key> key = groups.groupOf(a);
            BigDecimal total = activityTotal(a);
            String noAmount = noAmountReason(key);
            List<ActivityRefusal> full = refusals.stream()
                    .sorted(Comparator.comparingInt(r -> ACTIVITY_REFUSAL_PRIORITY.indexOf(r.draft().rule())))
                    .toList();
            BigDecimal notional = Money.ZERO;
            for (int i = 0; i < full.size(); i++) {
                Draft d = full.get(i).draft();
                if (i == 0) {
                    notional = total;
                    settle(d, a, total, noAmount, "het totaal van de begroting van de activiteit");
                } else {
                    String first = full.get(0).draft().article();
                    d.message(d.message() + " Het bedrag van de activiteit is al afgewezen op grond van " + first + ".");
                    d.outcome("geen afzonderlijk bedrag: al afgewezen op grond van " + first);
                    d.add();
                }
            }
            if (key.isPresent()) {
                notionalActivityRefusals.merge(key.get(), notionalFor(key.get(), notional), BigDecimal::add);
            }
        }
        activityRefusalsResolved = true;
    }

    private BigDecimal notionalFor(BudgetGroups.Key k, BigDecimal notional) {
        // Activities of an onderdeel that is refused as a whole take nothing off the (already refused) request.
        return onderdeelRefused(k.onderdeel()) ? Money.ZERO : notional;
    }

    private void settle(Draft d, Activity a, BigDecimal amount, String noAmount, String what) {
        if (noAmount != null) {
            d.message(d.message() + " Er wordt geen afzonderlijk bedrag afgewezen: " + noAmount + ".");
            d.outcome("geen afzonderlijk bedrag: " + noAmount);
        } else if (amount.signum() == 0) {
            d.message(d.message() + " De activiteit heeft geen begroot bedrag; er valt niets af te wijzen.");
            d.outcome("geen bedrag af te wijzen (begroting € 0)");
        } else {
            d.message(d.message() + " Afgewezen wordt " + Money.format(amount) + " (" + what + ").");
            d.refused(amount);
            d.outcome("afgewezen: " + Money.format(amount));
        }
        d.add();
    }

    private String noAmountReason(Optional<BudgetGroups.Key> key) {
        if (wholeRefused()) {
            return subject() + " is al in haar geheel afgewezen (" + wholeRefusalArticle + ")";
        }
        if (key.isEmpty()) {
            return "de activiteit is niet toe te rekenen aan een onderdeel"
                    + (gemeenteKnown() && gemeente().get().focusgebieden().size() > 1 ? " en focusgebied" : "")
                    + " uit onderdeel B; de beoordelaar stelt het af te wijzen bedrag vast";
        }
        String article = onderdeelRefusalArticles.get(key.get().onderdeel());
        if (article != null) {
            return onderdeelName(key.get().onderdeel()) + " is al in zijn geheel afgewezen (" + article + ")";
        }
        // Only section B is requested: refusing an activity's budget from a group that asks nothing would put an
        // amount in the finding that the besluit can never refuse.
        if (groups.group(key.get()).map(BudgetGroups.Group::requested).orElse(Money.ZERO).signum() == 0) {
            return "onderdeel B vraagt voor " + groups.label(key.get()) + " geen bedrag aan";
        }
        return null;
    }

    static BigDecimal activityTotal(Activity a) {
        return a.budget() == null ? Money.ZERO : Money.sum(a.budget().values());
    }

    List<Finding> findings() {
        return findings;
    }

    /** A finding of the aanvraag rules: knows the aanvraag's activities, budget groups and form fields. */
    final class Draft extends FindingDraft<Draft> {
        private String field;

        private Draft(RuleDefinition definition) {
            super(definition);
        }

        Draft field(String f) {
            this.field = f;
            return this;
        }

        Draft group(BudgetGroups.Key k) {
            return onderdeel(k.onderdeel()).focusgebied(k.focusgebied());
        }

        /** Ties the finding to an activity: its number, onderdeel and (group) focusgebied. */
        Draft activity(Activity a) {
            activityNumber(a.number());
            onderdeel(a.onderdeel() == null || a.onderdeel().isBlank() ? null : a.onderdeel().strip());
            Optional<BudgetGroups.Key> k = groups.groupOf(a);
            if (k.isPresent() && k.get().focusgebied() != null) {
                return focusgebied(k.get().focusgebied());
            }
            return focusgebied(gemeente().flatMap(g -> FocusgebiedNames.match(g, a.focusgebied())).orElse(null));
        }

        void add() {
            Location location = field == null
                    ? Location.document(aanvraag.source() == null ? null : aanvraag.source().document())
                    : aanvraag.source() == null ? Location.field(null, null, field) : aanvraag.source().location(field);
            findings.add(build(location));
        }
    }
}
