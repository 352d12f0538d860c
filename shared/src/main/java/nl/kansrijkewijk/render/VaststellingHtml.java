package nl.kansrijkewijk.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import nl.kansrijkewijk.finding.Finding;
import nl.kansrijkewijk.finding.Texts;
import nl.kansrijkewijk.finding.Trail;
import nl.kansrijkewijk.money.DutchDates;
import nl.kansrijkewijk.regeling.Regeling;
import nl.kansrijkewijk.verantwoording.Vaststelling;

/**
 * The XHTML of the concept-vaststellingsbeschikking (art. 15 of the regeling) with the terugvordering in the same
 * letter: art. 4:57 Awb lets the bestuursorgaan reclaim by beschikking, and doing it in the vaststelling gives the
 * gemeente one decision with one motivering and one bezwaar term, and is at once the notice of terugvordering that
 * art. 15(4) requires within one year. Same house style as the verleningsbeschikking; every value from an upload or
 * the dossier passes through {@link Xhtml#escape(String)}.
 */
final class VaststellingHtml {
    private static final String CSS = resource("/render/beschikking.css") + """
            .reviewer { border: 1.5pt dashed #8b0000; padding: 2mm 3mm; margin: 3mm 0 4mm 0; color: #8b0000;
              page-break-inside: avoid; }
            .reviewer p { margin: 0 0 1.5mm 0; }
            """;

    private final Vaststelling v;
    private final Regeling r;
    private final Xhtml x = new Xhtml(true);
    private int section;

    private VaststellingHtml(Vaststelling v, Regeling r) {
        this.v = Objects.requireNonNull(v, "vaststelling");
        this.r = Objects.requireNonNull(r, "regeling");
    }

    static String build(Vaststelling v, Regeling r) {
        return new VaststellingHtml(v, r).document();
    }

    static String title(Vaststelling v, Regeling r) {
        return "CONCEPT " + (v.ambtshalve() ? "ambtshalve " : "") + "vaststellingsbeschikking " + r.title()
                + " — gemeente " + v.gemeente() + " — " + v.kenmerk();
    }

    private String subject() {
        boolean terug = v.totaalTerugTeVorderen().signum() > 0;
        return (v.ambtshalve() ? "Ambtshalve vaststelling" : "Vaststelling") + (terug ? " en terugvordering" : "")
                + " specifieke uitkering " + r.title();
    }

    private String document() {
        x.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n")
                .raw("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"nl-NL\" xml:lang=\"nl-NL\"><head>")
                .raw("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=UTF-8\"/>")
                .element("title", null, title(v, r))
                .raw("<meta name=\"subject\" content=\"").text(subject()).raw("\"/>")
                .raw("<meta name=\"author\" content=\"").text("De " + r.minister()).raw("\"/>")
                .raw("<meta name=\"keywords\" content=\"").text(r.title() + ", " + r.citation() + ", " + v.kenmerk())
                .raw("\"/>")
                .raw("<style type=\"text/css\">").raw(CSS).raw("</style></head><body>");
        x.raw("<div class=\"running-kenmerk\">").text("Kenmerk " + v.kenmerk()).raw("</div>");
        x.raw("<div class=\"running-footer\">").text(r.title() + " — gemeente " + v.gemeente()).raw("</div>");
        x.raw("<div class=\"watermark\">CONCEPT</div>");
        x.element("p", "concept-status",
                "CONCEPT — dit is een ontwerp van de beschikking. Het is niet ondertekend en heeft geen rechtsgevolg.");
        head();
        decision();
        table();
        motivering();
        terugvordering();
        reviewer();
        closing();
        annex();
        x.raw("</body></html>");
        return x.toString();
    }

    private void head() {
        x.element("p", "sender", "De " + r.minister());
        x.raw("<div class=\"addressee\">")
                .element("p", null, "Het college van burgemeester en wethouders")
                .element("p", null, "van de gemeente " + v.gemeente())
                .raw("</div>");
        x.raw("<table class=\"meta\"><tbody>");
        // A beschikking is dated on the day it is sent (Awb 3:41); the deadline of art. 15(1) is the reviewer's
        // concern, so it stands in the reviewer's marked box, not in the letter's Datum line.
        x.raw("<tr><th scope=\"row\">Datum</th><td><span class=\"invullen\">[datum van verzending]</span></td></tr>");
        meta("Kenmerk", v.kenmerk());
        meta("Onderwerp", subject());
        meta("Verleningsbeschikking", String.join(", ", v.verleningKenmerken()));
        meta("Uw verantwoording", v.ontvangenLaatsteJaar() == null
                ? "over " + v.eindeBestedingstermijn().getYear() + " niet ontvangen"
                : "over " + v.eindeBestedingstermijn().getYear() + ", ontvangen op "
                        + DutchDates.format(v.ontvangenLaatsteJaar()));
        meta("Regeling", r.title() + " (" + r.citation() + ")");
        x.raw("</tbody></table>");
        x.element("h1", null, subject());
        x.element("p", null, "Geacht college,");
        StringBuilder s = new StringBuilder();
        s.append("U heeft een specifieke uitkering ontvangen op grond van artikel 2 van de ").append(r.title())
                .append(" (").append(r.citation()).append("; hierna: de regeling). De uitkering moest uiterlijk op ")
                .append(DutchDates.format(v.eindeBestedingstermijn())).append(" zijn besteed (artikel 11, tweede")
                .append(v.eindeBestedingstermijn().isAfter(r.deadlines().spendBy()) ? " en derde" : "")
                .append(" lid). Over de besteding heeft u verantwoording afgelegd in de SiSa-bijlage bij de ")
                .append("jaarrekening (artikel 14 van de regeling en artikel 17a, eerste lid, van de ")
                .append("Financiële-verhoudingswet).");
        x.element("p", null, s.toString());
        if (v.ambtshalve()) {
            x.element("p", null, v.ontvangenLaatsteJaar() == null
                    ? "De verantwoordingsinformatie over het laatste jaar heb ik niet ontvangen binnen achttien maanden "
                            + "na afloop van dat jaar. Daarom stel ik de hoogte van de uitkering ambtshalve vast "
                            + "(artikel 15, derde lid, van de regeling)."
                    : "De verantwoordingsinformatie over het laatste jaar heb ik ontvangen op "
                            + DutchDates.format(v.ontvangenLaatsteJaar()) + ", later dan achttien maanden na afloop "
                            + "van dat jaar. Daarom stel ik de hoogte van de uitkering ambtshalve vast (artikel 15, "
                            + "derde lid, van de regeling). Daarbij ga ik uit van de informatie die ik op tijd heb "
                            + "ontvangen.");
        } else {
            x.element("p", null, "Op " + DutchDates.format(v.ontvangenLaatsteJaar()) + " heb ik de "
                    + "verantwoordingsinformatie over het laatste jaar ontvangen. In deze brief stel ik de uitkering "
                    + "vast (artikel 15, eerste en tweede lid, van de regeling)"
                    + (v.totaalTerugTeVorderen().signum() > 0 ? " en vorder ik terug wat niet is besteed (artikel 15, "
                            + "vierde lid)." : "."));
        }
    }

    private void decision() {
        h2("Besluit");
        StringBuilder s = new StringBuilder("Ik stel de specifieke uitkering aan de gemeente ").append(v.gemeente())
                .append(v.ambtshalve() ? " ambtshalve" : "").append(" vast op ")
                .append(Dutch.money(v.totaalVastgesteld())).append(". Verleend was ")
                .append(Dutch.money(v.totaalVerleend())).append("; als voorschot is ")
                .append(Dutch.money(v.totaalUitbetaald())).append(" betaald.");
        if (v.totaalTerugTeVorderen().signum() > 0) {
            s.append(" Ik vorder ").append(Dutch.money(v.totaalTerugTeVorderen())).append(" van u terug.");
        }
        if (v.totaalNabetaling().signum() > 0) {
            s.append(" Ik betaal u nog ").append(Dutch.money(v.totaalNabetaling())).append(" na.");
        }
        x.element("p", null, s.toString());
    }

    private void table() {
        h2("Vaststelling per onderdeel (artikel 15, tweede lid)");
        x.element("p", null, "Per onderdeel, en per focusgebied waar de bijlage bij de regeling het onderdeel over de "
                + "focusgebieden verdeelt, stel ik de uitkering vast op de besteding die meetelt, ten hoogste het "
                + "verleende bedrag. Alle bedragen zijn inclusief btw.");
        x.raw("<div class=\"keep\"><p class=\"table-title\">").text("Verleend, uitbetaald, besteed en vastgesteld")
                .raw("</p><table class=\"data\"><thead><tr>");
        th("Onderdeel", "w26");
        th("Verleend", "num w14");
        th("Uitbetaald", "num w14");
        th("Besteed", "num w14");
        th("Vastgesteld", "num w16");
        th("Terug te vorderen", "num w16");
        x.raw("</tr></thead><tbody>");
        for (Vaststelling.Regel g : v.regels()) {
            x.raw("<tr><th scope=\"row\">").element("span", "onderdeel-name", Texts.capitalise(g.naam()));
            if (g.focusgebied() != null) {
                x.element("span", "sub", "Focusgebied " + g.focusgebied());
            }
            x.raw("</th>");
            td(g.verleend());
            td(g.uitbetaald());
            td(g.besteed());
            td(g.vastgesteld());
            td(g.terugTeVorderen());
            x.raw("</tr>");
        }
        x.raw("<tr class=\"total\"><th scope=\"row\">Totaal</th>");
        td(v.totaalVerleend());
        td(v.totaalUitbetaald());
        td(v.totaalBesteed());
        td(v.totaalVastgesteld());
        td(v.totaalTerugTeVorderen());
        x.raw("</tr></tbody></table></div>");
        if (v.totaalNietAanvaard().signum() > 0) {
            x.element("p", "note", "Van de besteding telt " + Dutch.money(v.totaalNietAanvaard()) + " niet mee; de "
                    + "reden staat per onderdeel in paragraaf 3 en de berekening in de bijlage bij deze brief.");
        }
    }

    private void motivering() {
        h2("Motivering");
        x.element("p", null, "Ik heb de volgende verantwoordingen betrokken. Een correctie vervangt de eerdere "
                + "levering over hetzelfde jaar.");
        x.raw("<div class=\"keep\"><table class=\"data\"><thead><tr>");
        th("Verslagjaar", "w14");
        th("Document", "w40");
        th("Ontvangen", "w22");
        th("Telt mee", "w24");
        x.raw("</tr></thead><tbody>");
        for (Vaststelling.Jaar j : v.jaren()) {
            x.raw("<tr><th scope=\"row\">").text(Integer.toString(j.verslagjaar())).raw("</th><td>")
                    .text(j.document() == null ? "—" : j.document() + (j.correctie() ? " (correctie)" : ""))
                    .raw("</td><td>").text(j.ontvangen() == null ? "onbekend" : DutchDates.format(j.ontvangen()))
                    .raw("</td><td>").text(j.meegeteld() ? "ja" : j.tijdig() ? "nee, na de bestedingstermijn"
                            : "nee, niet binnen achttien maanden ontvangen").raw("</td></tr>");
        }
        x.raw("</tbody></table></div>");
        // The reviewer's refusals (a beoordeling in the dossier) first: they explain part of each lower amount.
        List<Finding> lower = new java.util.ArrayList<>(v.findings().stream()
                .filter(f -> "BEOORDELING-AFWIJZING".equals(f.rule())).toList());
        lower.addAll(v.findings().stream().filter(f -> "VJ-NIET-BESTEED".equals(f.rule())).toList());
        if (lower.isEmpty()) {
            x.element("p", null, "De activiteiten waarvoor de uitkering is verleend zijn verricht en de uitkering is "
                    + "volledig besteed. Ik stel de uitkering daarom vast op het verleende bedrag (artikel 15, tweede "
                    + "lid).");
            return;
        }
        for (Finding f : lower) {
            String m = f.message().endsWith(".") ? f.message().substring(0, f.message().length() - 1) : f.message();
            x.raw("<div class=\"motivering\"><p>").text(LetterText.forLetter(m) + " (" + articleText(f.article()) + ").")
                    .raw("</p></div>");
        }
    }

    private void terugvordering() {
        if (v.totaalTerugTeVorderen().signum() <= 0) {
            return;
        }
        h2("Terugvordering (artikel 15, vierde lid)");
        x.element("p", null, "Uit de verantwoordingsinformatie blijkt dat de uitkering niet volledig is besteed. Op "
                + "grond van artikel 15, vierde lid, van de regeling en artikel 4:57 van de Algemene wet bestuursrecht "
                + "vorder ik het niet bestede deel terug: " + Dutch.money(v.totaalTerugTeVorderen()) + ". Deze brief "
                + "is tevens de mededeling van de terugvordering, bedoeld in artikel 15, vierde lid, van de regeling.");
        // the debt arises when the beschikking takes effect, on its bekendmaking (Awb 3:40), not on its date
        x.element("p", null, "U betaalt het bedrag binnen " + Dutch.number(6) + " weken nadat deze beschikking aan u "
                + "is bekendgemaakt (artikel 4:87, eerste lid, van de Algemene wet bestuursrecht), onder vermelding van het "
                + "kenmerk " + v.kenmerk() + ". Het bedrag kan ook worden verrekend met een andere betaling aan de "
                + "gemeente.");
    }

    private void reviewer() {
        x.raw("<div class=\"reviewer\">");
        x.element("p", "kop", "[IN TE VULLEN DOOR DE BEOORDELAAR — verwijderen vóór ondertekening]");
        x.element("p", null, "Oordeel over de rechtmatige besteding en over het verrichten van de activiteiten "
                + "(artikel 15, tweede lid); zo nodig toepassing van artikel 16 (hardheidsclausule). Het voorstel "
                + "hierboven volgt alleen uit de cijfers; de bevindingen en het werkpapier geven de berekening.");
        if (v.vaststellingUiterlijk() != null) {
            x.element("p", null, "Uiterste datum van deze vaststelling (artikel 15, eerste lid): "
                    + DutchDates.format(v.vaststellingUiterlijk()) + ".");
        }
        if (v.totaalTerugTeVorderen().signum() > 0 && v.mededelingTerugvorderingUiterlijk() != null) {
            // a term the minister must keep, not one the college has to know: it belongs to the reviewer
            x.element("p", null, "Mededeling van de terugvordering uiterlijk (artikel 15, vierde lid): "
                    + DutchDates.format(v.mededelingTerugvorderingUiterlijk()) + ".");
        }
        x.element("p", null, "Oordeel: ______________________________________________");
        x.raw("</div>");
    }

    private void closing() {
        h2("Bezwaar");
        x.element("p", null, "Bent u het niet eens met dit besluit, dan kunt u binnen "
                + Dutch.number(r.deadlines().bezwaarWeeks()) + " weken na de dag waarop dit besluit is bekendgemaakt "
                + "een bezwaarschrift indienen (artikel 6:7 van de Algemene wet bestuursrecht). Richt het "
                + "bezwaarschrift aan " + BEZWAAR.aan() + ", " + String.join(", ", BEZWAAR.adres())
                + ", en vermeld daarin het kenmerk " + v.kenmerk() + ".");
        x.raw("<div class=\"signature\">")
                .element("p", null, "Hoogachtend,")
                .raw("<p class=\"line\">").text("De " + r.minister() + ",").raw("</p>")
                .element("p", null, "namens deze,")
                // The signature space, then the line the vaststeller's name replaces in the definitive letter
                // (BeschikkingVariants' contract: p.sign-space followed by the signatory).
                .raw("<p class=\"sign-space\">").text(" ").raw("</p>")
                .raw("<p class=\"line\">").text("______________________________").raw("</p>")
                .raw("</div>");
    }

    /** The arithmetic of every amount, onderdeel by onderdeel: the reviewer can redo the letter from it. */
    private void annex() {
        x.raw("<div class=\"annex\">");
        x.element("h2", null, "Bijlage: berekening per onderdeel");
        for (Vaststelling.Regel g : v.regels()) {
            x.element("h3", null, Texts.capitalise(g.naam()) + (g.focusgebied() == null ? "" : " — " + g.focusgebied()));
            x.raw("<ol class=\"small\">");
            for (String key : List.of("verleend", "uitbetaald", "besteed", "vastgesteld", "terugTeVorderen")) {
                Trail t = g.trails().get(key);
                if (t == null) {
                    continue;
                }
                StringBuilder b = new StringBuilder(LABELS.getOrDefault(key, key)).append(": ").append(t.outcome());
                t.inputs().forEach((k, val) -> b.append("; ").append(k).append(" ").append(val));
                t.computation().forEach(c -> b.append("; ").append(c));
                x.element("li", null, forAnnex(b.toString()));
            }
            x.raw("</ol>");
        }
        x.raw("</div>");
    }

    private static final nl.kansrijkewijk.config.Afzender.Bezwaar BEZWAAR =
            nl.kansrijkewijk.config.AfzenderLoader.standard().bezwaar();
    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("\\b([A-Z]{3})(?:/([^;]+))?");
    private static final java.util.regex.Pattern MIN =
            java.util.regex.Pattern.compile("min\\((€ [0-9.,]+); (€ [0-9.,]+)\\) =");

    /**
     * A trail line as the college reads it: onderdeel codes become their names ("ARM/Zuidoost" → "preventie van
     * armoede en schulden — Zuidoost"), "min(a; b)" becomes words, amounts get their cents, articles written out.
     */
    private String forAnnex(String line) {
        java.util.regex.Matcher m = CODE.matcher(line);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = r.onderdeel(m.group(1)).map(Regeling.Onderdeel::name).orElse(null);
            String replacement = name == null ? m.group()
                    : name + (m.group(2) == null ? "" : " — " + m.group(2).strip());
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        String t = MIN.matcher(out.toString()).replaceAll("het laagste van $1 en $2 is");
        return LetterText.forLetter(t);
    }

    private static final java.util.Map<String, String> LABELS = java.util.Map.of(
            "verleend", "Verleend", "uitbetaald", "Uitbetaald", "besteed", "Besteed",
            "vastgesteld", "Vastgesteld", "terugTeVorderen", "Terug te vorderen");

    /** "art. 15, vierde lid" → "artikel 15, vierde lid, van de regeling". */
    private static String articleText(String article) {
        return article == null ? "" : article.replaceFirst("^art\\. ", "artikel ") + ", van de regeling";
    }

    private void h2(String text) {
        section++;
        x.element("h2", null, section + ". " + text);
    }

    private void meta(String label, String value) {
        x.raw("<tr><th scope=\"row\">").text(label).raw("</th><td>").text(value).raw("</td></tr>");
    }

    private void th(String text, String cls) {
        x.raw("<th scope=\"col\" class=\"").text(cls).raw("\">").text(text).raw("</th>");
    }

    private void td(BigDecimal amount) {
        x.raw("<td class=\"num\">").text(Dutch.money(amount)).raw("</td>");
    }

    private static String resource(String path) {
        try (InputStream in = VaststellingHtml.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
