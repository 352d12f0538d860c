package nl.kansrijkewijk.render;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import nl.kansrijkewijk.aanvraag.Aanvraag;
import nl.kansrijkewijk.aanvraag.AanvraagKind;
import nl.kansrijkewijk.aanvraag.Activity;
import nl.kansrijkewijk.besluit.Besluit;
import nl.kansrijkewijk.config.Afzender;
import nl.kansrijkewijk.finding.Finding;
import nl.kansrijkewijk.finding.Severity;
import nl.kansrijkewijk.money.Money;
import nl.kansrijkewijk.regeling.Regeling;

/**
 * What the reviewer's report says, independent of its format (workbook or HTML page): the findings as rows
 * in a fixed order, and the summary lines. Values stay plain strings here; each writer escapes them for its
 * own format.
 */
final class ReportContent {
    /** Column headers of the findings table, in order. */
    static final List<String> FINDING_COLUMNS = List.of("Ernst", "Regel", "Artikel", "Onderdeel", "Focusgebied",
            "Activiteit", "Melding", "Vindplaats", "Afgewezen bedrag", "Invoer", "Berekening", "Uitkomst",
            "Afgehandeld (beoordelaar)");

    /**
     * Most serious first; then the form's order (onderdeel, focusgebied, activity), then rule id, so that
     * equal input always gives the same order.
     */
    static final Comparator<Finding> ORDER = Comparator
            .comparing((Finding f) -> f.severity() == null ? Severity.INFO : f.severity())
            .thenComparingInt(f -> Dutch.onderdeelOrder(f.onderdeel()))
            .thenComparing(f -> f.focusgebied() == null ? "" : f.focusgebied())
            .thenComparingInt(f -> f.activity() == null ? -1 : f.activity())
            .thenComparing(f -> f.rule() == null ? "" : f.rule())
            .thenComparing(f -> f.location() == null || f.location().field() == null ? "" : f.location().field());

    /**
     * One finding as the reviewer reads it. {@code refused} is null when the finding takes nothing off;
     * {@code document} and {@code page} say where in the upload, for a link.
     */
    record Row(String severity, String rule, String article, String onderdeel, String focusgebied,
            String activity, String message, String location, BigDecimal refused, String inputs,
            String computation, String outcome, Severity level, String document, Integer page) {}

    /** A summary line: the value is text, a {@link LocalDate} or an amount ({@link BigDecimal}). */
    record Item(String label, Object value) {}

    /** One activity of section C with what the decision and the findings say about it. */
    record ActivityRow(int number, String onderdeel, String focusgebied, String name, String kind,
            String description, String onderbouwing, SortedMap<Integer, BigDecimal> budget, BigDecimal total,
            BigDecimal refused, String findings) {}

    final Besluit besluit;
    final Aanvraag aanvraag;
    final List<Finding> findings;
    final Regeling regeling;
    final Afzender afzender;

    ReportContent(Besluit besluit, Aanvraag aanvraag, List<Finding> findings, Regeling regeling, Afzender afzender) {
        this.besluit = Objects.requireNonNull(besluit, "besluit");
        this.aanvraag = aanvraag;
        this.findings = findings == null ? List.of() : findings.stream().sorted(ORDER).toList();
        this.regeling = Objects.requireNonNull(regeling, "regeling");
        this.afzender = afzender;
    }

    List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (Finding f : findings) {
            rows.add(new Row(
                    f.severity() == null ? "" : f.severity().label(),
                    f.rule(),
                    f.article(),
                    onderdeel(f.onderdeel()),
                    f.focusgebied(),
                    activity(f.activity()),
                    f.message(),
                    f.location() == null ? "" : f.location().describe(),
                    f.refusedAmount(),
                    f.trail() == null ? "" : inputs(f.trail().inputs()),
                    f.trail() == null ? "" : String.join("\n", f.trail().computation()),
                    f.trail() == null ? "" : f.trail().outcome(),
                    f.severity(),
                    f.location() == null ? null : f.location().document(),
                    f.location() == null ? null : f.location().page()));
        }
        return rows;
    }

    /** Waarschuwingen the reviewer must clear before the beschikking is signed. */
    List<Row> openWarnings() {
        return rows().stream().filter(r -> r.level() == Severity.WAARSCHUWING).toList();
    }

    long count(Severity s) {
        return findings.stream().filter(f -> f.severity() == s).count();
    }

    /** toekenning / gedeeltelijke afwijzing / afwijzing, as the pipeline's summary calls them. */
    String outcome() {
        if (besluit.rejectedWhole() != null || besluit.totalGrantedInclBtw().signum() == 0) {
            return "afwijzing";
        }
        return besluit.totalRefused() != null && besluit.totalRefused().signum() > 0 ? "gedeeltelijke afwijzing"
                : "toekenning";
    }

    /** The summary, in reading order; dates as dates, so the workbook can hold real date cells. */
    List<Item> summary() {
        List<Item> s = new ArrayList<>();
        Besluit b = besluit;
        if (aanvraag != null && aanvraag.source() != null) {
            s.add(new Item("Document", aanvraag.source().document()));
            s.add(new Item("Vorm", shape(aanvraag)));
            s.add(new Item("SHA-256", aanvraag.source().sha256()));
        }
        if (aanvraag != null) {
            s.add(new Item("Formulierversie", aanvraag.formVersion()));
        }
        s.add(new Item("Gemeente", b.gemeente()));
        s.add(new Item("Gemeentecode", b.gemeentecode()));
        s.add(new Item("Focusgebied(en)", String.join(", ", Dutch.orEmpty(b.focusgebieden()))));
        s.add(new Item("Soort", b.kind() == AanvraagKind.WIJZIGING ? "wijziging (art. 10, derde lid)"
                : "aanvraag (art. 10, eerste lid)"));
        if (b.kind() == AanvraagKind.WIJZIGING && aanvraag != null) {
            s.add(new Item("Kenmerk verleningsbeschikking", aanvraag.verleningKenmerk()));
        }
        s.add(new Item("Datum indiening", b.submissionDate()));
        s.add(new Item("Kenmerk", b.kenmerk()));
        s.add(new Item("Regeling", regeling.title() + " (" + regeling.citation() + "), versie " + b.regelingId()));
        s.add(new Item("Beslissen uiterlijk (art. 13, eerste lid)", b.decisionDeadline()));
        s.add(new Item("Periode van", b.periodFrom()));
        s.add(new Item("Periode tot en met", b.periodThrough()));
        s.add(new Item("Uitkomst", outcome()));
        if (b.rejectedWhole() != null) {
            s.add(new Item("Reden afwijzing", b.rejectedWhole()));
        }
        if (b.wijziging() != null) {
            Besluit.WijzigingBesluit w = b.wijziging();
            s.add(new Item("Wijziging", w.refused() ? "afgewezen: de verleningsbeschikking blijft ongewijzigd"
                    : "toegekend: de verleningsbeschikking wordt gewijzigd"));
            s.add(new Item("Eerder verleend volgens", w.previousSource()));
            s.add(new Item("Termijnen betaald tot en met", w.paidThrough()));
            s.add(new Item("Eerder verleend (excl. btw)", w.totalPreviousGranted()));
            s.add(new Item("Al betaald (excl. btw)", w.totalAlreadyPaid()));
            s.add(new Item("Nieuw verleend (excl. btw)", w.totalNewlyGranted()));
            s.add(new Item("Verschil verleend (excl. btw)",
                    w.totalNewlyGranted() == null || w.totalPreviousGranted() == null ? null
                            : w.totalNewlyGranted().subtract(w.totalPreviousGranted())));
            s.add(new Item("Nog te betalen (excl. btw)", w.totalStillToPay()));
            s.add(new Item("Te verrekenen bij de vaststelling (excl. btw)", w.totalToSettle()));
            s.add(new Item("Gevraagde wijziging (incl. btw)", w.totalChangeInclBtw()));
        }
        s.add(new Item("Afwijzingen", Long.toString(count(Severity.AFWIJZING))));
        s.add(new Item("Waarschuwingen", Long.toString(count(Severity.WAARSCHUWING))));
        s.add(new Item("Info", Long.toString(count(Severity.INFO))));
        String defaults = String.join("; ", configurationDefaults());
        if (!defaults.isEmpty()) {
            s.add(new Item("Standaardwaarden in de brief (controleren)", defaults));
        }
        return s;
    }

    /**
     * What the letter prints from configuration that is a stand-in, not the true value (README "Configuration"):
     * the reviewer checks these before signing.
     */
    List<String> configurationDefaults() {
        List<String> out = new ArrayList<>();
        if (afzender != null) {
            afzender.defaults().forEach(d -> out.add("afzender " + d));
        }
        if (regeling.sisa() != null && regeling.sisa().isDefault()) {
            out.add("SiSa-uitkeringscode en indicatorcodes (" + regeling.sisa().uitkeringscode() + ")");
        }
        if (regeling.deadlines() != null && regeling.deadlines().paymentMoments().isDefault()) {
            out.add("betaalmomenten per jaar");
        }
        return out;
    }

    /** Section C's activities in form order, each with its budget, the amount refused and its findings. */
    List<ActivityRow> activities() {
        List<ActivityRow> out = new ArrayList<>();
        if (aanvraag == null || aanvraag.activities() == null) {
            return out;
        }
        List<Activity> sorted = aanvraag.activities().stream()
                .sorted(Comparator.comparingInt(Activity::number)).toList();
        for (Activity a : sorted) {
            BigDecimal refused = null;
            for (Besluit.OnderdeelBesluit o : besluit.onderdelen()) {
                for (Besluit.Refusal f : Dutch.orEmpty(o.refusals())) {
                    if (f.activity() != null && f.activity() == a.number() && f.amount() != null) {
                        refused = (refused == null ? Money.ZERO : refused).add(f.amount());
                    }
                }
            }
            List<String> own = new ArrayList<>();
            for (Finding f : findings) {
                if (f.activity() != null && f.activity() == a.number()) {
                    own.add((f.severity() == null ? "" : f.severity().label() + ": ") + f.rule() + " — "
                            + f.message());
                }
            }
            out.add(new ActivityRow(a.number(), onderdeel(a.onderdeel()), a.focusgebied(), a.name(),
                    a.kind() == null ? null : switch (a.kind()) {
                        case NIEUW -> "nieuw";
                        case UITBREIDING -> "uitbreiding";
                        case VOORTZETTING -> "voortzetting";
                    },
                    a.description(), a.onderbouwing(),
                    a.budget() == null ? new java.util.TreeMap<>() : new java.util.TreeMap<>(a.budget()),
                    a.budget() == null ? null : a.total(), refused, String.join("\n", own)));
        }
        return out;
    }

    /** Label/amount pairs of the decision totals. */
    List<Map.Entry<String, BigDecimal>> totals() {
        Besluit b = besluit;
        return List.of(
                Map.entry("Aangevraagd (incl. btw)", nz(b.totalRequested())),
                Map.entry("Toegekend (incl. btw)", nz(b.totalGrantedInclBtw())),
                Map.entry("Afgewezen (incl. btw)", nz(b.totalRefused())),
                Map.entry("Btw-component", nz(b.totalBtw())),
                Map.entry("Verleend (excl. btw) = voorschot", nz(b.totalGranted())));
    }

    /** Years of the termijnen across all groups, in order. */
    List<Integer> years() {
        java.util.TreeSet<Integer> ys = new java.util.TreeSet<>(regeling.years());
        for (Besluit.OnderdeelBesluit o : besluit.onderdelen()) {
            if (o.installmentsInclBtw() != null) {
                ys.addAll(o.installmentsInclBtw().keySet());
            }
        }
        return List.copyOf(ys);
    }

    String onderdeel(String code) {
        if (code == null) {
            return "";
        }
        return regeling.onderdeel(code).map(o -> code + " — " + o.name()).orElse(code);
    }

    String activity(Integer number) {
        if (number == null) {
            return "";
        }
        String name = aanvraag == null || aanvraag.activities() == null ? null
                : aanvraag.activities().stream().filter(a -> a.number() == number).map(Activity::name)
                        .filter(Objects::nonNull).findFirst().orElse(null);
        return name == null || name.isBlank() ? Integer.toString(number) : number + " — " + name.strip();
    }

    private static String inputs(Map<String, String> inputs) {
        StringBuilder b = new StringBuilder();
        inputs.forEach((k, v) -> b.append(b.isEmpty() ? "" : "\n").append(k).append(": ").append(v));
        return b.toString();
    }

    private static String shape(Aanvraag a) {
        if (a.source().shape() == null) {
            return "";
        }
        return switch (a.source().shape()) {
            case PDF_FORM -> "PDF-formulier (invulvelden)";
            case PDF_FLATTENED -> "PDF zonder invulvelden (afgedrukt/platgeslagen)";
            case XLSX -> "Excel-werkmap";
        };
    }

    static BigDecimal nz(BigDecimal v) {
        return v == null ? Money.ZERO : v;
    }
}
