package nl.kansrijkewijk.render;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import nl.kansrijkewijk.aanvraag.Aanvraag;
import nl.kansrijkewijk.besluit.Besluit;
import nl.kansrijkewijk.besluit.Besluit.OnderdeelBesluit;
import nl.kansrijkewijk.besluit.Besluit.Refusal;
import nl.kansrijkewijk.check.Finding;
import nl.kansrijkewijk.check.Severity;
import nl.kansrijkewijk.check.Texts;
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
            margin:1.5rem auto;max-width:78rem;padding:0 1rem}
            h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:2px solid #dce6f1}
            .intern{font-weight:bold;color:#8b0000}
            table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}
            caption{text-align:left;font-weight:bold;padding:.3rem 0}
            th,td{border:1px solid #999;padding:.3rem .45rem;vertical-align:top;text-align:left;\
            overflow-wrap:anywhere}
            thead th{background:#dce6f1}
            td.num,th.num{text-align:right;white-space:nowrap}
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

    public byte[] write(Besluit besluit, Aanvraag aanvraag, List<Finding> findings, Regeling regeling) {
        ReportContent c = new ReportContent(besluit, aanvraag, findings, regeling);
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
        for (String[] p : c.summary()) {
            x.element("dt", null, p[0]).element("dd", null, p[1]);
        }
        x.raw("</dl><table><caption>Bedragen (inclusief btw, tenzij anders vermeld)</caption><tbody>");
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

    private static void findingsTable(Xhtml x, ReportContent c) {
        x.raw("<section aria-labelledby=\"bevindingen\"><h2 id=\"bevindingen\">Alle bevindingen</h2>");
        List<ReportContent.Row> rows = c.rows();
        x.element("p", null, rows.size() + " bevinding(en): " + c.count(Severity.AFWIJZING) + " afwijzing(en), "
                + c.count(Severity.WAARSCHUWING) + " waarschuwing(en), " + c.count(Severity.INFO)
                + " info. De ernstigste staan bovenaan.");
        x.raw("<table><caption>Bevindingen, gesorteerd op ernst</caption><thead><tr>");
        List<String> cols = ReportContent.FINDING_COLUMNS.subList(0, ReportContent.FINDING_COLUMNS.size() - 1);
        for (String col : cols) {
            x.raw(col.equals("Afgewezen bedrag") ? "<th scope=\"col\" class=\"num\">" : "<th scope=\"col\">")
                    .text(col).raw("</th>");
        }
        x.raw("</tr></thead><tbody>");
        for (ReportContent.Row r : rows) {
            x.raw("<tr class=\"").text(r.severity()).raw("\">");
            x.element("td", null, r.severity());
            x.element("td", null, r.rule());
            x.element("td", null, r.article());
            x.element("td", null, r.onderdeel());
            x.element("td", null, r.focusgebied());
            x.element("td", null, r.activity());
            x.element("td", null, r.message());
            x.element("td", null, r.location());
            x.element("td", "num", r.refused() == null ? "" : Money.format(r.refused()));
            x.raw("<td>");
            list(x, "ul", r.inputs());
            x.raw("</td><td>");
            list(x, "ol", r.computation());
            x.raw("</td>");
            x.element("td", null, r.outcome());
            x.raw("</tr>");
        }
        x.raw("</tbody></table></section>");
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
                "Toegekend incl. btw", "Afgewezen", "Btw (raming)", "Btw-component (BTW-compensatiefonds)", "Verleend excl. btw (voorschot)")) {
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

        x.raw("<table><caption>Termijnen: toegekend inclusief btw (bijlage) en voorschot exclusief btw per jaar</caption><thead><tr>")
                .raw("<th scope=\"col\">Onderdeel</th>");
        for (Integer y : years) {
            x.raw("<th scope=\"col\" class=\"num\">").text("Incl. btw " + y).raw("</th>");
        }
        for (Integer y : years) {
            x.raw("<th scope=\"col\" class=\"num\">").text("Voorschot " + y).raw("</th>");
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
        x.raw("<tr class=\"total\"><th scope=\"row\">Totaal voorschot</th>");
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
