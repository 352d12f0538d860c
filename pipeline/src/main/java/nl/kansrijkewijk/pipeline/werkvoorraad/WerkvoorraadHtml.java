package nl.kansrijkewijk.pipeline.werkvoorraad;

import java.nio.charset.StandardCharsets;
import nl.kansrijkewijk.money.DutchDates;
import nl.kansrijkewijk.money.Money;
import nl.kansrijkewijk.pipeline.status.DocumentStatus;

/**
 * The werkvoorraad as an accessible HTML table: caption, column and row headers, text instead of colour for
 * status, links with a text that says where they lead. {@link #fragment} is what the portal's reviewer page
 * shows; {@link #page} is the standalone copy stored next to the workbook.
 */
public final class WerkvoorraadHtml {
    private WerkvoorraadHtml() {}

    public static byte[] page(Werkvoorraad w, Links links) {
        String html = "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>Werkvoorraad Regeling kansrijke wijk</title>\n<style>\n"
                + "body{font-family:system-ui,sans-serif;color:#1a1a1a;background:#fff;margin:1.5rem;line-height:1.4}"
                + "table{border-collapse:collapse;width:100%}th,td{border:1px solid #6b6b6b;padding:.4rem;vertical-align:top;text-align:left}"
                + "caption{text-align:left;font-weight:bold;margin-bottom:.5rem}a{color:#0b4f9c}a:focus{outline:3px solid #1a1a1a;outline-offset:2px}"
                + "ul{margin:0;padding-left:1.1rem}.bedrag{text-align:right;white-space:nowrap}\n</style>\n</head>\n<body>\n<main>\n"
                + "<h1>Werkvoorraad Regeling kansrijke wijk</h1>\n" + fragment(w, links) + "</main>\n</body>\n</html>\n";
        return html.getBytes(StandardCharsets.UTF_8);
    }

    public static String fragment(Werkvoorraad w, Links links) {
        StringBuilder h = new StringBuilder();
        h.append("<p>Stand op ").append(esc(WerkvoorraadFormat.received(w.asOf()))).append(": ")
                .append(w.rows().size()).append(w.rows().size() == 1 ? " aanvraag" : " aanvragen")
                .append(", gesorteerd op uiterste beslisdatum (eerst de vroegste).</p>\n");
        if (w.rows().isEmpty()) {
            return h.append("<p>Er zijn nog geen documenten ontvangen.</p>\n").toString();
        }
        h.append("<table id=\"werkvoorraad\">\n<caption>Aanvragen per gemeente, vroegste beslisdatum eerst</caption>\n<thead><tr>")
                .append("<th scope=\"col\">Gemeente en kenmerk</th><th scope=\"col\">Ontvangen documenten</th>")
                .append("<th scope=\"col\">Status</th><th scope=\"col\">Uiterste beslisdatum</th>")
                .append("<th scope=\"col\">Per onderdeel: aangevraagd / maximum / te verlenen</th>")
                .append("<th scope=\"col\">Afwijzingen</th><th scope=\"col\">Open waarschuwingen</th><th scope=\"col\">Stukken</th>")
                .append("</tr></thead>\n<tbody>\n");
        for (Werkvoorraad.Row r : w.rows()) {
            DocumentStatus lead = r.lead();
            h.append("<tr><th scope=\"row\">").append(esc(r.gemeenteName())).append(" (").append(esc(r.gemeenteCode()))
                    .append(")<br>").append(r.kenmerk() != null ? esc(r.kenmerk()) : "nog geen kenmerk").append("</th><td><ul>");
            for (DocumentStatus d : r.documents()) {
                h.append("<li>").append(esc(d.documentName())).append(", ontvangen ")
                        .append(esc(WerkvoorraadFormat.received(d.receivedAt()))).append(" (").append(esc(d.trackingId()))
                        .append(")</li>");
            }
            h.append("</ul></td><td>").append(esc(r.status().label()));
            if (lead.outcome() != null) {
                h.append(": ").append(esc(lead.outcome()));
            }
            h.append("</td><td>").append(esc(DutchDates.format(r.decisionDeadline()))).append("</td><td>");
            if (lead.onderdelen().isEmpty()) {
                h.append("—");
            } else {
                h.append("<ul>");
                for (DocumentStatus.Onderdeel o : lead.onderdelen()) {
                    h.append("<li>").append(esc(o.onderdeel()));
                    if (o.focusgebied() != null) {
                        h.append(" (").append(esc(o.focusgebied())).append(")");
                    }
                    h.append(": ").append(esc(Money.format(o.requested()))).append(" / ")
                            .append(esc(Money.format(o.maximum()))).append(" / ").append(esc(Money.format(o.granted())))
                            .append("</li>");
                }
                h.append("</ul>");
            }
            h.append("</td><td class=\"bedrag\">").append(lead.afwijzingen()).append("</td><td class=\"bedrag\">")
                    .append(r.openWaarschuwingen()).append("</td><td><ul>");
            for (String[] doc : WerkvoorraadFormat.DOCUMENTS) {
                for (DocumentStatus.Output o : lead.outputs()) {
                    if (o.name().equals(doc[0])) {
                        h.append("<li><a href=\"").append(esc(links.output(o.key()))).append("\">").append(esc(doc[1]))
                                .append(" ").append(esc(r.gemeenteName())).append("</a></li>");
                    }
                }
            }
            h.append("<li><a href=\"").append(esc(links.dossier(r.gemeenteCode()))).append("\">dossier ")
                    .append(esc(r.gemeenteName())).append("</a></li></ul></td></tr>\n");
        }
        return h.append("</tbody>\n</table>\n").toString();
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
