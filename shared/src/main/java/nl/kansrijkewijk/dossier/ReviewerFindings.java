package nl.kansrijkewijk.dossier;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.kansrijkewijk.aanvraag.Aanvraag;
import nl.kansrijkewijk.aanvraag.Activity;
import nl.kansrijkewijk.finding.Finding;
import nl.kansrijkewijk.finding.Judgements;
import nl.kansrijkewijk.finding.RuleCatalogue;
import nl.kansrijkewijk.finding.Severity;
import nl.kansrijkewijk.finding.Trail;
import nl.kansrijkewijk.money.DutchDates;
import nl.kansrijkewijk.money.Money;

/**
 * Turns beoordelingen into findings the existing decision arithmetic understands: a waarschuwing turned into an
 * afwijzing becomes a {@code BEOORDELING-AFWIJZING} finding with the reviewer's amount, reason and article, an
 * art. 12 "nee" a {@code BEOORDELING-ART12-NEE} refusal of the activity; akkoord, niet van toepassing, art. 12
 * "ja" and free motivering become info findings whose trail says who decided what and when. The product's own
 * findings stay as they were (the workpapers show both).
 *
 * <p>One adjustment keeps the arithmetic right: the excess over a maximum was computed before the reviewer
 * refused anything, so a reviewer's refusal in that group lowers the excess by the same amount (never below
 * zero) — refusing € 20.000 of a request € 10.000 over its maximum leaves nothing over the maximum, not € 30.000
 * refused.
 */
public final class ReviewerFindings {
    public static final String AFWIJZING = "BEOORDELING-AFWIJZING";
    public static final String AKKOORD = "BEOORDELING-AKKOORD";
    public static final String NVT = "BEOORDELING-NVT";
    public static final String ART12_JA = "BEOORDELING-ART12-JA";
    public static final String ART12_NEE = "BEOORDELING-ART12-NEE";
    public static final String MOTIVERING = "BEOORDELING-MOTIVERING";
    static final String MAXIMUM = "MAXIMUM-OVERSCHREDEN";
    private static final Pattern EXCESS_SENTENCE = Pattern.compile("Het meerdere, (€ [^,]+), wordt afgewezen[^.]*\\.");

    private final RuleCatalogue catalogue;

    public ReviewerFindings(RuleCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** The result: the findings to decide on, and the judgements that no longer match a finding. */
    public record Result(List<Finding> findings, List<String> vervallen) {}

    /** The judgements in effect: per finding id and per activity the latest in event order wins. */
    record Effective(Map<String, Judged<Beoordeling.BevindingOordeel>> bevindingen,
                     Map<Integer, Judged<Beoordeling.ActiviteitOordeel>> activiteiten,
                     List<Judged<String>> motivering) {
        static Effective of(List<Beoordeling> beoordelingen) {
            Map<String, Judged<Beoordeling.BevindingOordeel>> b = new LinkedHashMap<>();
            Map<Integer, Judged<Beoordeling.ActiviteitOordeel>> a = new LinkedHashMap<>();
            List<Judged<String>> m = new ArrayList<>();
            for (Beoordeling x : beoordelingen) {
                x.bevindingen().forEach(o -> b.put(o.bevinding(), new Judged<>(o, x)));
                x.activiteiten().forEach(o -> a.put(o.activiteit(), new Judged<>(o, x)));
                x.motivering().forEach(t -> m.add(new Judged<>(t, x)));
            }
            return new Effective(b, a, m);
        }
    }

    record Judged<T>(T oordeel, Beoordeling by) {}

    /**
     * The judgements on findings that are not an aanvraag's (the vaststelling's VJ- findings): only the findings the
     * beoordelingen add — akkoord, niet van toepassing and motivering as info, a refusal with the reviewer's amount
     * for the onderdeel (and focusgebied) of the finding. Art. 12 judgements have no activity to apply to here and
     * are listed as vervallen.
     */
    public Result judge(List<Finding> findings, List<Beoordeling> beoordelingen) {
        Result r = apply(findings, null, beoordelingen);
        return new Result(List.copyOf(r.findings().subList(findings.size(), r.findings().size())), r.vervallen());
    }

    public Result apply(List<Finding> findings, Aanvraag aanvraag, List<Beoordeling> beoordelingen) {
        Effective eff = Effective.of(beoordelingen);
        List<String> ids = FindingIds.of(findings);
        Map<String, Finding> byId = new LinkedHashMap<>();
        for (int i = 0; i < findings.size(); i++) {
            byId.put(ids.get(i), findings.get(i));
        }
        Map<Integer, BigDecimal> refusedPerActivity = new HashMap<>();
        for (Finding f : findings) {
            if (f.activity() != null && f.refusedAmount() != null && f.severity() == Severity.AFWIJZING) {
                refusedPerActivity.merge(f.activity(), f.refusedAmount(), BigDecimal::add);
            }
        }

        List<Finding> added = new ArrayList<>();
        List<String> vervallen = new ArrayList<>();
        for (var e : eff.bevindingen().entrySet()) {
            Finding f = byId.get(e.getKey());
            if (f == null) {
                vervallen.add(e.getKey());
                continue;
            }
            Beoordeling.BevindingOordeel o = e.getValue().oordeel();
            Beoordeling by = e.getValue().by();
            switch (o.oordeel()) {
                case AKKOORD -> added.add(info(AKKOORD, f, e.getKey(), by,
                        "De beoordelaar heeft de " + f.severity().label() + " " + f.rule() + " gezien en aanvaard"
                                + (blank(o.reden()) ? "." : ": " + o.reden().strip()), o));
                case NIET_VAN_TOEPASSING -> added.add(info(NVT, f, e.getKey(), by,
                        "Volgens de beoordelaar is " + f.rule() + " niet van toepassing: " + nvl(o.reden()).strip(), o));
                case AFWIJZEN -> refusal(f, e.getKey(), by, o, aanvraag, refusedPerActivity).ifPresent(added::add);
            }
        }
        for (var e : eff.activiteiten().entrySet()) {
            activity(aanvraag, e.getKey()).ifPresentOrElse(
                    a -> added.add(art12(a, e.getValue().oordeel(), e.getValue().by(), aanvraag, refusedPerActivity)),
                    () -> vervallen.add("activiteit " + e.getKey()));
        }
        for (Judged<String> m : eff.motivering()) {
            Trail t = by(Trail.builder(), m.by()).input("Aanvulling op de motivering", m.oordeel())
                    .outcome("opgenomen in de motivering van de brief");
            added.add(new Finding(MOTIVERING, catalogue.get(MOTIVERING).article(), catalogue.severity(MOTIVERING),
                    m.oordeel().strip(), null, t, null, null, null, null));
        }

        List<Finding> out = new ArrayList<>();
        for (Finding f : findings) {
            out.add(MAXIMUM.equals(f.rule()) ? lowerExcess(f, added) : f);
        }
        out.addAll(added);
        return new Result(out, vervallen);
    }

    private Optional<Finding> refusal(Finding f, String id, Beoordeling by, Beoordeling.BevindingOordeel o,
                                      Aanvraag aanvraag, Map<Integer, BigDecimal> refusedPerActivity) {
        Optional<Activity> act = f.activity() == null ? Optional.empty() : activity(aanvraag, f.activity());
        String onderdeel = f.onderdeel() != null ? f.onderdeel() : act.map(Activity::onderdeel).orElse(null);
        String focusgebied = f.focusgebied() != null ? f.focusgebied() : act.map(Activity::focusgebied).orElse(null);
        BigDecimal amount = Money.scale(o.bedrag() == null ? BigDecimal.ZERO : o.bedrag());
        Trail.Builder t = by(Trail.builder(), by)
                .input("Bevinding", id + " (" + f.severity().label() + ", " + f.article() + ")")
                .input(Judgements.JUDGED_RULE, f.rule())
                .input(Judgements.OORDEEL, o.oordeel().label())
                .input("Bedrag volgens de beoordelaar", Money.format(amount))
                .input("Reden", nvl(o.reden()));
        if (act.isPresent()) {
            BigDecimal room = act.get().total().subtract(refusedPerActivity.getOrDefault(f.activity(), Money.ZERO)).max(Money.ZERO);
            if (amount.compareTo(room) > 0) {
                t.step("begrensd op wat van activiteit " + f.activity() + " nog niet is afgewezen: " + Money.format(room));
                amount = room;
            }
            refusedPerActivity.merge(f.activity(), amount, BigDecimal::add);
        }
        if (onderdeel == null || amount.signum() <= 0) {
            return Optional.empty();
        }
        String article = blank(o.artikel()) ? f.article() : o.artikel().strip();
        String reason = sentence(o.reden());
        return Optional.of(new Finding(AFWIJZING, article, catalogue.severity(AFWIJZING), reason,
                f.location(), t.outcome("afgewezen door de beoordelaar: " + Money.format(amount)),
                onderdeel, focusgebied, f.activity(), amount));
    }

    private Finding art12(Activity a, Beoordeling.ActiviteitOordeel o, Beoordeling by, Aanvraag aanvraag,
                          Map<Integer, BigDecimal> refusedPerActivity) {
        String label = "activiteit " + a.number() + (blank(a.name()) ? "" : " (" + a.name().strip() + ")");
        Trail.Builder t = by(Trail.builder(), by)
                .input("Activiteit", label)
                .input("Bijdrage aan de doelen van art. 2, eerste lid, verwacht", o.bijdrageVerwacht() ? "ja" : "nee")
                .input("Reden", nvl(o.reden()))
                .input(Judgements.JUDGED_ARTICLE, "art. 12")
                .input(Judgements.OORDEEL, "oordeel artikel 12");
        var location = aanvraag.source() == null ? null : aanvraag.source().location(a.fieldPrefix() + ".onderbouwing");
        if (o.bijdrageVerwacht()) {
            return new Finding(ART12_JA, catalogue.get(ART12_JA).article(), catalogue.severity(ART12_JA),
                    "De beoordelaar verwacht dat " + label + " bijdraagt aan de doelen van de regeling"
                            + (blank(o.reden()) ? "." : ": " + o.reden().strip()),
                    location, t.outcome("bijdrage verwacht"), a.onderdeel(), a.focusgebied(), a.number(), null);
        }
        BigDecimal room = a.total().subtract(refusedPerActivity.getOrDefault(a.number(), Money.ZERO)).max(Money.ZERO);
        refusedPerActivity.merge(a.number(), room, BigDecimal::add);
        t.step("activiteit " + a.number() + ": begroting " + Money.format(a.total()) + ", nog niet afgewezen "
                + Money.format(room));
        String message = "Ik verwacht niet dat " + label + " zal bijdragen aan de doelen, genoemd in artikel 2, eerste "
                + "lid, van de regeling" + (blank(o.reden()) ? "." : ": " + o.reden().strip()
                + (o.reden().strip().endsWith(".") ? "" : "."));
        return new Finding(ART12_NEE, catalogue.get(ART12_NEE).article(), catalogue.severity(ART12_NEE), message,
                location, t.outcome("afgewezen: " + Money.format(room)), a.onderdeel(), a.focusgebied(), a.number(),
                room.signum() > 0 ? room : null);
    }

    private Finding info(String rule, Finding f, String id, Beoordeling by, String message,
                         Beoordeling.BevindingOordeel o) {
        Trail t = by(Trail.builder(), by)
                .input("Bevinding", id + " (" + f.severity().label() + ", " + f.article() + ")")
                .input(Judgements.JUDGED_RULE, f.rule())
                .input(Judgements.OORDEEL, o.oordeel().label())
                .input("Reden", nvl(o.reden()))
                .outcome(o.oordeel().label());
        return new Finding(rule, f.article(), catalogue.severity(rule), message, f.location(), t, f.onderdeel(),
                f.focusgebied(), f.activity(), null);
    }

    /** The excess over the maximum, less what the reviewer refused in the same group. */
    private static Finding lowerExcess(Finding max, List<Finding> added) {
        if (max.refusedAmount() == null || max.refusedAmount().signum() <= 0) {
            return max;
        }
        BigDecimal reviewer = added.stream()
                .filter(f -> f.severity() == Severity.AFWIJZING && f.refusedAmount() != null)
                .filter(f -> Objects.equals(f.onderdeel(), max.onderdeel())
                        && (max.focusgebied() == null || Objects.equals(max.focusgebied(), f.focusgebied())))
                .map(Finding::refusedAmount).reduce(Money.ZERO, BigDecimal::add);
        if (reviewer.signum() == 0) {
            return max;
        }
        BigDecimal excess = Money.scale(max.refusedAmount().subtract(reviewer).max(Money.ZERO));
        String change = excess.signum() > 0
                ? "Na wat de beoordelaar afwijst (" + Money.format(reviewer) + ") is het meerdere "
                        + Money.format(excess) + "; dat wordt afgewezen."
                : "Na wat de beoordelaar afwijst (" + Money.format(reviewer) + ") blijft het aangevraagde binnen het "
                        + "maximum; boven het maximum wordt niets meer afgewezen.";
        Matcher m = EXCESS_SENTENCE.matcher(max.message());
        String message = m.find() ? max.message().substring(0, m.start()) + change + max.message().substring(m.end())
                : max.message() + " " + change;
        Trail old = max.trail();
        List<String> steps = new ArrayList<>(old == null ? List.of() : old.computation());
        steps.add(Money.format(max.refusedAmount()) + " − " + Money.format(reviewer) + " (afgewezen door de beoordelaar) = "
                + Money.format(excess) + " boven het maximum");
        Trail trail = new Trail(old == null ? Map.of() : old.inputs(), steps,
                excess.signum() > 0 ? "afgewezen: " + Money.format(excess) : "niets boven het maximum");
        return new Finding(max.rule(), max.article(), max.severity(), message.strip(), max.location(), trail,
                max.onderdeel(), max.focusgebied(), max.activity(), excess.signum() > 0 ? excess : null);
    }

    private static Trail.Builder by(Trail.Builder t, Beoordeling b) {
        return t.input("Beoordeeld door", b.door().naam() + (blank(b.door().rol()) ? "" : " (" + b.door().rol() + ")"))
                .input("Datum", DutchDates.format(b.datum()));
    }

    static Optional<Activity> activity(Aanvraag a, int number) {
        return a == null || a.activities() == null ? Optional.empty()
                : a.activities().stream().filter(x -> x != null && x.number() == number).findFirst();
    }

    private static String sentence(String s) {
        String t = nvl(s).strip();
        return t.isEmpty() || t.endsWith(".") ? t : t + ".";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String nvl(String s) {
        return s == null ? "" : s;
    }
}
