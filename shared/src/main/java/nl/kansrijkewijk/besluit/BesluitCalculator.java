package nl.kansrijkewijk.besluit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import nl.kansrijkewijk.aanvraag.Aanvraag;
import nl.kansrijkewijk.aanvraag.AanvraagKind;
import nl.kansrijkewijk.check.BudgetGroups;
import nl.kansrijkewijk.check.Finding;
import nl.kansrijkewijk.check.FocusgebiedNames;
import nl.kansrijkewijk.check.Severity;
import nl.kansrijkewijk.check.Texts;
import nl.kansrijkewijk.check.Trail;
import nl.kansrijkewijk.kenmerk.Kenmerk;
import nl.kansrijkewijk.money.Money;
import nl.kansrijkewijk.regeling.Regeling;
import nl.kansrijkewijk.regeling.Regeling.Gemeente;
import nl.kansrijkewijk.regeling.Regeling.Period;

/**
 * The decision outline (RULES-SEMANTICS "Besluit arithmetic"): per group requested, refused (the findings'
 * refusedAmount), granted, btw component, payable and the yearly termijnen; the decision deadline, period and
 * kenmerk. The findings decide what is refused; this class only adds up.
 */
public final class BesluitCalculator {
    /** Whole-aanvraag refusals, in the order they are applied (the first decides the reason). */
    static final List<String> WHOLE_REFUSALS =
            List.of("GEMEENTE-ONBEKEND", "AANVRAAG-TERMIJN", "WIJZIGING-TERMIJN", "WIJZIGING-OMVANG");
    static final String MAXIMUM = "MAXIMUM-OVERSCHREDEN";

    public Besluit calculate(Aanvraag aanvraag, Regeling regeling, List<Finding> findings) {
        BudgetGroups groups = BudgetGroups.of(aanvraag, regeling);
        Optional<Gemeente> gemeente = groups.gemeente();
        Optional<Finding> whole = WHOLE_REFUSALS.stream()
                .flatMap(rule -> findings.stream().filter(f -> f.rule().equals(rule) && f.severity() == Severity.AFWIJZING))
                .findFirst();

        List<Besluit.OnderdeelBesluit> outline = new ArrayList<>();
        for (BudgetGroups.Group g : groups.groups()) {
            if (g.requested().signum() > 0) {
                outline.add(group(g, groups, regeling, findings, whole));
            }
        }

        BigDecimal requested = Money.sum(outline.stream().map(Besluit.OnderdeelBesluit::requested).toList());
        BigDecimal granted = Money.sum(outline.stream().map(Besluit.OnderdeelBesluit::granted).toList());
        BigDecimal btw = Money.sum(outline.stream().map(Besluit.OnderdeelBesluit::btwComponent).toList());
        BigDecimal payable = Money.sum(outline.stream().map(Besluit.OnderdeelBesluit::payable).toList());
        SortedMap<Integer, BigDecimal> payablePerYear = new TreeMap<>();
        outline.forEach(o -> o.payableInstallments().forEach((y, v) -> payablePerYear.merge(y, v, BigDecimal::add)));

        String code = gemeente.map(Gemeente::cbsCode).orElse(aanvraag.gemeentecode());
        return new Besluit(
                kenmerk(gemeente, aanvraag, regeling),
                regeling.id(),
                gemeente.map(Gemeente::name).orElse(aanvraag.gemeente()),
                code,
                focusgebieden(aanvraag, gemeente),
                aanvraag.kind() == null ? AanvraagKind.AANVRAAG : aanvraag.kind(),
                aanvraag.submissionDate(),
                decisionDeadline(aanvraag, regeling),
                LocalDate.of(regeling.years().get(0), 1, 1),
                regeling.deadlines().spendBy(),
                whole.map(f -> f.message() + " (" + f.article() + ")").orElse(null),
                List.copyOf(outline),
                requested,
                granted,
                Money.scale(requested.subtract(granted)),
                btw,
                payable,
                payablePerYear);
    }

    private Besluit.OnderdeelBesluit group(BudgetGroups.Group g, BudgetGroups groups, Regeling regeling,
                                           List<Finding> findings, Optional<Finding> whole) {
        Optional<Regeling.Onderdeel> onderdeel = regeling.onderdeel(g.onderdeel());
        BudgetGroups.Limit limit = g.limit();
        BigDecimal btwPercent = onderdeel.map(Regeling.Onderdeel::btwPercent).orElse(null);
        btwPercent = btwPercent == null ? BigDecimal.ZERO : btwPercent;
        String label = groups.label(g.key());

        Trail.Builder t = Trail.builder();
        g.requestedPerYear().forEach((y, v) -> t.input("Gevraagd " + y, Money.format(v)));
        t.input("Gevraagd totaal", Money.format(g.requested()));
        if (groups.gemeente().isPresent()) {
            t.input("Maximum (" + onderdeel.map(Regeling.Onderdeel::maximumArticle).orElse("Bijlage") + ")",
                    limit == null ? "geen bedrag in de Bijlage (€ 0)" : Money.format(limit.maximum()));
        }
        if (limit != null) {
            t.input("Termijnen Bijlage", installmentsText(limit.installments()));
        }
        t.input("Btw-percentage (Toelichting art. 2)", Texts.percent(btwPercent));

        List<Besluit.Refusal> refusals = new ArrayList<>();
        BigDecimal refused = Money.ZERO;
        if (whole.isPresent()) {
            Finding w = whole.get();
            refusals.add(new Besluit.Refusal(g.requested(), w.message(), w.article(), w.rule(), null));
            refused = g.requested();
            t.step("de aanvraag is in haar geheel afgewezen (" + w.rule() + "): " + Money.format(g.requested()) + " afgewezen");
        } else {
            List<Finding> own = findings.stream().filter(f -> belongsTo(f, g))
                    .sorted(Comparator.comparingInt(BesluitCalculator::refusalOrder)
                            .thenComparingInt(f -> f.activity() == null ? 0 : f.activity()))
                    .toList();
            for (Finding f : own) {
                BigDecimal room = g.requested().subtract(refused);
                BigDecimal amount = f.refusedAmount().min(room);
                if (amount.signum() <= 0) {
                    t.step(f.rule() + (f.activity() == null ? "" : " (activiteit " + f.activity() + ")") + ": "
                            + Money.format(f.refusedAmount()) + ", maar er resteert niets meer om af te wijzen");
                    continue;
                }
                refusals.add(new Besluit.Refusal(amount, f.message(), f.article(), f.rule(), f.activity()));
                refused = refused.add(amount);
                t.step("− " + Money.format(amount) + " afgewezen (" + f.rule() + (f.activity() == null ? "" : ", activiteit " + f.activity())
                        + (amount.compareTo(f.refusedAmount()) < 0 ? "; begrensd op wat resteert van " + Money.format(f.refusedAmount()) : "")
                        + ")");
            }
        }
        refused = Money.scale(refused);
        BigDecimal granted = Money.scale(g.requested().subtract(refused).max(Money.ZERO));
        t.step(Money.format(g.requested()) + " − " + Money.format(refused) + " = " + Money.format(granted) + " te verlenen");
        BigDecimal btw = Money.percent(granted, btwPercent);
        BigDecimal payable = granted.subtract(btw);
        t.step("btw-component: " + Texts.percent(btwPercent) + " van " + Money.format(granted) + " = " + Money.format(btw));
        t.step("uit te betalen: " + Money.format(granted) + " − " + Money.format(btw) + " = " + Money.format(payable));

        SortedMap<Integer, BigDecimal> weights = limit != null && !limit.installments().isEmpty()
                ? limit.installments() : g.requestedPerYear();
        List<String> steps = new ArrayList<>();
        SortedMap<Integer, BigDecimal> installments =
                Installments.spread(granted, weights, limit == null ? null : limit.stated(), steps);
        steps.forEach(t::step);
        SortedMap<Integer, BigDecimal> payableInstallments = Installments.lessBtw(installments, btwPercent, payable);
        t.step("termijnen exclusief btw: " + installmentsText(payableInstallments));

        return new Besluit.OnderdeelBesluit(
                g.onderdeel(),
                onderdeel.map(Regeling.Onderdeel::name).orElse(g.onderdeel()),
                onderdeel.map(Regeling.Onderdeel::legalBasis).orElse(null),
                onderdeel.map(Regeling.Onderdeel::maximumArticle).orElse(null),
                g.focusgebied(),
                new TreeMap<>(g.requestedPerYear()),
                g.requested(),
                groups.gemeente().isEmpty() ? null : limit == null ? Money.ZERO : limit.maximum(),
                granted,
                refused,
                List.copyOf(refusals),
                btwPercent,
                btw,
                payable,
                installments,
                payableInstallments,
                t.outcome(label + ": verleend " + Money.format(granted) + ", afgewezen " + Money.format(refused)
                        + ", uit te betalen " + Money.format(payable)));
    }

    /** The order the refusals were decided in: activities, then the onderdeel as a whole, then the excess over the maximum. */
    private static int refusalOrder(Finding f) {
        if (MAXIMUM.equals(f.rule())) {
            return 2;
        }
        return f.activity() == null ? 1 : 0;
    }

    /** A finding refuses part of this group when it carries an amount and names the group's onderdeel (and focusgebied). */
    private static boolean belongsTo(Finding f, BudgetGroups.Group g) {
        return f.refusedAmount() != null
                && f.refusedAmount().signum() > 0
                && !WHOLE_REFUSALS.contains(f.rule())
                && g.onderdeel().equals(f.onderdeel())
                && (g.focusgebied() == null || g.focusgebied().equals(f.focusgebied()));
    }

    /**
     * Art. 13, eerste lid: twelve weeks after the end of the aanvraag period; for a wijziging (Toelichting art. 13)
     * after the end of the wijziging period it falls in; outside every period, twelve weeks after submission.
     */
    static LocalDate decisionDeadline(Aanvraag aanvraag, Regeling regeling) {
        Regeling.Deadlines d = regeling.deadlines();
        int weeks = d.decisionWithinWeeks();
        LocalDate date = aanvraag.submissionDate();
        boolean wijziging = aanvraag.kind() == AanvraagKind.WIJZIGING;
        if (date == null) {
            return wijziging ? null : d.aanvraagWindow().through().plusWeeks(weeks);
        }
        List<Period> windows = wijziging ? d.wijzigingWindows() : List.of(d.aanvraagWindow());
        return windows.stream().filter(w -> w.contains(date)).findFirst()
                .map(w -> w.through().plusWeeks(weeks))
                .orElse(date.plusWeeks(weeks));
    }

    /** The focusgebieden filled in section A, blanks left out, canonical names where they match the gemeente's. */
    private static List<String> focusgebieden(Aanvraag aanvraag, Optional<Gemeente> gemeente) {
        if (aanvraag.focusgebieden() == null) {
            return List.of();
        }
        return aanvraag.focusgebieden().stream()
                .filter(f -> f != null && !f.isBlank())
                .map(f -> gemeente.flatMap(g -> FocusgebiedNames.match(g, f)).orElse(f.strip()))
                .toList();
    }

    /**
     * The case kenmerk ({@link Kenmerk}): it identifies the aanvraag, not the upload's bytes, so the same aanvraag
     * as fillable PDF, printed PDF or XLSX gets the same kenmerk. A wijziging is keyed by its window; until the
     * receipt date reaches the model, the typed submission date stands in for it.
     */
    static String kenmerk(Optional<Gemeente> gemeente, Aanvraag aanvraag, Regeling regeling) {
        String code = gemeente.map(Gemeente::cbsCode).orElse(aanvraag.gemeentecode());
        if (aanvraag.kind() == AanvraagKind.WIJZIGING) {
            return aanvraag.submissionDate() == null
                    ? Kenmerk.dossier(regeling, code) + "-W"
                    : Kenmerk.wijziging(regeling, code, aanvraag.submissionDate());
        }
        return Kenmerk.verlening(regeling, code);
    }

    private static String installmentsText(SortedMap<Integer, BigDecimal> m) {
        List<String> parts = new ArrayList<>();
        m.forEach((y, v) -> parts.add(y + ": " + Money.format(v)));
        return parts.isEmpty() ? "(geen)" : String.join("; ", parts);
    }

}
