package nl.kansrijkewijk.besluit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import nl.kansrijkewijk.aanvraag.Aanvraag;
import nl.kansrijkewijk.aanvraag.BudgetGroups;
import nl.kansrijkewijk.aanvraag.BudgetLine;
import nl.kansrijkewijk.money.Money;
import nl.kansrijkewijk.regeling.Regeling;

/**
 * The verlening a wijziging changes: per group (onderdeel, and focusgebied where the Bijlage splits it) what was
 * granted inclusief btw and which voorschot termijnen (exclusief btw) were already paid. Until the dossier records
 * the real verleningsbeschikking, {@link #fromForm} builds it from the form's "verleend" column; a recorded one can
 * be passed to the calculator instead.
 *
 * @param kenmerk     the verleningsbeschikking's kenmerk, or null
 * @param source      Dutch: where these amounts come from (shown in the trail and the workpapers)
 * @param paidThrough termijnen with a payment moment on or before this date count as paid
 * @param parts       per group; a group absent here had no previous amount
 */
public record PreviousVerlening(String kenmerk, String source, LocalDate paidThrough, Map<BudgetGroups.Key, Part> parts) {

    /**
     * @param grantedInclBtw the amount granted for the group, inclusief btw (the basis of section B and the Bijlage)
     * @param paid           voorschot termijnen already paid, per year, exclusief btw
     */
    public record Part(BigDecimal grantedInclBtw, SortedMap<Integer, BigDecimal> paid) {
        public BigDecimal paidTotal() {
            return Money.sum(paid.values());
        }
    }

    public static final String FORM_SOURCE = "het formulier (kolom 'verleend' van onderdeel B)";

    public Optional<Part> part(BudgetGroups.Key key) {
        return Optional.ofNullable(parts.get(key));
    }

    /**
     * From the form: each group's "verleend" amounts (inclusief btw), paid along the schedule this product computes
     * for a verlening of that amount (the Bijlage termijnen, less the btw estimate), for the years whose payment
     * moment ({@code deadlines.paymentMoments}) is on or before {@code paidThrough}.
     */
    public static PreviousVerlening fromForm(Aanvraag aanvraag, Regeling regeling, LocalDate paidThrough) {
        BudgetGroups groups = BudgetGroups.of(aanvraag, regeling);
        Map<BudgetGroups.Key, Part> parts = new LinkedHashMap<>();
        for (BudgetGroups.Group g : groups.groups()) {
            BigDecimal granted = null;
            for (BudgetLine l : g.lines()) {
                if (l.granted() != null) {
                    granted = (granted == null ? Money.ZERO : granted).add(l.granted());
                }
            }
            if (granted == null) {
                continue;
            }
            granted = Money.scale(granted);
            parts.put(g.key(), new Part(granted, paid(regeling, g, granted, paidThrough)));
        }
        return new PreviousVerlening(aanvraag.verleningKenmerk(), FORM_SOURCE, paidThrough, parts);
    }

    /** The voorschot termijnen of a verlening of grantedInclBtw for this group that were paid by paidThrough. */
    static SortedMap<Integer, BigDecimal> paid(Regeling regeling, BudgetGroups.Group g, BigDecimal grantedInclBtw,
                                               LocalDate paidThrough) {
        SortedMap<Integer, BigDecimal> schedule = schedule(regeling, g, grantedInclBtw);
        SortedMap<Integer, BigDecimal> paid = new TreeMap<>();
        schedule.forEach((year, amount) -> {
            if (isPaid(regeling, year, paidThrough)) {
                paid.put(year, amount);
            }
        });
        return paid;
    }

    /** The voorschot per year (exclusief btw) of a verlening of grantedInclBtw for this group. */
    static SortedMap<Integer, BigDecimal> schedule(Regeling regeling, BudgetGroups.Group g, BigDecimal grantedInclBtw) {
        BigDecimal pct = BesluitCalculator.btwPercent(regeling, g.onderdeel());
        BudgetGroups.Limit limit = g.limit();
        SortedMap<Integer, BigDecimal> weights = limit != null && !limit.installments().isEmpty()
                ? limit.installments() : g.requestedPerYear();
        SortedMap<Integer, BigDecimal> incl = Installments.spread(grantedInclBtw, weights,
                limit == null || limit.split() ? null : limit.stated(), new ArrayList<>());
        BigDecimal excl = grantedInclBtw.subtract(Money.percent(grantedInclBtw, pct));
        return Installments.lessBtw(incl, pct, excl);
    }

    /** A termijn counts as paid when its payment moment is on or before the date; unknown date → not paid. */
    public static boolean isPaid(Regeling regeling, int year, LocalDate paidThrough) {
        LocalDate moment = regeling.deadlines().paymentMoments().perYear().get(year);
        return paidThrough != null && moment != null && !moment.isAfter(paidThrough);
    }

    /** Years in order whose termijn is not yet paid. */
    static List<Integer> unpaidYears(Regeling regeling, Iterable<Integer> years, LocalDate paidThrough) {
        List<Integer> out = new ArrayList<>();
        for (int y : years) {
            if (!isPaid(regeling, y, paidThrough)) {
                out.add(y);
            }
        }
        return out;
    }
}
