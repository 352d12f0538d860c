package nl.kansrijkewijk.processing;

import java.math.BigDecimal;
import java.util.Map;
import nl.kansrijkewijk.besluit.Besluit;
import nl.kansrijkewijk.finding.Finding;
import nl.kansrijkewijk.finding.Severity;
import nl.kansrijkewijk.money.DutchDates;
import nl.kansrijkewijk.money.Money;

/** The findings and the decision outline as Dutch plain text for a terminal ({@code ./kw check}). */
public final class TextReport {
    private TextReport() {}

    public static String render(Evaluation e) {
        StringBuilder out = new StringBuilder();
        out.append("Document: ").append(e.documentName()).append('\n');
        if (!e.readable()) {
            out.append("Uitkomst: onleesbaar\n").append(e.error()).append('\n');
            return out.toString();
        }
        var a = e.aanvraag();
        var b = e.besluit();
        out.append("Gemeente: ").append(nvl(a.gemeente())).append(" (").append(nvl(a.gemeentecode())).append(")")
                .append(", focusgebied(en): ").append(String.join(", ", a.focusgebieden())).append('\n');
        out.append("Soort: ").append(a.kind() == null ? "—" : a.kind().name().toLowerCase())
                .append(", ingediend: ").append(DutchDates.format(a.submissionDate()))
                .append(", regeling: ").append(e.regeling().id()).append('\n');
        out.append("Termijn getoetst op: ").append(DutchDates.format(b.timelinessDate())).append(" (").append(b.timelinessBasis())
                .append(b.receivedOn() == null ? "; geef --ontvangen DATUM om op de datum van ontvangst te toetsen" : "").append(")\n");
        out.append("Kenmerk: ").append(b.kenmerk()).append(", beslissen uiterlijk (intern, niet de datum van de brief): ")
                .append(b.decisionDeadline() == null ? "—" : DutchDates.formatWithWeekday(b.decisionDeadline()))
                .append(" (").append(b.decisionDeadlineBasis()).append(")\n");
        out.append("Uitkomst: ").append(e.outcome()).append(" — ")
                .append(e.count(Severity.AFWIJZING)).append(" afwijzing(en), ")
                .append(e.count(Severity.WAARSCHUWING)).append(" waarschuwing(en), ")
                .append(e.count(Severity.INFO)).append(" info\n\n");

        out.append("BEVINDINGEN\n");
        if (e.findings().isEmpty()) {
            out.append("  geen\n");
        }
        for (Finding f : e.findings()) {
            out.append("  [").append(f.severity().label().toUpperCase()).append("] ").append(f.rule())
                    .append(" — ").append(f.article()).append('\n');
            out.append("    ").append(f.message()).append('\n');
            out.append("    vindplaats: ").append(f.location() == null ? "—" : f.location().describe()).append('\n');
            if (f.refusedAmount() != null) {
                out.append("    afgewezen bedrag: ").append(Money.format(f.refusedAmount())).append('\n');
            }
            if (f.trail() != null) {
                for (Map.Entry<String, String> in : f.trail().inputs().entrySet()) {
                    out.append("    · ").append(in.getKey()).append(": ").append(in.getValue()).append('\n');
                }
                for (String step : f.trail().computation()) {
                    out.append("    = ").append(step).append('\n');
                }
                out.append("    → ").append(f.trail().outcome()).append('\n');
            }
        }

        out.append("\nBESLUIT (concept)\n");
        if (b.rejectedWhole() != null) {
            out.append("  De aanvraag wordt afgewezen: ").append(b.rejectedWhole()).append('\n');
        }
        out.append(String.format("  %-46s %15s %15s %15s %15s %13s%n",
                "onderdeel", "aangevraagd", "maximum", "toegekend incl", "afgewezen", "btw"));
        for (Besluit.OnderdeelBesluit o : b.onderdelen()) {
            String naam = o.name() + (o.focusgebied() == null ? "" : " — " + o.focusgebied());
            out.append(String.format("  %-46s %15s %15s %15s %15s %13s%n", cut(naam, 46),
                    Money.format(o.requested()), Money.format(o.maximum()), Money.format(o.grantedInclBtw()),
                    Money.format(o.refused()), Money.format(o.btwComponent())));
            for (Besluit.Refusal r : o.refusals()) {
                out.append("      afgewezen ").append(Money.format(r.amount())).append(": ").append(r.reason())
                        .append(" (").append(r.article()).append(")\n");
            }
            out.append("      verleend excl. btw: ").append(Money.format(o.granted())).append("; voorschot per jaar: ").append(installments(o.installments())).append('\n');
        }
        out.append(String.format("  %-46s %15s %15s %15s %15s %13s%n", "totaal",
                Money.format(b.totalRequested()), "", Money.format(b.totalGrantedInclBtw()),
                Money.format(b.totalRefused()), Money.format(b.totalBtw())));
        out.append("  verleend exclusief btw (toegekend min btw-component) = voorschot 100 %: ").append(Money.format(b.totalGranted()))
                .append(" — ").append(installments(b.installments())).append('\n');
        return out.toString();
    }

    private static String installments(Map<Integer, BigDecimal> m) {
        StringBuilder s = new StringBuilder();
        m.forEach((y, v) -> s.append(s.isEmpty() ? "" : ", ").append(y).append(": ").append(Money.format(v)));
        return s.isEmpty() ? "—" : s.toString();
    }

    private static String cut(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }

    private static String nvl(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }
}
