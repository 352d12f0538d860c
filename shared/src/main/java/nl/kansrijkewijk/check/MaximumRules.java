package nl.kansrijkewijk.check;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import nl.kansrijkewijk.aanvraag.BudgetGroups;
import nl.kansrijkewijk.aanvraag.BudgetLine;
import nl.kansrijkewijk.besluit.Installments;
import nl.kansrijkewijk.finding.Texts;
import nl.kansrijkewijk.money.DutchDates;
import nl.kansrijkewijk.money.Money;
import nl.kansrijkewijk.regeling.Regeling;
import nl.kansrijkewijk.regeling.Regeling.BijlageEntry;

/**
 * Amounts against the Bijlage: the maximum per group (art. 3(2) … 9(4)), the yearly termijnen (art. 13(4)) and the
 * Bijlage's own rounding differences. Not evaluated when the gemeente is unknown (there is no Bijlage to apply).
 */
final class MaximumRules implements RuleSet {
    static final String MAXIMUM_OVERSCHREDEN = "MAXIMUM-OVERSCHREDEN";
    static final String TERMIJN_JAAR = "TERMIJN-JAAR";
    static final String BIJLAGE_AFRONDING = "BIJLAGE-AFRONDING";
    static final String FOCUSGEBIED_TERMIJNEN = "FOCUSGEBIED-TERMIJNEN";
    /** Cited for an onderdeel this version of the regeling does not know: the parts an uitkering can be for. */
    static final String UNKNOWN_ONDERDEEL_ARTICLE = "art. 2, eerste en derde lid";

    @Override
    public List<String> ruleIds() {
        return List.of(MAXIMUM_OVERSCHREDEN, TERMIJN_JAAR, BIJLAGE_AFRONDING, FOCUSGEBIED_TERMIJNEN);
    }

    @Override
    public void apply(Phase phase, CheckContext ctx) {
        if (phase != Phase.AMOUNT || !ctx.gemeenteKnown()) {
            return;
        }
        Set<String> roundingReported = new HashSet<>();
        Map<String, List<BudgetGroups.Group>> split = new java.util.LinkedHashMap<>();
        for (BudgetGroups.Group g : ctx.groups.groups()) {
            if (ctx.onderdeelRefused(g.onderdeel())) {
                continue; // the whole request of the onderdeel is already refused
            }
            if (g.limit() != null && g.limit().split()) {
                split.computeIfAbsent(g.onderdeel(), k -> new ArrayList<>()).add(g);
                continue;
            }
            BigDecimal granted = maximum(ctx, g);
            termijnen(ctx, g, granted);
            rounding(ctx, g, granted, roundingReported);
        }
        for (List<BudgetGroups.Group> parts : split.values()) {
            Map<BudgetGroups.Key, BigDecimal> granted = splitMaximum(ctx, parts);
            for (BudgetGroups.Group g : parts) {
                termijnen(ctx, g, granted.get(g.key()));
                rounding(ctx, g, granted.get(g.key()), roundingReported);
            }
        }
    }

    /**
     * An onderdeel the Bijlage splits per focusgebied (Amsterdam). Articles 3(2) to 9(4) set the maximum "per
     * ontvangende gemeente": only the gemeente's total binds a refusal (ambiguity policy, README). The excess over it is
     * refused from the focusgebieden that are above their own termijnen, in form order. A focusgebied still above its
     * own termijnen afterwards gets a waarschuwing naming both readings of the Bijlage (art. 13(4)): the split as a
     * payment schedule only (followed here) or also as a cap per focusgebied.
     */
    private Map<BudgetGroups.Key, BigDecimal> splitMaximum(CheckContext ctx, List<BudgetGroups.Group> parts) {
        Map<BudgetGroups.Key, BigDecimal> eligible = new java.util.LinkedHashMap<>();
        Map<BudgetGroups.Key, BigDecimal> refusedActivities = new java.util.LinkedHashMap<>();
        for (BudgetGroups.Group g : parts) {
            BigDecimal ra = ctx.notionalActivityRefusals(g.key());
            refusedActivities.put(g.key(), ra);
            eligible.put(g.key(), g.requested().subtract(ra).max(Money.ZERO));
        }
        BudgetGroups.Group first = parts.get(0);
        BigDecimal stated = first.limit().stated();
        BigDecimal total = Money.sum(eligible.values());
        String gemeente = ctx.gemeente().get().name();
        String name = ctx.onderdeelName(first.onderdeel());
        String article = ctx.regeling.onderdeel(first.onderdeel()).map(Regeling.Onderdeel::maximumArticle).orElse(UNKNOWN_ONDERDEEL_ARTICLE);
        List<String> perFg = parts.stream().map(g -> g.focusgebied() + " " + Money.format(eligible.get(g.key()))).toList();
        Map<BudgetGroups.Key, BigDecimal> granted = new java.util.LinkedHashMap<>(eligible);
        if (total.compareTo(stated) > 0) {
            BigDecimal excess = total.subtract(stated);
            Map<BudgetGroups.Key, BigDecimal> share = new java.util.LinkedHashMap<>();
            BigDecimal left = excess;
            for (BudgetGroups.Group g : parts) {
                BigDecimal over = eligible.get(g.key()).subtract(g.limit().maximum()).max(Money.ZERO);
                BigDecimal a = over.min(left);
                share.put(g.key(), a);
                left = left.subtract(a);
            }
            if (left.signum() > 0) {
                // Only when the stated amount is below the sum of the termijnen: the rest from the largest request.
                BudgetGroups.Group largest = parts.stream().max(java.util.Comparator.comparing(g -> eligible.get(g.key()))).orElseThrow();
                share.merge(largest.key(), left, BigDecimal::add);
            }
            for (BudgetGroups.Group g : parts) {
                BigDecimal a = share.get(g.key());
                if (a.signum() <= 0) {
                    continue;
                }
                granted.put(g.key(), eligible.get(g.key()).subtract(a));
                CheckContext.Draft d = ctx.finding(MAXIMUM_OVERSCHREDEN).group(g.key()).article(article).field(totalField(g));
                requestedInputs(d, g);
                if (refusedActivities.get(g.key()).signum() > 0) {
                    d.input("Afgewezen activiteiten van " + g.focusgebied(), Money.format(refusedActivities.get(g.key())));
                }
                d.input("Maximum per ontvangende gemeente (" + article + ", Bijlage)", Money.format(stated))
                        .input("Na aftrek van afgewezen activiteiten, per focusgebied", String.join("; ", perFg))
                        .input("Termijnen Bijlage voor " + g.focusgebied(), installmentsText(g.limit().installments()) + " = "
                                + Money.format(g.limit().maximum()))
                        .step(Money.format(total) + " − " + Money.format(stated) + " = " + Money.format(excess) + " boven het maximum van " + gemeente)
                        .step(Money.format(a) + " daarvan bij " + g.focusgebied() + ", dat " + Money.format(eligible.get(g.key()).subtract(g.limit().maximum()).max(Money.ZERO))
                                + " boven zijn eigen termijnen uitkomt");
                StringBuilder m = new StringBuilder("Voor ").append(name).append(" vraagt ").append(gemeente).append(" samen ")
                        .append(Money.format(total)).append(" (").append(String.join(", ", perFg)).append("); de Bijlage noemt als maximum per ontvangende gemeente ")
                        .append(Money.format(stated)).append(" (").append(article).append("). Het meerdere, ").append(Money.format(excess)).append(", ");
                if (ctx.wholeRefused()) {
                    m.append("zou worden afgewezen; er wordt geen afzonderlijk bedrag afgewezen: ").append(ctx.subject())
                            .append(" is al in haar geheel afgewezen (").append(ctx.wholeRefusalRule()).append(").");
                    d.outcome("geen afzonderlijk bedrag: " + ctx.subject() + " is in haar geheel afgewezen");
                } else {
                    m.append("wordt afgewezen; daarvan ").append(Money.format(a)).append(" voor ").append(g.focusgebied())
                            .append(", dat boven de eigen termijnen uit de Bijlage (").append(Money.format(g.limit().maximum())).append(") uitkomt.");
                    d.refused(a).outcome("afgewezen: " + Money.format(a));
                }
                d.message(m.toString()).add();
            }
        }
        BigDecimal after = Money.sum(granted.values());
        for (BudgetGroups.Group g : parts) {
            BigDecimal own = g.limit().maximum();
            BigDecimal v = granted.get(g.key());
            if (v.compareTo(own) <= 0) {
                continue;
            }
            BigDecimal over = v.subtract(own);
            ctx.finding(FOCUSGEBIED_TERMIJNEN).group(g.key()).field(totalField(g))
                    .message("Voor " + ctx.groups.label(g.key()) + " resteert " + Money.format(v) + ", " + Money.format(over)
                            + " meer dan de termijnen die de Bijlage voor " + g.focusgebied() + " noemt (" + Money.format(own)
                            + "). Het maximum van " + article + " geldt per ontvangende gemeente en is niet overschreden ("
                            + gemeente + " samen " + Money.format(after) + ", maximum " + Money.format(stated) + "). De regeling laat"
                            + " twee lezingen toe: de Bijlage verdeelt per focusgebied alleen de betaling in termijnen (artikel 13,"
                            + " vierde lid), dan kan het bedrag worden verleend (zo is het concept opgesteld); of de verdeling is ook"
                            + " een plafond per focusgebied, dan wordt " + Money.format(over) + " afgewezen. Beslis welke lezing geldt.")
                    .input("Na aftrek, " + g.focusgebied(), Money.format(v))
                    .input("Termijnen Bijlage voor " + g.focusgebied(), installmentsText(g.limit().installments()) + " = " + Money.format(own))
                    .input("Maximum per ontvangende gemeente (" + article + ")", Money.format(stated))
                    .input("Samen (" + gemeente + ")", Money.format(after))
                    .step(Money.format(v) + " − " + Money.format(own) + " = " + Money.format(over) + " boven de eigen termijnen")
                    .step(Money.format(after) + (after.compareTo(stated) <= 0 ? " ≤ " : " > ") + Money.format(stated) + " (maximum per gemeente)")
                    .outcome("ter beoordeling: lezing per gemeente gevolgd")
                    .add();
        }
        return granted;
    }

    /** Reports an excess over the maximum; returns what the group would be granted (ignoring a whole refusal). */
    private BigDecimal maximum(CheckContext ctx, BudgetGroups.Group g) {
        BudgetGroups.Limit limit = g.limit();
        BigDecimal max = limit == null ? Money.ZERO : limit.maximum();
        BigDecimal refusedActivities = ctx.notionalActivityRefusals(g.key());
        BigDecimal eligible = g.requested().subtract(refusedActivities).max(Money.ZERO);
        if (eligible.compareTo(max) <= 0) {
            return eligible;
        }
        BigDecimal excess = eligible.subtract(max);
        Optional<Regeling.Onderdeel> onderdeel = ctx.regeling.onderdeel(g.onderdeel());
        String article = onderdeel.map(Regeling.Onderdeel::maximumArticle).orElse(UNKNOWN_ONDERDEEL_ARTICLE);
        String gemeente = ctx.gemeente().get().name();
        String label = ctx.groups.label(g.key());

        CheckContext.Draft d = ctx.finding(MAXIMUM_OVERSCHREDEN).group(g.key()).article(article).field(totalField(g));
        requestedInputs(d, g);
        StringBuilder m = new StringBuilder("Voor ").append(label).append(" vraagt ").append(gemeente).append(' ')
                .append(Money.format(g.requested()));
        if (refusedActivities.signum() > 0) {
            d.input("Afgewezen activiteiten van dit onderdeel", Money.format(refusedActivities));
            d.step(Money.format(g.requested()) + " − " + Money.format(refusedActivities) + " (afgewezen activiteiten) = " + Money.format(eligible));
            m.append("; na aftrek van de afgewezen activiteiten (").append(Money.format(refusedActivities))
                    .append(") resteert ").append(Money.format(eligible));
        }
        if (limit != null) {
            d.input("Maximum (" + article + ", Bijlage)", Money.format(max));
            if (limit.split()) {
                d.input("Termijnen Bijlage voor " + g.focusgebied(), installmentsText(limit.installments()));
                d.step("maximum voor " + g.focusgebied() + " = som van de eigen termijnen = " + sumText(limit.installments()));
                m.append("; de Bijlage noemt voor ").append(g.focusgebied()).append(" termijnen van samen ").append(Money.format(max))
                        .append(" (").append(article).append("; per focusgebied geldt de som van de eigen termijnen als maximum)");
            } else {
                m.append("; de Bijlage noemt als maximum ").append(Money.format(max)).append(" (").append(article).append(')');
            }
        } else {
            d.input("Maximum (" + article + ", Bijlage)", "geen bedrag in de Bijlage: " + Money.format(Money.ZERO));
            m.append("; ").append(noBijlageAmount(ctx, g)).append(", dus het maximum is ").append(Money.format(Money.ZERO));
        }
        d.step(Money.format(eligible) + " − " + Money.format(max) + " = " + Money.format(excess) + " boven het maximum");
        m.append('.');
        if (ctx.wholeRefused()) {
            m.append(" Het meerdere zou ").append(Money.format(excess)).append(" zijn; er wordt geen afzonderlijk bedrag afgewezen: ")
                    .append(ctx.subject()).append(" is al in haar geheel afgewezen (").append(ctx.wholeRefusalRule()).append(").");
            d.outcome("geen afzonderlijk bedrag: " + ctx.subject() + " is in haar geheel afgewezen");
        } else {
            m.append(" Het meerdere, ").append(Money.format(excess)).append(", wordt afgewezen");
            m.append(max.signum() > 0 ? "; " + Money.format(max) + " kan worden verleend." : ".");
            d.refused(excess).outcome("afgewezen: " + Money.format(excess) + "; ten hoogste " + Money.format(max) + " te verlenen");
        }
        d.message(m.toString()).add();
        return max;
    }

    private static String noBijlageAmount(CheckContext ctx, BudgetGroups.Group g) {
        String gemeente = ctx.gemeente().get().name();
        Regeling r = ctx.regeling;
        if (r.onderdeel(g.onderdeel()).isEmpty()) {
            return "de regeling (" + r.citation() + ", versie geldend vanaf " + DutchDates.format(r.validFrom())
                    + ") kent geen onderdeel " + Texts.quote(g.onderdeel()) + " en de Bijlage noemt er geen bedrag voor";
        }
        Optional<BijlageEntry> entry = r.bijlageEntry(g.onderdeel(), gemeente);
        if (entry.isPresent() && entry.get().splitPerFocusgebied()) {
            return "de Bijlage verdeelt " + ctx.onderdeelName(g.onderdeel()) + " voor " + gemeente + " per focusgebied ("
                    + Texts.join(List.copyOf(entry.get().installmentsPerFocusgebied().keySet())) + ") en noemt geen bedrag voor "
                    + Texts.quote(g.focusgebied());
        }
        return "de Bijlage noemt voor " + gemeente + " geen bedrag voor " + ctx.onderdeelName(g.onderdeel());
    }

    /**
     * A year's request above that year's Bijlage termijn — unless the product itself pays that much in that year: at
     * the stated maximum the last termijn absorbs the Bijlage's one-euro rounding difference (art. 13(4), data policy),
     * so a request for exactly that termijn is what will be paid and is not warned about.
     */
    private void termijnen(CheckContext ctx, BudgetGroups.Group g, BigDecimal granted) {
        BudgetGroups.Limit limit = g.limit();
        if (limit == null) {
            return; // no Bijlage amount at all: MAXIMUM-OVERSCHREDEN says so
        }
        SortedMap<Integer, BigDecimal> pays = granted == null || limit.installments().isEmpty() ? new java.util.TreeMap<>()
                : Installments.spread(granted, limit.installments(), limit.split() ? null : limit.stated(), null);
        Set<Integer> years = new TreeSet<>(limit.installments().keySet());
        years.addAll(g.requestedPerYear().keySet());
        String label = ctx.groups.label(g.key());
        String gemeente = ctx.gemeente().get().name();
        for (int year : years) {
            BigDecimal requested = g.requestedPerYear().getOrDefault(year, Money.ZERO);
            BigDecimal installment = limit.installments().getOrDefault(year, Money.ZERO);
            if (requested.compareTo(installment.max(pays.getOrDefault(year, Money.ZERO))) <= 0) {
                continue;
            }
            BigDecimal over = requested.subtract(installment);
            String bijlage = limit.installments().containsKey(year)
                    ? "de termijn van de Bijlage voor " + year + " is " + Money.format(installment) + ", " + Money.format(over) + " minder dan gevraagd"
                    : "de Bijlage noemt voor " + gemeente + " geen termijn in " + year;
            CheckContext.Draft d = ctx.finding(TERMIJN_JAAR).group(g.key()).field(yearField(g, year))
                    .message("Voor " + label + " wordt voor " + year + " " + Money.format(requested) + " gevraagd; " + bijlage
                            + ". De uitkering wordt uitbetaald in de termijnen van de Bijlage (art. 13, vierde lid).")
                    .input("Gevraagd " + year + " (" + yearField(g, year) + ")", Money.format(requested))
                    .input("Termijn Bijlage " + year, limit.installments().containsKey(year) ? Money.format(installment) : "geen (€ 0)")
                    .input("Termijnen Bijlage", installmentsText(limit.installments()))
                    .step(Money.format(requested) + " − " + Money.format(installment) + " = " + Money.format(over) + " boven de termijn van " + year)
                    .outcome("jaarbedrag wijkt af van de termijn");
            d.add();
        }
    }

    private void rounding(CheckContext ctx, BudgetGroups.Group g, BigDecimal granted, Set<String> reported) {
        BudgetGroups.Limit limit = g.limit();
        if (limit == null || limit.inconsistency() == null || ctx.wholeRefused()) {
            return;
        }
        String gemeente = ctx.gemeente().get().name();
        String name = ctx.onderdeelName(g.onderdeel());
        BigDecimal stated = limit.stated();
        if (limit.split()) {
            if (granted.compareTo(limit.installmentsSum()) < 0 || !reported.add(g.onderdeel())) {
                return;
            }
            BijlageEntry entry = ctx.regeling.bijlageEntry(g.onderdeel(), gemeente).orElseThrow();
            BigDecimal all = Money.ZERO;
            for (Map<Integer, BigDecimal> fg : entry.installmentsPerFocusgebied().values()) {
                all = all.add(Money.sum(fg.values()));
            }
            BigDecimal diff = Money.scale(all).subtract(stated);
            ctx.finding(BIJLAGE_AFRONDING).group(g.key()).field(totalField(g))
                    .message("De Bijlage vermeldt voor " + name + " van " + gemeente + " " + Money.format(stated)
                            + ", maar de termijnen per focusgebied tellen op tot " + Money.format(all) + " (verschil "
                            + Money.format(diff.abs()) + "). Het vermelde bedrag is het maximum per gemeente; per focusgebied wordt in de eigen"
                            + " termijnen betaald, voor " + g.focusgebied() + " samen " + Money.format(limit.installmentsSum()) + ".")
                    .input("Vermeld bedrag Bijlage (" + gemeente + ")", Money.format(stated))
                    .input("Som van de termijnen per focusgebied", Money.format(all))
                    .input("Termijnen " + g.focusgebied(), installmentsText(limit.installments()))
                    .step(Money.format(all) + " − " + Money.format(stated) + " = " + (diff.signum() < 0 ? "−" : "") + Money.format(diff.abs()))
                    .outcome("ter informatie")
                    .add();
            return;
        }
        BigDecimal base = limit.installmentsSum();
        if (granted.compareTo(base.min(stated)) < 0) {
            return; // not granted in full: the termijnen are scaled, no rounding difference to absorb
        }
        List<String> steps = new ArrayList<>();
        SortedMap<Integer, BigDecimal> paid = Installments.spread(granted, limit.installments(), stated, steps);
        int last = limit.installments().lastKey();
        BigDecimal diff = base.subtract(stated);
        CheckContext.Draft d = ctx.finding(BIJLAGE_AFRONDING).group(g.key()).field(yearField(g, last))
                .message("De termijnen die de Bijlage voor " + name + " van " + gemeente + " noemt (" + sumText(limit.installments())
                        + ") tellen niet op tot het vermelde bedrag van " + Money.format(stated) + " (verschil " + Money.format(diff.abs())
                        + "). Verleend wordt " + Money.format(granted) + "; de laatste termijn (" + last + ") wordt "
                        + Money.format(paid.get(last)) + " in plaats van " + Money.format(limit.installments().get(last))
                        + " (art. 13, vierde lid).")
                .input("Vermeld bedrag Bijlage", Money.format(stated))
                .input("Termijnen Bijlage", installmentsText(limit.installments()))
                .input("Te verlenen", Money.format(granted))
                .step(sumText(limit.installments()));
        steps.forEach(d::step);
        d.outcome("ter informatie").add();
    }

    static void requestedInputs(CheckContext.Draft d, BudgetGroups.Group g) {
        for (BudgetLine l : g.lines()) {
            d.input("Gevraagd (" + l.fieldPrefix() + ")", installmentsText(l.perYear()) + "; totaal " + Money.format(BudgetGroups.sumOf(l.perYear())));
        }
        if (g.lines().size() > 1) {
            d.input("Gevraagd totaal", Money.format(g.requested()));
        }
    }

    /** "2023: € 510.000; 2024: € 170.000; 2025: € 170.000". */
    static String installmentsText(Map<Integer, BigDecimal> m) {
        if (m == null || m.isEmpty()) {
            return "(geen)";
        }
        List<String> parts = new ArrayList<>();
        new java.util.TreeMap<>(m).forEach((y, v) -> parts.add(y + ": " + Money.format(v)));
        return String.join("; ", parts);
    }

    /** "€ 393.911 + € 411.816 = € 805.727". */
    static String sumText(Map<Integer, BigDecimal> m) {
        List<String> parts = new java.util.TreeMap<>(m).values().stream().map(Money::format).toList();
        return String.join(" + ", parts) + " = " + Money.format(Money.sum(m.values()));
    }

    static String totalField(BudgetGroups.Group g) {
        return g.lines().isEmpty() ? null : g.lines().get(0).fieldPrefix() + ".totaal";
    }

    /** The field of the first row of the group with an amount in that year (else the first row's). */
    static String yearField(BudgetGroups.Group g, int year) {
        for (BudgetLine l : g.lines()) {
            BigDecimal v = l.perYear() == null ? null : l.perYear().get(year);
            if (v != null && v.signum() != 0) {
                return l.fieldPrefix() + "." + year;
            }
        }
        return g.lines().isEmpty() ? null : g.lines().get(0).fieldPrefix() + "." + year;
    }
}
