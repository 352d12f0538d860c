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
import nl.kansrijkewijk.aanvraag.BudgetGroups;
import nl.kansrijkewijk.finding.Finding;
import nl.kansrijkewijk.finding.Severity;
import nl.kansrijkewijk.finding.Texts;
import nl.kansrijkewijk.finding.Trail;
import nl.kansrijkewijk.kenmerk.Kenmerk;
import nl.kansrijkewijk.money.DutchDates;
import nl.kansrijkewijk.money.Money;
import nl.kansrijkewijk.regeling.FocusgebiedNames;
import nl.kansrijkewijk.regeling.Regeling;
import nl.kansrijkewijk.regeling.Regeling.Gemeente;

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
        return calculate(aanvraag, regeling, findings, null, null);
    }

    /**
     * @param receivedOn the date of receipt (Europe/Amsterdam), or null to use the date typed on the form
     * @param previous   for a wijziging: the verlening it changes; null builds it from the form's "verleend" column
     */
    public Besluit calculate(Aanvraag aanvraag, Regeling regeling, List<Finding> findings, LocalDate receivedOn,
                             PreviousVerlening previous) {
        BudgetGroups groups = BudgetGroups.of(aanvraag, regeling);
        Optional<Gemeente> gemeente = groups.gemeente();
        Optional<Finding> whole = WHOLE_REFUSALS.stream()
                .flatMap(rule -> findings.stream().filter(f -> f.rule().equals(rule) && f.severity() == Severity.AFWIJZING))
                .findFirst();
        AanvraagKind kind = aanvraag.kind() == null ? AanvraagKind.AANVRAAG : aanvraag.kind();
        LocalDate timeliness = receivedOn != null ? receivedOn : aanvraag.submissionDate();
        boolean wijziging = kind == AanvraagKind.WIJZIGING;
        PreviousVerlening prev = !wijziging ? null
                : previous != null ? previous : PreviousVerlening.fromForm(aanvraag, regeling, timeliness);

        List<Besluit.OnderdeelBesluit> outline = new ArrayList<>();
        for (BudgetGroups.Group g : groups.groups()) {
            Optional<PreviousVerlening.Part> part = prev == null ? Optional.empty() : prev.part(g.key());
            boolean hadAmount = part.map(p -> p.grantedInclBtw().signum() > 0).orElse(false);
            if (g.requested().signum() > 0 || hadAmount) {
                outline.add(group(g, groups, regeling, findings, whole, prev));
            }
        }

        BigDecimal requested = sum(outline, Besluit.OnderdeelBesluit::requested);
        BigDecimal refused = sum(outline, Besluit.OnderdeelBesluit::refused);
        BigDecimal grantedInclBtw = sum(outline, Besluit.OnderdeelBesluit::grantedInclBtw);
        BigDecimal btw = sum(outline, Besluit.OnderdeelBesluit::btwComponent);
        BigDecimal granted = sum(outline, Besluit.OnderdeelBesluit::granted);
        BigDecimal voorschot = sum(outline, Besluit.OnderdeelBesluit::voorschot);
        SortedMap<Integer, BigDecimal> perYear = new TreeMap<>();
        outline.forEach(o -> o.installments().forEach((y, v) -> perYear.merge(y, v, BigDecimal::add)));

        String code = gemeente.map(Gemeente::cbsCode).orElse(aanvraag.gemeentecode());
        Deadline deadline = decisionDeadline(kind, timeliness, regeling);
        return new Besluit(
                kenmerk(gemeente, aanvraag, regeling, timeliness),
                regeling.id(),
                gemeente.map(Gemeente::name).orElse(aanvraag.gemeente()),
                code,
                focusgebieden(aanvraag, gemeente),
                kind,
                aanvraag.submissionDate(),
                receivedOn,
                timeliness,
                receivedOn != null ? "datum van ontvangst"
                        : timeliness != null ? "ingevulde datum van indiening (datum van ontvangst onbekend)" : "geen datum bekend",
                deadline.date(),
                deadline.basis(),
                LocalDate.of(regeling.years().get(0), 1, 1),
                regeling.deadlines().spendBy(),
                whole.map(f -> f.message() + " (" + f.article() + ")").orElse(null),
                List.copyOf(outline),
                requested,
                refused,
                grantedInclBtw,
                btw,
                granted,
                voorschot,
                perYear,
                wijziging ? wijzigingTotals(prev, outline, whole.isPresent(), requested) : null);
    }

    private static Besluit.WijzigingBesluit wijzigingTotals(PreviousVerlening prev, List<Besluit.OnderdeelBesluit> outline,
                                                            boolean refused, BigDecimal requested) {
        List<Besluit.WijzigingRegel> rows = outline.stream().map(Besluit.OnderdeelBesluit::wijziging).toList();
        BigDecimal previousInclBtw = Money.sum(rows.stream().map(Besluit.WijzigingRegel::previousGrantedInclBtw).toList());
        return new Besluit.WijzigingBesluit(
                refused,
                prev.kenmerk(),
                prev.source(),
                prev.paidThrough(),
                Money.sum(rows.stream().map(Besluit.WijzigingRegel::previousGranted).toList()),
                Money.sum(rows.stream().map(Besluit.WijzigingRegel::alreadyPaidTotal).toList()),
                Money.sum(rows.stream().map(Besluit.WijzigingRegel::newlyGranted).toList()),
                Money.sum(rows.stream().map(Besluit.WijzigingRegel::stillToPay).toList()),
                Money.sum(rows.stream().map(Besluit.WijzigingRegel::toSettle).toList()),
                Money.scale(requested.subtract(previousInclBtw)));
    }

    private static BigDecimal sum(List<Besluit.OnderdeelBesluit> outline,
                                  java.util.function.Function<Besluit.OnderdeelBesluit, BigDecimal> f) {
        return Money.sum(outline.stream().map(f).toList());
    }

    /** Toelichting art. 2: the btw estimate of an onderdeel (0 % when the data gives none). */
    static BigDecimal btwPercent(Regeling regeling, String onderdeel) {
        BigDecimal p = regeling.onderdeel(onderdeel).map(Regeling.Onderdeel::btwPercent).orElse(null);
        return p == null ? BigDecimal.ZERO : p;
    }

    private Besluit.OnderdeelBesluit group(BudgetGroups.Group g, BudgetGroups groups, Regeling regeling,
                                           List<Finding> findings, Optional<Finding> whole, PreviousVerlening prev) {
        Optional<Regeling.Onderdeel> onderdeel = regeling.onderdeel(g.onderdeel());
        BudgetGroups.Limit limit = g.limit();
        BigDecimal btwPercent = btwPercent(regeling, g.onderdeel());
        String label = groups.label(g.key());
        Optional<PreviousVerlening.Part> part = prev == null ? Optional.empty() : prev.part(g.key());
        BigDecimal previousInclBtw = part.map(PreviousVerlening.Part::grantedInclBtw).orElse(Money.ZERO);

        Trail.Builder t = Trail.builder();
        g.requestedPerYear().forEach((y, v) -> t.input("Gevraagd " + y, Money.format(v)));
        t.input("Gevraagd totaal (inclusief btw)", Money.format(g.requested()));
        if (groups.gemeente().isPresent()) {
            t.input("Maximum inclusief btw (" + onderdeel.map(Regeling.Onderdeel::maximumArticle).orElse("Bijlage") + ")",
                    limit == null ? "geen bedrag in de Bijlage (€ 0)" : Money.format(limit.maximum()));
        }
        if (limit != null) {
            t.input("Termijnen Bijlage", installmentsText(limit.installments()));
        }
        t.input("Btw-raming (toelichting bij artikel 2)", Texts.percent(btwPercent));
        if (prev != null) {
            t.input("Eerder verleend inclusief btw (" + prev.source() + ")",
                    part.isPresent() ? Money.format(previousInclBtw) : "geen bedrag vermeld (€ 0)");
        }

        List<Besluit.Refusal> refusals = new ArrayList<>();
        BigDecimal refused = Money.ZERO;
        BigDecimal grantedInclBtw;
        boolean wijzigingRefused = prev != null && whole.isPresent();
        if (wijzigingRefused) {
            // Art. 13(3)(b) with art. 10(3): a refused wijziging leaves the verleningsbeschikking as it is; only the
            // change is refused.
            Finding w = whole.get();
            BigDecimal change = g.requested().subtract(previousInclBtw);
            refused = Money.scale(change.max(Money.ZERO));
            grantedInclBtw = previousInclBtw;
            if (change.signum() != 0) {
                refusals.add(new Besluit.Refusal(refused, "De gevraagde wijziging van " + Money.format(previousInclBtw)
                        + " naar " + Money.format(g.requested()) + " (" + (change.signum() > 0 ? "verhoging" : "verlaging")
                        + " met " + Money.format(change.abs()) + ") wordt afgewezen: " + w.message()
                        + " De verleningsbeschikking blijft voor dit onderdeel ongewijzigd.", w.article(), w.rule(), null));
            }
            t.step("de wijziging is afgewezen (" + w.rule() + "): de verlening blijft " + Money.format(previousInclBtw)
                    + "; de gevraagde wijziging van " + (change.signum() < 0 ? "−" : "") + Money.format(change.abs())
                    + " wordt niet toegekend");
        } else {
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
            grantedInclBtw = Money.scale(g.requested().subtract(refused).max(Money.ZERO));
            t.step(Money.format(g.requested()) + " − " + Money.format(refused) + " = " + Money.format(grantedInclBtw)
                    + " toegekend inclusief btw (ten laste van het maximum)");
        }
        BigDecimal btw = Money.percent(grantedInclBtw, btwPercent);
        BigDecimal granted = grantedInclBtw.subtract(btw);
        t.step("btw-component naar het BTW-compensatiefonds: " + Texts.percent(btwPercent) + " van "
                + Money.format(grantedInclBtw) + " = " + Money.format(btw));
        t.step("verleend exclusief btw: " + Money.format(grantedInclBtw) + " − " + Money.format(btw) + " = "
                + Money.format(granted) + "; voorschot 100 % = " + Money.format(granted));

        SortedMap<Integer, BigDecimal> weights = limit != null && !limit.installments().isEmpty()
                ? limit.installments() : g.requestedPerYear();
        List<String> steps = new ArrayList<>();
        SortedMap<Integer, BigDecimal> installmentsInclBtw =
                Installments.spread(grantedInclBtw, weights, limit == null || limit.split() ? null : limit.stated(), steps);
        steps.forEach(s -> t.step("inclusief btw per jaar: " + s));
        SortedMap<Integer, BigDecimal> installments = Installments.lessBtw(installmentsInclBtw, btwPercent, granted);

        Besluit.WijzigingRegel w = null;
        if (prev != null) {
            Change c = settle(regeling, g, prev, part, granted, installments, weights, wijzigingRefused, t);
            installments = c.installments();
            BigDecimal previousBtw = Money.percent(previousInclBtw, btwPercent);
            BigDecimal change = Money.scale(g.requested().subtract(previousInclBtw));
            BigDecimal threshold = regeling.thresholds().wijzigingMinimumPercent();
            BigDecimal pct = previousInclBtw.signum() == 0 ? null : Texts.ratio(change.abs(), previousInclBtw);
            boolean meets = previousInclBtw.signum() == 0 ? g.requested().signum() > 0
                    : change.abs().multiply(BigDecimal.valueOf(100)).compareTo(threshold.multiply(previousInclBtw)) >= 0;
            t.step("toets artikel 10, vierde lid, onder a: wijziging " + (change.signum() < 0 ? "−" : "") + Money.format(change.abs())
                    + (pct == null ? " op een eerder budget van € 0" : " = " + Texts.percent(pct) + " van " + Money.format(previousInclBtw))
                    + (meets ? " ≥ " : " < ") + Texts.percent(threshold));
            w = new Besluit.WijzigingRegel(part.isPresent(), previousInclBtw, previousInclBtw.subtract(previousBtw),
                    c.paid(), Money.sum(c.paid().values()), granted, c.stillToPay(), c.toSettle(), change, pct, meets);
        }
        t.step("voorschot per jaar (exclusief btw): " + installmentsText(installments));

        return new Besluit.OnderdeelBesluit(
                g.onderdeel(),
                onderdeel.map(Regeling.Onderdeel::name).orElse(g.onderdeel()),
                onderdeel.map(Regeling.Onderdeel::legalBasis).orElse(null),
                onderdeel.map(Regeling.Onderdeel::maximumArticle).orElse(null),
                g.focusgebied(),
                new TreeMap<>(g.requestedPerYear()),
                g.requested(),
                groups.gemeente().isEmpty() ? null : limit == null ? Money.ZERO : limit.maximum(),
                refused,
                List.copyOf(refusals),
                grantedInclBtw,
                btwPercent,
                btw,
                granted,
                granted,
                installmentsInclBtw,
                installments,
                w,
                t.outcome(label + ": toegekend inclusief btw " + Money.format(grantedInclBtw) + ", btw-component "
                        + Money.format(btw) + ", verleend exclusief btw " + Money.format(granted)
                        + ", afgewezen " + Money.format(refused)));
    }

    private record Change(SortedMap<Integer, BigDecimal> installments, SortedMap<Integer, BigDecimal> paid,
                          BigDecimal stillToPay, BigDecimal toSettle) {}

    /**
     * A wijziging changes the verlening, it does not replace it: termijnen already paid stay as paid; the difference
     * between the new amount and what was paid is spread over the termijnen not yet paid (in proportion to their
     * Bijlage termijnen). More paid than now granted is te verrekenen (at the vaststelling, art. 15); when every
     * termijn is paid, a rise is paid once after the beschikking, booked on the last year.
     */
    private static Change settle(Regeling regeling, BudgetGroups.Group g, PreviousVerlening prev,
                                 Optional<PreviousVerlening.Part> part, BigDecimal granted,
                                 SortedMap<Integer, BigDecimal> fresh, SortedMap<Integer, BigDecimal> weights,
                                 boolean refusedWijziging, Trail.Builder t) {
        SortedMap<Integer, BigDecimal> paid = new TreeMap<>(part.map(PreviousVerlening.Part::paid).orElse(new TreeMap<>()));
        BigDecimal paidTotal = Money.sum(paid.values());
        t.step("al betaald (betaalmomenten t/m " + DutchDates.format(prev.paidThrough()) + "): "
                + (paid.isEmpty() ? "niets" : installmentsText(paid) + " = " + Money.format(paidTotal)));
        if (refusedWijziging) {
            // The verlening stays: its own schedule, of which the paid part is paid.
            SortedMap<Integer, BigDecimal> schedule = part.isPresent()
                    ? PreviousVerlening.schedule(regeling, g, part.get().grantedInclBtw()) : new TreeMap<>();
            paid.forEach(schedule::put);
            BigDecimal rest = Money.scale(granted.subtract(paidTotal).max(Money.ZERO));
            return new Change(schedule, paid, rest, Money.ZERO);
        }
        if (paid.isEmpty() && part.isEmpty()) {
            return new Change(fresh, paid, granted, Money.ZERO);
        }
        SortedMap<Integer, BigDecimal> out = new TreeMap<>();
        java.util.Set<Integer> years = new java.util.TreeSet<>(fresh.keySet());
        years.addAll(paid.keySet());
        years.forEach(y -> out.put(y, paid.getOrDefault(y, Money.ZERO)));
        BigDecimal rest = Money.scale(granted.subtract(paidTotal));
        // the previous verlening's record of what was paid is authoritative; every other termijn is still open
        List<Integer> open = fresh.keySet().stream().filter(y -> !paid.containsKey(y)).toList();
        if (rest.signum() < 0) {
            open.forEach(y -> out.put(y, Money.ZERO));
            t.step("nieuw verleend " + Money.format(granted) + " − al betaald " + Money.format(paidTotal) + " = −"
                    + Money.format(rest.abs()) + ": te verrekenen (bij de vaststelling, artikel 15); de resterende termijnen vervallen");
            return new Change(out, paid, Money.ZERO, rest.abs());
        }
        if (open.isEmpty()) {
            if (!out.isEmpty() && rest.signum() > 0) {
                int last = ((java.util.TreeMap<Integer, BigDecimal>) out).lastKey();
                out.merge(last, rest, BigDecimal::add);
                t.step("alle termijnen zijn al betaald; het verschil " + Money.format(rest) + " wordt na de beschikking in één keer betaald (geboekt op " + last + ")");
            }
            return new Change(out, paid, rest, Money.ZERO);
        }
        SortedMap<Integer, BigDecimal> openWeights = new TreeMap<>();
        open.forEach(y -> openWeights.put(y, weights.getOrDefault(y, fresh.getOrDefault(y, Money.ZERO))));
        List<String> steps = new ArrayList<>();
        SortedMap<Integer, BigDecimal> spread = Installments.spread(rest, openWeights, null, steps);
        out.putAll(spread);
        t.step("nog te betalen: " + Money.format(granted) + " − " + Money.format(paidTotal) + " = " + Money.format(rest)
                + ", over de termijnen " + open + " naar verhouding van de Bijlage");
        steps.forEach(s -> t.step("nog te betalen per jaar: " + s));
        return new Change(out, paid, rest, Money.ZERO);
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

    /** The internal decision deadline and, in Dutch, how it follows from the regeling. */
    public record Deadline(LocalDate date, String basis) {}

    /**
     * Art. 13, eerste lid: twelve weeks after the end of the aanvraag period (30 September 2023 → 23 December 2023)
     * for every aanvraag, whatever its date. A wijziging: the regeling sets no term; the Toelichting on art. 13 says
     * the same twelve weeks apply "na de aanvraag", read as twelve weeks after the date of receipt.
     */
    public static Deadline decisionDeadline(AanvraagKind kind, LocalDate received, Regeling regeling) {
        Regeling.Deadlines d = regeling.deadlines();
        int weeks = d.decisionWithinWeeks();
        if (kind != AanvraagKind.WIJZIGING) {
            LocalDate end = d.aanvraagWindow().through();
            return new Deadline(end.plusWeeks(weeks), "art. 13, eerste lid: twaalf weken na het einde van de aanvraagtermijn ("
                    + DutchDates.format(end) + ")");
        }
        if (received == null) {
            return new Deadline(null, "toelichting bij art. 13: twaalf weken na de aanvraag; datum van de aanvraag onbekend");
        }
        return new Deadline(received.plusWeeks(weeks), "toelichting bij art. 13: twaalf weken na de aanvraag tot wijziging ("
                + DutchDates.format(received) + ")");
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
    static String kenmerk(Optional<Gemeente> gemeente, Aanvraag aanvraag, Regeling regeling, LocalDate received) {
        String code = gemeente.map(Gemeente::cbsCode).orElse(aanvraag.gemeentecode());
        if (aanvraag.kind() == AanvraagKind.WIJZIGING) {
            // The window the ministry received it in names the case; the typed date only when receipt is unknown.
            return received == null
                    ? Kenmerk.dossier(regeling, code) + "-W"
                    : Kenmerk.wijziging(regeling, code, received);
        }
        return Kenmerk.verlening(regeling, code);
    }

    private static String installmentsText(SortedMap<Integer, BigDecimal> m) {
        List<String> parts = new ArrayList<>();
        m.forEach((y, v) -> parts.add(y + ": " + Money.format(v)));
        return parts.isEmpty() ? "(geen)" : String.join("; ", parts);
    }

}
