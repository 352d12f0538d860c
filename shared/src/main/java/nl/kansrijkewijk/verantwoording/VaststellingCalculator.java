package nl.kansrijkewijk.verantwoording;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import nl.kansrijkewijk.finding.Finding;
import nl.kansrijkewijk.finding.Location;
import nl.kansrijkewijk.finding.RuleCatalogue;
import nl.kansrijkewijk.finding.Trail;
import nl.kansrijkewijk.kenmerk.Kenmerk;
import nl.kansrijkewijk.money.DutchDates;
import nl.kansrijkewijk.money.Money;
import nl.kansrijkewijk.regeling.Regeling;
import nl.kansrijkewijk.sisa.Verantwoording;
import nl.kansrijkewijk.sisa.VerantwoordingRegel;
import nl.kansrijkewijk.verantwoording.VerantwoordingContext.Ontvangst;
import nl.kansrijkewijk.verantwoording.VerantwoordingContext.Toekenning;

/**
 * Art. 15: per onderdeel (and focusgebied) vastgesteld = the spending that counts, at most the verleend amount
 * (second lid); terug te vorderen = paid − vastgesteld (fourth lid). Spending counts from the verantwoording that
 * counts per year (a correction replaces the earlier delivery), up to the end of the bestedingstermijn (art. 11(2),
 * (3)). When the information over the last year did not arrive within 18 months (third lid) the vaststelling is
 * ambtshalve; the regeling does not say on what, and the Toelichting says "op een lager bedrag": the proposal counts
 * only information received in time and shows what arrived late, for the reviewer to weigh.
 */
public final class VaststellingCalculator {
    /** The rule of a reviewer's refusal (the dossier's {@code ReviewerFindings.AFWIJZING}). */
    public static final String REVIEWER_REFUSAL = "BEOORDELING-AFWIJZING";

    private final Regeling regeling;
    private final RuleCatalogue catalogue;

    public VaststellingCalculator(Regeling regeling, RuleCatalogue catalogue) {
        this.regeling = regeling;
        this.catalogue = catalogue;
    }

    /** Whether a vaststelling is due: the verantwoording over the last year of the bestedingstermijn is in. */
    public static boolean due(Regeling regeling, VerantwoordingContext ctx) {
        int last = Deliveries.endOfTermijn(regeling, ctx).getYear();
        return Deliveries.effective(ctx.verantwoordingen()).containsKey(last);
    }

    /** @param ctx the dossier with every verantwoording received, the last one included */
    public Vaststelling calculate(VerantwoordingContext ctx) {
        return calculate(ctx, List.of());
    }

    /**
     * As {@link #calculate(VerantwoordingContext)}, with a reviewer's beoordeling applied: a refusal
     * ({@value #REVIEWER_REFUSAL}, with onderdeel, focusgebied and amount) is spending that does not count, capped at
     * what still counts for that onderdeel; every other finding of the beoordeling (akkoord, niet van toepassing,
     * motivering) is carried into the findings as the record of who decided what.
     */
    public Vaststelling calculate(VerantwoordingContext ctx, List<Finding> beoordeling) {
        LocalDate end = Deliveries.endOfTermijn(regeling, ctx);
        int lastYear = end.getYear();
        SortedMap<Integer, Ontvangst> effective = Deliveries.effective(ctx.verantwoordingen());
        Ontvangst last = effective.get(lastYear);
        boolean ambtshalve = last == null || !Deliveries.timely(regeling, last);
        LocalDate received = last == null ? null : last.ontvangen();
        Regeling.Deadlines d = regeling.deadlines();
        LocalDate vaststellingBy = received == null ? null : received.plusWeeks(d.vaststellingWithinWeeks());
        LocalDate noticeBy = received == null ? null : received.plusMonths(d.terugvorderingNoticeWithinMonths());
        String gemeente = regeling.gemeenteByCbsCode(ctx.cbsCode()).map(Regeling.Gemeente::name).orElse(ctx.cbsCode());

        List<Vaststelling.Jaar> jaren = new ArrayList<>();
        for (Ontvangst o : effective.values()) {
            Verantwoording v = o.verantwoording();
            jaren.add(new Vaststelling.Jaar(v.verslagjaar(), v.documentName(), v.sha256(), o.ontvangen(),
                    Deliveries.timely(regeling, o), v.correctie(), counts(o, lastYear, ambtshalve)));
        }

        Findings f = new Findings(catalogue);
        Location doc = Location.document(last == null ? null : last.verantwoording().documentName());
        List<Vaststelling.Regel> regels = new ArrayList<>();
        List<Finding> judged = new ArrayList<>();
        for (Toekenning t : ctx.toekenningen()) {
            regels.add(regel(t, effective, lastYear, ambtshalve, ctx, f, beoordeling, judged));
        }
        if (received != null) {
            f.add("VJ-VASTSTELLING-TERMIJN", "De verantwoording over " + lastYear + " is ontvangen op "
                    + DutchDates.format(received) + ". De minister stelt de uitkering uiterlijk op "
                    + DutchDates.format(vaststellingBy) + " vast.", doc,
                    Trail.builder().input("ontvangen", DutchDates.format(received))
                            .step(DutchDates.format(received) + " + " + d.vaststellingWithinWeeks() + " weken = "
                                    + DutchDates.format(vaststellingBy)).outcome("vaststelling uiterlijk "
                                    + DutchDates.format(vaststellingBy)), null, null, null);
            f.add("VJ-TERUGVORDERING-TERMIJN", "Een terugvordering moet uiterlijk op " + DutchDates.format(noticeBy)
                    + " aan het college zijn meegedeeld (één jaar na ontvangst).", doc,
                    Trail.builder().input("ontvangen", DutchDates.format(received))
                            .step(DutchDates.format(received) + " + " + d.terugvorderingNoticeWithinMonths()
                                    + " maanden = " + DutchDates.format(noticeBy))
                            .outcome("mededeling uiterlijk " + DutchDates.format(noticeBy)), null, null, null);
        }
        return new Vaststelling(Vaststelling.SCHEMA, Kenmerk.vaststelling(regeling, ctx.cbsCode()), regeling.id(),
                gemeente, ctx.cbsCode(), ctx.verleningKenmerken(), ambtshalve, end, received, vaststellingBy, noticeBy,
                jaren, regels,
                Money.sum(regels.stream().map(Vaststelling.Regel::verleend).toList()),
                Money.sum(regels.stream().map(Vaststelling.Regel::uitbetaald).toList()),
                Money.sum(regels.stream().map(Vaststelling.Regel::besteed).toList()),
                Money.sum(regels.stream().map(Vaststelling.Regel::nietAanvaard).toList()),
                Money.sum(regels.stream().map(Vaststelling.Regel::vastgesteld).toList()),
                Money.sum(regels.stream().map(Vaststelling.Regel::terugTeVorderen).toList()),
                Money.sum(regels.stream().map(Vaststelling.Regel::nabetaling).toList()),
                withBeoordeling(f.list(), beoordeling, judged));
    }

    /** The calculator's findings, then the beoordeling's in its order, each refusal as the letter states it. */
    private static List<Finding> withBeoordeling(List<Finding> own, List<Finding> beoordeling, List<Finding> judged) {
        if (beoordeling.isEmpty()) {
            return own;
        }
        List<Finding> out = new ArrayList<>(own);
        for (Finding b : beoordeling) {
            if (!REVIEWER_REFUSAL.equals(b.rule())) {
                out.add(b);
            }
        }
        out.addAll(judged);
        return out;
    }

    private boolean counts(Ontvangst o, int lastYear, boolean ambtshalve) {
        return o.verantwoording().verslagjaar() <= lastYear && (!ambtshalve || Deliveries.timely(regeling, o));
    }

    private Vaststelling.Regel regel(Toekenning t, SortedMap<Integer, Ontvangst> effective, int lastYear,
            boolean ambtshalve, VerantwoordingContext ctx, Findings f, List<Finding> beoordeling,
            List<Finding> judged) {
        String naam = regeling.onderdeel(t.onderdeel()).map(Regeling.Onderdeel::name).orElse(t.onderdeel());
        Map<String, Trail> trails = new LinkedHashMap<>();
        BigDecimal verleend = Money.scale(t.verleend());
        trails.put("verleend", Trail.builder().input("onderdeel", t.key())
                .input("beschikkingen", String.join(", ", ctx.verleningKenmerken()))
                .step("verleend na wijzigingen (artikel 13, tweede lid, onder b)")
                .outcome(Money.format(verleend)));
        Trail.Builder paidTrail = Trail.builder().input("onderdeel", t.key());
        t.uitbetaald().forEach((y, a) -> paidTrail.input("uitbetaald " + y, Money.format(a)));
        BigDecimal paid = t.uitbetaaldTotaal();
        trails.put("uitbetaald", paidTrail.step("voorschot in jaarlijkse termijnen (artikel 13, vierde lid)")
                .outcome(Money.format(paid)));

        BigDecimal reported = Money.ZERO;
        BigDecimal excluded = Money.ZERO;
        Trail.Builder spentTrail = Trail.builder().input("onderdeel", t.key());
        for (Ontvangst o : effective.values()) {
            Verantwoording v = o.verantwoording();
            Optional<VerantwoordingRegel> row = v.regel(t.key());
            BigDecimal b = row.map(VerantwoordingRegel::besteding).map(Money::scale).orElse(Money.ZERO);
            BigDecimal c = row.map(VerantwoordingRegel::correctieVorigJaar).map(Money::scale).orElse(Money.ZERO);
            BigDecimal part = b.add(c);
            reported = reported.add(part);
            String source = v.verslagjaar() + " (" + v.documentName() + ", ontvangen "
                    + (o.ontvangen() == null ? "onbekend" : DutchDates.format(o.ontvangen()))
                    + (v.correctie() ? ", correctie" : "") + ")";
            spentTrail.input("besteding " + source, Money.format(b)
                    + (c.signum() != 0 ? " + correctie " + (v.verslagjaar() - 1) + " " + Money.format(c) : ""));
            if (v.verslagjaar() > lastYear) {
                excluded = excluded.add(part);
                spentTrail.step(Money.format(part) + " over " + v.verslagjaar() + " telt niet: na het einde van de "
                        + "bestedingstermijn (artikel 11, tweede en derde lid)");
            } else if (ambtshalve && !Deliveries.timely(regeling, o)) {
                excluded = excluded.add(part);
                spentTrail.step(Money.format(part) + " over " + v.verslagjaar() + " telt in het voorstel niet: niet "
                        + "binnen achttien maanden ontvangen (artikel 15, derde lid, ambtshalve vaststelling)");
            }
        }
        BigDecimal refusedByReviewer = Money.ZERO;
        for (Finding b : beoordeling) {
            if (!REVIEWER_REFUSAL.equals(b.rule()) || b.refusedAmount() == null
                    || !Objects.equals(b.onderdeel(), t.onderdeel()) || !Objects.equals(b.focusgebied(), t.focusgebied())) {
                continue;
            }
            BigDecimal room = reported.subtract(excluded).max(Money.ZERO);
            BigDecimal amount = Money.scale(b.refusedAmount()).min(room);
            excluded = excluded.add(amount);
            refusedByReviewer = refusedByReviewer.add(amount);
            spentTrail.step(Money.format(amount) + " telt niet: afgewezen door "
                    + b.trail().inputs().getOrDefault("Beoordeeld door", "de beoordelaar") + " — " + b.message()
                    + (amount.compareTo(b.refusedAmount()) < 0 ? " (begrensd op wat nog meetelde: " + Money.format(room) + ")" : ""));
            String reason = b.message().endsWith(".") ? b.message().substring(0, b.message().length() - 1) : b.message();
            List<String> steps = new ArrayList<>(b.trail().computation());
            steps.add(Money.format(amount) + " van de besteding van " + label(t) + " telt niet mee");
            judged.add(new Finding(b.rule(), b.article(), b.severity(), "Van " + label(t) + " telt " + Money.format(amount)
                    + " van de besteding niet mee: " + afterColon(reason) + ".", b.location(),
                    new Trail(b.trail().inputs(), steps, "telt niet mee: " + Money.format(amount)),
                    t.onderdeel(), t.focusgebied(), null, amount.signum() > 0 ? amount : null));
        }
        BigDecimal accepted = reported.subtract(excluded);
        trails.put("besteed", spentTrail.step("gerapporteerd = " + Money.format(reported) + "; telt niet = "
                + Money.format(excluded) + "; telt = " + Money.format(accepted)).outcome(Money.format(reported)));
        BigDecimal vastgesteld = accepted.min(verleend).max(Money.ZERO);
        trails.put("vastgesteld", Trail.builder().input("besteding die telt", Money.format(accepted))
                .input("verleend", Money.format(verleend))
                .step("vastgesteld = de besteding die telt, ten hoogste het verleende bedrag (artikel 15, tweede lid"
                        + (ambtshalve ? ", ambtshalve: derde lid" : "") + ")")
                .step("min(" + Money.format(accepted) + "; " + Money.format(verleend) + ") = " + Money.format(vastgesteld))
                .outcome(Money.format(vastgesteld)));
        BigDecimal terug = paid.subtract(vastgesteld).max(Money.ZERO);
        BigDecimal nabetaling = vastgesteld.subtract(paid).max(Money.ZERO);
        trails.put("terugTeVorderen", Trail.builder().input("uitbetaald", Money.format(paid))
                .input("vastgesteld", Money.format(vastgesteld))
                .step("terug te vorderen = uitbetaald − vastgesteld = " + Money.format(paid) + " − "
                        + Money.format(vastgesteld) + " = " + Money.format(terug) + " (artikel 15, vierde lid)")
                .outcome(Money.format(terug)));
        Location doc = Location.document(effective.isEmpty() ? null
                : effective.get(effective.lastKey()).verantwoording().documentName());
        if (vastgesteld.compareTo(verleend) < 0) {
            BigDecimal lower = verleend.subtract(vastgesteld);
            f.add("VJ-NIET-BESTEED", "Van " + label(t) + " is " + Money.format(lower) + " van het verleende bedrag "
                    + (refusedByReviewer.signum() > 0 ? "niet (binnen de termijn) besteed of niet aanvaard"
                            : "niet (binnen de termijn) besteed") + (ambtshalve ? " volgens de tijdig ontvangen informatie" : "")
                    + ". De uitkering wordt voor dit onderdeel vastgesteld op " + Money.format(vastgesteld)
                    + (terug.signum() > 0 ? "; " + Money.format(terug) + " wordt teruggevorderd." : "."), doc,
                    trails.get("vastgesteld"), t.onderdeel(), t.focusgebied(), lower);
        }
        if (accepted.compareTo(verleend) > 0) {
            f.add("VJ-BOVEN-VERLEEND", "De besteding van " + label(t) + " (" + Money.format(accepted) + ") is hoger dan "
                    + "het verleende bedrag; vastgesteld wordt ten hoogste " + Money.format(verleend) + ".", doc,
                    trails.get("vastgesteld"), t.onderdeel(), t.focusgebied(), null);
        }
        return new Vaststelling.Regel(t.onderdeel(), naam, t.focusgebied(), verleend, paid, Money.scale(reported),
                Money.scale(excluded), vastgesteld, terug, nabetaling, trails);
    }

    /** A sentence continued after a colon: lower-case first letter, unless it starts an abbreviation ("BTW"). */
    private static String afterColon(String s) {
        if (s.length() > 1 && Character.isUpperCase(s.charAt(0)) && Character.isLowerCase(s.charAt(1))) {
            return Character.toLowerCase(s.charAt(0)) + s.substring(1);
        }
        return s;
    }

    private String label(Toekenning t) {
        String name = regeling.onderdeel(t.onderdeel()).map(Regeling.Onderdeel::name).orElse(t.onderdeel());
        return "‘" + name + "’" + (t.focusgebied() == null ? "" : " (focusgebied " + t.focusgebied() + ")");
    }
}
