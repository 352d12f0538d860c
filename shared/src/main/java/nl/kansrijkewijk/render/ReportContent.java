package nl.kansrijkewijk.render;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import nl.kansrijkewijk.aanvraag.Aanvraag;
import nl.kansrijkewijk.aanvraag.AanvraagKind;
import nl.kansrijkewijk.aanvraag.Activity;
import nl.kansrijkewijk.besluit.Besluit;
import nl.kansrijkewijk.check.Finding;
import nl.kansrijkewijk.check.Severity;
import nl.kansrijkewijk.money.DutchDates;
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

    /** One finding as the reviewer reads it. {@code refused} is null when the finding takes nothing off. */
    record Row(String severity, String rule, String article, String onderdeel, String focusgebied,
            String activity, String message, String location, BigDecimal refused, String inputs,
            String computation, String outcome, Severity level) {}

    final Besluit besluit;
    final Aanvraag aanvraag;
    final List<Finding> findings;
    final Regeling regeling;

    ReportContent(Besluit besluit, Aanvraag aanvraag, List<Finding> findings, Regeling regeling) {
        this.besluit = Objects.requireNonNull(besluit, "besluit");
        this.aanvraag = aanvraag;
        this.findings = findings == null ? List.of() : findings.stream().sorted(ORDER).toList();
        this.regeling = Objects.requireNonNull(regeling, "regeling");
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
                    f.severity()));
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

    /** Label/value pairs of the summary, in reading order; values are text (amounts formatted). */
    List<String[]> summary() {
        List<String[]> s = new ArrayList<>();
        Besluit b = besluit;
        if (aanvraag != null && aanvraag.source() != null) {
            s.add(pair("Document", aanvraag.source().document()));
            s.add(pair("Vorm", shape(aanvraag)));
            s.add(pair("SHA-256", aanvraag.source().sha256()));
        }
        if (aanvraag != null) {
            s.add(pair("Formulierversie", aanvraag.formVersion()));
        }
        s.add(pair("Gemeente", b.gemeente()));
        s.add(pair("Gemeentecode", b.gemeentecode()));
        s.add(pair("Focusgebied(en)", String.join(", ", Dutch.orEmpty(b.focusgebieden()))));
        s.add(pair("Soort", b.kind() == AanvraagKind.WIJZIGING ? "wijziging (art. 10, derde lid)"
                : "aanvraag (art. 10, eerste lid)"));
        if (b.kind() == AanvraagKind.WIJZIGING && aanvraag != null) {
            s.add(pair("Kenmerk verleningsbeschikking", aanvraag.verleningKenmerk()));
        }
        s.add(pair("Datum indiening", DutchDates.format(b.submissionDate())));
        s.add(pair("Kenmerk", b.kenmerk()));
        s.add(pair("Regeling", regeling.title() + " (" + regeling.citation() + "), versie " + b.regelingId()));
        s.add(pair("Beslissen uiterlijk", DutchDates.format(b.decisionDeadline()) + " (art. 13, eerste lid)"));
        s.add(pair("Periode", DutchDates.format(b.periodFrom()) + " t/m " + DutchDates.format(b.periodThrough())));
        s.add(pair("Uitkomst", outcome()));
        if (b.rejectedWhole() != null) {
            s.add(pair("Reden afwijzing", b.rejectedWhole()));
        }
        s.add(pair("Afwijzingen", Long.toString(count(Severity.AFWIJZING))));
        s.add(pair("Waarschuwingen", Long.toString(count(Severity.WAARSCHUWING))));
        s.add(pair("Info", Long.toString(count(Severity.INFO))));
        return s;
    }

    /** Label/amount pairs of the decision totals. */
    List<Map.Entry<String, BigDecimal>> totals() {
        Besluit b = besluit;
        return List.of(
                Map.entry("Aangevraagd", nz(b.totalRequested())),
                Map.entry("Toegekend incl. btw", nz(b.totalGrantedInclBtw())),
                Map.entry("Afgewezen", nz(b.totalRefused())),
                Map.entry("Btw-component (BTW-compensatiefonds)", nz(b.totalBtw())),
                Map.entry("Verleend excl. btw", nz(b.totalGranted())),
                Map.entry("Voorschot (100 %)", nz(b.totalVoorschot())));
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

    private static String[] pair(String label, String value) {
        return new String[] {label, value == null ? "" : value};
    }

    static BigDecimal nz(BigDecimal v) {
        return v == null ? Money.ZERO : v;
    }
}
