package nl.kansrijkewijk.render;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.kansrijkewijk.aanvraag.Aanvraag;
import nl.kansrijkewijk.besluit.Besluit;
import nl.kansrijkewijk.besluit.Besluit.OnderdeelBesluit;
import nl.kansrijkewijk.besluit.Besluit.Refusal;
import nl.kansrijkewijk.config.Afzender;
import nl.kansrijkewijk.config.AfzenderLoader;
import nl.kansrijkewijk.finding.Finding;
import nl.kansrijkewijk.finding.Severity;
import nl.kansrijkewijk.finding.Texts;
import nl.kansrijkewijk.money.DutchDates;
import nl.kansrijkewijk.money.Money;
import nl.kansrijkewijk.regeling.Regeling;

/**
 * Writes bevindingen.html: the same content as bevindingen.xlsx as one self-contained, accessible page
 * (lang nl, headings, captioned tables with header cells, no script, no external resources, a Content
 * Security Policy that forbids both) for a reviewer without a spreadsheet program or with a screen reader.
 * Every text is escaped; same input, same bytes.
 */
public final class ReportHtmlWriter {
    public static final String FILE_NAME = "bevindingen.html";

    private static final String CSS = """
            body{font-family:"DejaVu Sans",Verdana,Arial,sans-serif;font-size:15px;line-height:1.45;color:#111;\
            margin:1.5rem auto;max-width:100rem;padding:0 1rem}
            h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:2px solid #dce6f1}
            .intern{font-weight:bold;color:#8b0000}
            table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem;font-size:.9rem}
            caption{text-align:left;font-weight:bold;padding:.3rem 0}
            th,td{border:1px solid #999;padding:.3rem .45rem;vertical-align:top;text-align:left;\
            overflow-wrap:break-word;word-break:normal;hyphens:manual}
            table.findings{table-layout:fixed;font-size:.9rem}
            table.findings col.ernst{width:8rem}table.findings col.regel{width:10rem}\
            table.findings col.betreft{width:14rem}table.findings col.vindplaats{width:10.5rem}\
            table.findings col.bedrag{width:6.5rem}table.findings col.trail{width:8.5rem}
            .rule{display:block;font-size:.8rem;color:#444}
            details summary{cursor:pointer;color:#1a5fb4}
            details[open]{min-width:20rem}
            thead th{background:#dce6f1}
            td.num,th.num{text-align:right}td.num{white-space:nowrap}
            tr.afwijzing td:first-child{background:#f8d7da;font-weight:bold}
            tr.waarschuwing td:first-child{background:#ffebc2;font-weight:bold}
            tr.info td:first-child{background:#e3f0fa}
            tr.total th,tr.total td{font-weight:bold;background:#f3f3f3}
            dl.summary{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}
            dl.summary dt{font-weight:bold}dl.summary dd{margin:0}
            ul.trail,ol.trail{margin:0;padding-left:1.1rem}
            a:focus,a:hover{outline:2px solid #1a5fb4}
            @media print{h2{page-break-after:avoid}tr{page-break-inside:avoid}}
            """;

    private final Afzender afzender;

    public ReportHtmlWriter() {
        this(AfzenderLoader.standard());
    }

    public ReportHtmlWriter(Afzender afzender) {
        this.afzender = afzender;
    }

    public byte[] write(Besluit besluit, Aanvraag aanvraag, List<Finding> findings, Regeling regeling) {
        ReportContent c = new ReportContent(besluit, aanvraag, findings, regeling, afzender);
        Xhtml x = new Xhtml();
        String title = "Bevindingen — gemeente " + besluit.gemeente() + " — " + besluit.kenmerk();
        x.raw("<!DOCTYPE html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\"/>")
                .raw("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                        + "style-src 'unsafe-inline'\"/>")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>")
                .element("title", null, title)
                .raw("<style>").raw(CSS).raw("</style></head><body>");
        x.raw("<header>").element("p", "intern", "Intern werkdocument voor de beoordelaar — geen onderdeel van de "
                + "beschikking.").element("h1", null, title).raw("</header>");
        x.raw("<nav aria-label=\"Inhoud\"><ul>")
                .raw("<li><a href=\"#samenvatting\">Samenvatting</a></li>")
                .raw("<li><a href=\"#waarschuwingen\">Waarschuwingen om af te handelen</a></li>")
                .raw("<li><a href=\"#bevindingen\">Alle bevindingen</a></li>")
                .raw("<li><a href=\"#besluit\">Besluit (concept)</a></li>")
                .raw("</ul></nav><main>");
        summary(x, c);
        warnings(x, c);
        findingsTable(x, c);
        besluit(x, c);
        x.raw("</main></body></html>\n");
        return x.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void summary(Xhtml x, ReportContent c) {
        x.raw("<section aria-labelledby=\"samenvatting\"><h2 id=\"samenvatting\">Samenvatting</h2><dl class=\"summary\">");
        for (ReportContent.Item p : c.summary()) {
            Object v = p.value();
            String text = v instanceof LocalDate d ? DutchDates.format(d)
                    : v instanceof BigDecimal b ? Money.format(b) : v == null ? "" : v.toString();
            x.element("dt", null, p.label()).element("dd", null, text);
        }
        x.raw("</dl><table><caption>Bedragen</caption><tbody>");
        for (Map.Entry<String, BigDecimal> t : c.totals()) {
            x.raw("<tr><th scope=\"row\">").text(t.getKey()).raw("</th><td class=\"num\">")
                    .text(Money.format(t.getValue())).raw("</td></tr>");
        }
        x.raw("</tbody></table></section>");
    }

    private static void warnings(Xhtml x, ReportContent c) {
        x.raw("<section aria-labelledby=\"waarschuwingen\"><h2 id=\"waarschuwingen\">Waarschuwingen om af te "
                + "handelen vóór ondertekening</h2>");
        List<ReportContent.Row> open = c.openWarnings();
        if (open.isEmpty()) {
            x.element("p", null, "Geen waarschuwingen.");
        } else {
            x.raw("<ol>");
            for (ReportContent.Row w : open) {
                x.raw("<li>").element("strong", null, w.rule()).text(" (" + nz(w.article()) + "): ")
                        .text(w.message()).text(" — " + w.location()).raw("</li>");
            }
            x.raw("</ol>");
        }
        x.raw("</section>");
    }

    /**
     * The findings in a table that reads at 1280 px: what the finding is about in one column, the trail folded in
     * a {@code <details>}, no column that is empty for every row, words broken only between words (a field key
     * may wrap at its dots), and a vindplaats that links to the page of the upload.
     */
    private static void findingsTable(Xhtml x, ReportContent c) {
        x.raw("<section aria-labelledby=\"bevindingen\"><h2 id=\"bevindingen\">Alle bevindingen</h2>");
        List<ReportContent.Row> rows = c.rows();
        x.element("p", null, rows.size() + " bevinding(en): " + c.count(Severity.AFWIJZING) + " afwijzing(en), "
                + c.count(Severity.WAARSCHUWING) + " waarschuwing(en), " + c.count(Severity.INFO)
                + " info. De ernstigste staan bovenaan. De vindplaats opent de upload op de pagina, als die naast "
                + "dit bestand staat.");
        boolean about = rows.stream().anyMatch(r -> !blank(r.onderdeel()) || !blank(r.focusgebied())
                || !blank(r.activity()));
        boolean amount = rows.stream().anyMatch(r -> r.refused() != null);
        boolean trail = rows.stream().anyMatch(r -> !blank(r.inputs()) || !blank(r.computation())
                || !blank(r.outcome()));
        x.raw("<table class=\"findings\"><caption>Bevindingen, gesorteerd op ernst</caption><colgroup>")
                .raw("<col class=\"ernst\"/><col class=\"regel\"/>");
        if (about) {
            x.raw("<col class=\"betreft\"/>");
        }
        x.raw("<col class=\"melding\"/><col class=\"vindplaats\"/>");
        if (amount) {
            x.raw("<col class=\"bedrag\"/>");
        }
        if (trail) {
            x.raw("<col class=\"trail\"/>");
        }
        x.raw("</colgroup><thead><tr><th scope=\"col\">Ernst</th><th scope=\"col\">Artikel en regel</th>");
        if (about) {
            x.raw("<th scope=\"col\">Betreft</th>");
        }
        x.raw("<th scope=\"col\">Melding</th><th scope=\"col\">Vindplaats</th>");
        if (amount) {
            x.raw("<th scope=\"col\" class=\"num\">Afgewezen</th>");
        }
        if (trail) {
            x.raw("<th scope=\"col\">Toelichting</th>");
        }
        x.raw("</tr></thead><tbody>");
        for (ReportContent.Row r : rows) {
            x.raw("<tr class=\"").text(r.severity()).raw("\">");
            x.element("td", null, r.severity());
            x.raw("<td>").text(nz(r.article())).raw("<span class=\"rule\">").text(r.rule()).raw("</span></td>");
            if (about) {
                x.raw("<td>");
                List<String> parts = new ArrayList<>();
                if (!blank(r.onderdeel())) {
                    parts.add(r.onderdeel());
                }
                if (!blank(r.focusgebied())) {
                    parts.add("focusgebied " + r.focusgebied());
                }
                if (!blank(r.activity())) {
                    parts.add("activiteit " + r.activity());
                }
                x.text(String.join("; ", parts)).raw("</td>");
            }
            x.element("td", null, r.message());
            x.raw("<td>");
            vindplaats(x, r);
            x.raw("</td>");
            if (amount) {
                x.element("td", "num", r.refused() == null ? "" : Money.format(r.refused()));
            }
            if (trail) {
                x.raw("<td>");
                if (!blank(r.inputs()) || !blank(r.computation()) || !blank(r.outcome())) {
                    x.raw("<details><summary>Invoer en berekening</summary>");
                    if (!blank(r.inputs())) {
                        x.element("p", null, "Invoer:");
                        list(x, "ul", r.inputs());
                    }
                    if (!blank(r.computation())) {
                        x.element("p", null, "Berekening:");
                        list(x, "ol", r.computation());
                    }
                    if (!blank(r.outcome())) {
                        x.element("p", null, "Uitkomst: " + r.outcome());
                    }
                    x.raw("</details>");
                }
                x.raw("</td>");
            }
            x.raw("</tr>");
        }
        x.raw("</tbody></table></section>");
    }

    /**
     * The place in the upload, as a relative link to the upload with its page ({@code #page=N}, which the PDF
     * viewers of browsers honour): it opens the document when the upload is saved next to this report. A
     * workbook has no pages; its link opens the file and the text names the sheet and cell.
     */
    private static void vindplaats(Xhtml x, ReportContent.Row r) {
        if (blank(r.document())) {
            breakable(x, r.location());
            return;
        }
        String href = URLEncoder.encode(r.document(), StandardCharsets.UTF_8).replace("+", "%20")
                + (r.page() == null ? "" : "#page=" + r.page());
        x.raw("<a href=\"").text(href).raw("\">");
        breakable(x, r.location());
        x.raw("</a>");
    }

    /** Text with a break opportunity after each dot, so "B.ARM.fg1.2023" wraps between its parts, not inside one. */
    private static void breakable(Xhtml x, String text) {
        String[] parts = text.split("(?<=\\.)(?=\\S)");
        for (int i = 0; i < parts.length; i++) {
            x.text(parts[i]);
            if (i < parts.length - 1) {
                x.raw("<wbr/>");
            }
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static void list(Xhtml x, String tag, String lines) {
        if (lines == null || lines.isEmpty()) {
            return;
        }
        x.open(tag, "trail");
        for (String l : lines.split("\n")) {
            x.element("li", null, l);
        }
        x.close(tag);
    }

    private static void besluit(Xhtml x, ReportContent c) {
        Besluit b = c.besluit;
        List<Integer> years = c.years();
        x.raw("<section aria-labelledby=\"besluit\"><h2 id=\"besluit\">Besluit (concept)</h2>");
        if (b.rejectedWhole() != null) {
            x.element("p", null, "De hele aanvraag wordt afgewezen: " + b.rejectedWhole());
        }
        x.raw("<table><caption>Per onderdeel (per focusgebied waar de bijlage splitst)</caption><thead><tr>");
        for (String col : List.of("Onderdeel", "Focusgebied", "Grondslag", "Aangevraagd", "Maximum (bijlage)",
                "Toegekend (incl. btw)", "Afgewezen", "Btw (raming)", "Btw-component", "Verleend (excl. btw)")) {
            x.raw(List.of("Onderdeel", "Focusgebied", "Grondslag").contains(col) ? "<th scope=\"col\">"
                    : "<th scope=\"col\" class=\"num\">").text(col).raw("</th>");
        }
        x.raw("</tr></thead><tbody>");
        for (OnderdeelBesluit o : b.onderdelen()) {
            x.raw("<tr><th scope=\"row\">").text(Texts.capitalise(o.name()) + " (" + o.onderdeel() + ")")
                    .raw("</th>");
            x.element("td", null, nz(o.focusgebied()));
            x.element("td", null, nz(o.legalBasis()) + (o.maximumArticle() == null ? "" : "; maximum: "
                    + o.maximumArticle()));
            for (BigDecimal v : new BigDecimal[] {o.requested(), o.maximum(), o.grantedInclBtw(), o.refused()}) {
                x.element("td", "num", Money.format(v));
            }
            x.element("td", "num", Dutch.percent(o.btwPercent()));
            x.element("td", "num", Money.format(o.btwComponent()));
            x.element("td", "num", Money.format(o.granted()));
            x.raw("</tr>");
        }
        x.raw("<tr class=\"total\"><th scope=\"row\">Totaal</th><td></td><td></td>");
        x.element("td", "num", Money.format(b.totalRequested())).element("td", "num", "")
                .element("td", "num", Money.format(b.totalGrantedInclBtw()))
                .element("td", "num", Money.format(b.totalRefused())).element("td", "num", "")
                .element("td", "num", Money.format(b.totalBtw())).element("td", "num", Money.format(b.totalGranted()));
        x.raw("</tr></tbody></table>");

        x.raw("<table><caption>Termijnen: verleend (inclusief btw) en uit te betalen per jaar</caption><thead><tr>")
                .raw("<th scope=\"col\">Onderdeel</th>");
        for (Integer y : years) {
            x.raw("<th scope=\"col\" class=\"num\">").text("Toegekend " + y + " (incl. btw)").raw("</th>");
        }
        for (Integer y : years) {
            x.raw("<th scope=\"col\" class=\"num\">").text("Voorschot " + y + " (excl. btw)").raw("</th>");
        }
        x.raw("</tr></thead><tbody>");
        for (OnderdeelBesluit o : b.onderdelen()) {
            x.raw("<tr><th scope=\"row\">").text(Dutch.groupLabel(o)).raw("</th>");
            for (Integer y : years) {
                x.element("td", "num", o.installmentsInclBtw() == null ? "" : Money.format(o.installmentsInclBtw().get(y)));
            }
            for (Integer y : years) {
                x.element("td", "num", o.installments() == null ? ""
                        : Money.format(o.installments().get(y)));
            }
            x.raw("</tr>");
        }
        x.raw("<tr class=\"total\"><th scope=\"row\">Totaal uit te betalen</th>");
        for (int i = 0; i < years.size(); i++) {
            x.raw("<td></td>");
        }
        for (Integer y : years) {
            x.element("td", "num", b.installments() == null ? ""
                    : Money.format(b.installments().get(y)));
        }
        x.raw("</tr></tbody></table>");

        x.raw("<table><caption>Afgewezen delen (art. 13, derde lid)</caption><thead><tr>");
        for (String col : List.of("Onderdeel", "Activiteit", "Niet toegekend", "Reden", "Artikel", "Regel")) {
            x.raw(col.equals("Niet toegekend") ? "<th scope=\"col\" class=\"num\">" : "<th scope=\"col\">")
                    .text(col).raw("</th>");
        }
        x.raw("</tr></thead><tbody>");
        boolean any = false;
        for (OnderdeelBesluit o : b.onderdelen()) {
            for (Refusal f : Dutch.orEmpty(o.refusals())) {
                any = true;
                x.raw("<tr><th scope=\"row\">").text(Dutch.groupLabel(o)).raw("</th>");
                x.element("td", null, c.activity(f.activity()));
                x.element("td", "num", Money.format(f.amount()));
                x.element("td", null, f.reason());
                x.element("td", null, f.article());
                x.element("td", null, f.rule());
                x.raw("</tr>");
            }
        }
        if (!any) {
            x.raw("<tr><td colspan=\"6\">Geen</td></tr>");
        }
        x.raw("</tbody></table></section>");
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
