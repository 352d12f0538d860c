package nl.kansrijkewijk.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import nl.kansrijkewijk.aanvraag.Aanvraag;
import nl.kansrijkewijk.aanvraag.AanvraagKind;
import nl.kansrijkewijk.aanvraag.Activity;
import nl.kansrijkewijk.besluit.Besluit;
import nl.kansrijkewijk.besluit.Besluit.OnderdeelBesluit;
import nl.kansrijkewijk.besluit.Besluit.Refusal;
import nl.kansrijkewijk.check.Finding;
import nl.kansrijkewijk.check.Severity;
import nl.kansrijkewijk.check.Texts;
import nl.kansrijkewijk.money.DutchDates;
import nl.kansrijkewijk.money.Money;
import nl.kansrijkewijk.regeling.Regeling;

/**
 * The XHTML of the draft beschikking: a ministry letter laid out in the order of art. 13 of the regeling
 * (onderdelen and amounts, refusals with reasons, verantwoordingsindicatoren and period, voorschot in
 * termijnen), followed by the obligations, the bezwaar clause and the signature block. Every value that
 * came from the upload passes through {@link Xhtml#escape(String)}.
 */
final class BeschikkingHtml {
    private static final String CSS = resource("/render/beschikking.css");

    private final Besluit b;
    private final Aanvraag a;
    private final List<Finding> findings;
    private final Regeling r;
    private final List<String> focusgebieden;
    private final Xhtml x = new Xhtml(true);
    private int section;
    private static final int KEEP_TOGETHER_ROWS = 14;
    private final java.util.Deque<Boolean> keepStack = new java.util.ArrayDeque<>();

    private BeschikkingHtml(Besluit b, Aanvraag a, List<Finding> findings, Regeling r) {
        this.b = Objects.requireNonNull(b, "besluit");
        this.a = a;
        this.findings = findings == null ? List.of() : findings;
        this.r = Objects.requireNonNull(r, "regeling");
        this.focusgebieden = Dutch.orEmpty(b.focusgebieden());
    }

    static String build(Besluit besluit, Aanvraag aanvraag, List<Finding> findings, Regeling regeling) {
        return new BeschikkingHtml(besluit, aanvraag, findings, regeling).document();
    }

    /** "CONCEPT verleningsbeschikking …" — the PDF title a screen reader announces first. */
    static String title(Besluit b, Regeling r) {
        String kind = b.rejectedWhole() != null ? "afwijzingsbeschikking"
                : b.kind() == AanvraagKind.WIJZIGING ? "wijzigingsbeschikking" : "verleningsbeschikking";
        return "CONCEPT " + kind + " " + r.title() + " — gemeente " + gemeente(b) + " — " + b.kenmerk();
    }

    private String document() {
        x.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n")
                .raw("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"nl-NL\" xml:lang=\"nl-NL\"><head>")
                .raw("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=UTF-8\"/>")
                .element("title", null, title(b, r))
                .raw("<meta name=\"subject\" content=\"").text(subject()).raw("\"/>")
                .raw("<meta name=\"description\" content=\"").text(description()).raw("\"/>")
                .raw("<meta name=\"author\" content=\"").text("De " + r.minister()).raw("\"/>")
                .raw("<meta name=\"keywords\" content=\"").text(r.title() + ", " + r.citation() + ", " + b.kenmerk())
                .raw("\"/>")
                .raw("<style type=\"text/css\">").raw(CSS).raw("</style></head><body>");
        x.raw("<div class=\"running-kenmerk\">").text("Kenmerk " + b.kenmerk()).raw("</div>");
        x.raw("<div class=\"running-footer\">").text(r.title() + " — gemeente " + gemeente(b)).raw("</div>");
        x.raw("<div class=\"watermark\">CONCEPT</div>");
        x.element("p", "concept-status",
                "CONCEPT — dit is een ontwerp van de beschikking. Het is niet ondertekend en heeft geen rechtsgevolg.");
        letterHead();
        if (b.rejectedWhole() != null) {
            rejectionBody();
        } else {
            grantBody();
        }
        closing();
        if (b.rejectedWhole() == null) {
            activitiesAnnex();
        }
        x.raw("</body></html>");
        return x.toString();
    }

    // ---------------------------------------------------------------- letter head

    private void letterHead() {
        x.element("p", "sender", "De " + r.minister());
        x.raw("<div class=\"addressee\">")
                .element("p", null, "Het college van burgemeester en wethouders")
                .element("p", null, "van de gemeente " + gemeente(b))
                .raw("</div>");
        x.raw("<table class=\"meta\"><tbody>");
        metaRow("Datum", "[bij ondertekening invullen] — uiterlijk " + DutchDates.format(b.decisionDeadline()));
        metaRow("Kenmerk", b.kenmerk());
        metaRow("Onderwerp", subject());
        metaRow("Uw aanvraag", b.submissionDate() != null
                ? "ingediend op " + DutchDates.format(b.submissionDate())
                : "datum van indiening niet vermeld in de aanvraag");
        if (b.kind() == AanvraagKind.WIJZIGING) {
            metaRow("Wijziging van", "verleningsbeschikking met kenmerk " + previousKenmerk());
        }
        metaRow("Regeling", r.title() + " (" + r.citation() + ")");
        x.raw("</tbody></table>");
        x.element("h1", null, subject());
        x.element("p", null, "Geacht college,");
        StringBuilder intro = new StringBuilder();
        intro.append(b.submissionDate() != null ? "Op " + DutchDates.format(b.submissionDate()) : "Onlangs")
                .append(" heeft u namens de gemeente ").append(gemeente(b));
        if (b.kind() == AanvraagKind.WIJZIGING) {
            intro.append(" gevraagd de verleningsbeschikking met kenmerk ").append(previousKenmerk())
                    .append(" te wijzigen (artikel 10, derde lid, van de ").append(r.title()).append(" (")
                    .append(r.citation()).append("); hierna: de regeling).");
        } else {
            intro.append(" een specifieke uitkering aangevraagd op grond van artikel 2 van de ")
                    .append(r.title()).append(" (").append(r.citation()).append("; hierna: de regeling).");
        }
        if (!focusgebieden.isEmpty()) {
            intro.append(focusgebieden.size() == 1 ? " De aanvraag betreft het stedelijk focusgebied "
                    : " De aanvraag betreft de stedelijke focusgebieden ")
                    .append(Texts.join(focusgebieden)).append('.');
        }
        intro.append(" In deze brief beslis ik op uw aanvraag.");
        x.element("p", null, intro.toString());
    }

    private void metaRow(String label, String value) {
        x.raw("<tr><th scope=\"row\">").text(label).raw("</th><td>").text(value).raw("</td></tr>");
    }

    private String subject() {
        if (b.rejectedWhole() != null) {
            return b.kind() == AanvraagKind.WIJZIGING
                    ? "Afwijzing aanvraag tot wijziging specifieke uitkering " + r.title()
                    : "Afwijzing aanvraag specifieke uitkering " + r.title();
        }
        return b.kind() == AanvraagKind.WIJZIGING
                ? "Wijziging verlening specifieke uitkering " + r.title()
                : "Verlening specifieke uitkering " + r.title();
    }

    private String description() {
        return "Concept van de beschikking van de " + r.minister() + " op de aanvraag van de gemeente "
                + gemeente(b) + " om een specifieke uitkering op grond van de " + r.title() + " ("
                + r.citation() + "), kenmerk " + b.kenmerk() + ".";
    }

    private String previousKenmerk() {
        String k = a == null ? null : a.verleningKenmerk();
        return k == null || k.isBlank() ? "[niet vermeld in de aanvraag]" : k.strip();
    }

    private static String gemeente(Besluit b) {
        return b.gemeente() == null || b.gemeente().isBlank() ? "[onbekend]" : b.gemeente().strip();
    }

    private void h2(String text) {
        section++;
        x.element("h2", null, section + ". " + text);
    }

    // ---------------------------------------------------------------- grant

    private void grantBody() {
        List<OnderdeelBesluit> groups = shownGroups();
        h2("Besluit");
        decisionSentence();

        h2("Onderdelen en verleend bedrag (artikel 13, tweede lid, onder a en b)");
        x.element("p", null, "De uitkering wordt verleend voor de onderdelen in de tabel hieronder. Alle bedragen "
                + "zijn inclusief btw. Het maximum is het bedrag dat de bijlage bij de regeling voor de gemeente "
                + gemeente(b) + " noemt (artikel 3, tweede lid, tot en met artikel 9, vierde lid)."
                + (isSplit(groups) ? " De bijlage verdeelt een aantal onderdelen over de focusgebieden; die "
                        + "onderdelen staan per focusgebied in de tabel en worden per focusgebied verleend." : ""));
        amountsTable(groups);
        if (isSplit(groups)) {
            focusgebiedSummary(groups);
        }

        if (b.totalRefused() != null && b.totalRefused().signum() > 0) {
            h2("Afwijzing van een deel van de aanvraag (artikel 13, derde lid)");
            x.element("p", null, "Voor de onderdelen en bedragen hieronder wijs ik uw aanvraag af. In totaal wordt "
                    + Money.format(b.totalRefused()) + " van het aangevraagde bedrag van "
                    + Money.format(b.totalRequested()) + " niet toegekend.");
            refusalsTable(groups);
            motivering();
        }

        if (b.totalGrantedInclBtw().signum() == 0) {
            return; // nothing granted: no payments, no verantwoording, no obligations
        }
        h2("Voorschot en betaling (artikel 13, vierde lid)");
        voorschot(groups);

        h2("Periode en verantwoording (artikel 13, tweede lid, onder c en d, en artikel 14)");
        verantwoording(groups);

        h2("Verplichtingen");
        obligations(groups);
    }

    /**
     * The dictum (toelichting bij artikel 2: the uitkering is granted exclusief btw; the btw component is paid into
     * the BTW-compensatiefonds; art. 13(4): the voorschot is 100 % of the granted amount).
     */
    private void decisionSentence() {
        String period = "voor de periode van " + DutchDates.format(b.periodFrom()) + " tot en met "
                + DutchDates.format(b.periodThrough());
        StringBuilder s = new StringBuilder();
        if (b.wijziging() != null && b.wijziging().refused()) {
            s.append("Ik wijs uw aanvraag tot wijziging af. De verleningsbeschikking")
                    .append(previousKenmerk() == null ? "" : " met kenmerk " + previousKenmerk())
                    .append(" blijft ongewijzigd: de specifieke uitkering blijft ").append(Money.format(b.totalGranted()))
                    .append(" (exclusief btw) ").append(period).append(". De gevraagde wijziging van ")
                    .append(b.wijziging().totalChangeInclBtw().signum() < 0 ? "−" : "")
                    .append(Money.format(b.wijziging().totalChangeInclBtw().abs()))
                    .append(" (inclusief btw) ken ik niet toe; de reden staat hieronder.");
            x.element("p", null, s.toString());
            return;
        }
        if (b.totalGrantedInclBtw().signum() == 0) {
            s.append("Ik verleen de gemeente ").append(gemeente(b)).append(" geen specifieke uitkering: ")
                    .append("ik wijs de aanvraag voor alle onderdelen af (zie paragraaf 3).");
            x.element("p", null, s.toString());
            return;
        }
        String granted = Money.format(b.totalGranted());
        if (b.kind() == AanvraagKind.WIJZIGING) {
            s.append("Ik wijzig de verleningsbeschikking met kenmerk ").append(previousKenmerk())
                    .append(". Na deze wijziging bedraagt de specifieke uitkering aan de gemeente ")
                    .append(gemeente(b)).append(' ').append(granted).append(" (exclusief btw), ").append(period)
                    .append(". Deze beschikking wijzigt de bedragen en termijnen van de verleningsbeschikking; al "
                            + "betaalde termijnen blijven betaald en de overige inhoud blijft van kracht.");
        } else {
            s.append("Ik verleen de gemeente ").append(gemeente(b)).append(" een specifieke uitkering van ")
                    .append(granted).append(" (exclusief btw), ").append(period).append('.');
        }
        if (b.totalRefused() != null && b.totalRefused().signum() > 0) {
            s.append(" U vroeg ").append(Money.format(b.totalRequested())).append(" (inclusief btw) aan; voor ")
                    .append(Money.format(b.totalRefused())).append(" wijs ik uw aanvraag af (zie paragraaf 3).");
        }
        x.element("p", null, s.toString());
        x.element("p", null, "Daarnaast is een btw-component van " + Money.format(b.totalBtw())
                + " geraamd; die stort ik in het BTW-compensatiefonds. Het voorschot bedraagt 100 procent van het "
                + "verleende bedrag, " + Money.format(b.totalVoorschot()) + ", en wordt in jaarlijkse termijnen betaald "
                + "(zie paragraaf " + (b.totalRefused() != null && b.totalRefused().signum() > 0 ? 4 : 3) + ").");
    }

    private void amountsTable(List<OnderdeelBesluit> groups) {
        // a wijziging shows what the verleningsbeschikking granted, so the change can be read off the row
        boolean wijziging = b.kind() == AanvraagKind.WIJZIGING && groups.stream().anyMatch(o -> previous(o) != null);
        tableOpen(groups.size() + 1, "Aangevraagd, maximum, verleend en afgewezen per onderdeel");
        String w = wijziging ? "num w14" : "num w16";
        th("Onderdeel", wijziging ? "w30" : "w36");
        if (wijziging) {
            th("Eerder verleend", w);
        }
        th("Aangevraagd", w);
        th("Maximum (bijlage)", w);
        th("Toegekend incl. btw", w);
        th("Afgewezen", w);
        x.raw("</tr></thead><tbody>");
        BigDecimal previousTotal = Money.ZERO;
        for (OnderdeelBesluit o : groups) {
            x.raw("<tr><th scope=\"row\">");
            groupHeader(o, true);
            x.raw("</th>");
            if (wijziging) {
                BigDecimal p = previous(o);
                previousTotal = previousTotal.add(nz(p));
                td(p == null ? "—" : Money.format(p));
            }
            td(Money.format(o.requested()));
            td(o.maximum() == null ? "niet in bijlage" : Money.format(o.maximum()));
            td(Money.format(o.grantedInclBtw()));
            td(Money.format(o.refused()));
            x.raw("</tr>");
        }
        x.raw("<tr class=\"total\"><th scope=\"row\">Totaal</th>");
        if (wijziging) {
            td(Money.format(previousTotal));
        }
        td(Money.format(b.totalRequested()));
        td("");
        td(Money.format(b.totalGrantedInclBtw()));
        td(Money.format(b.totalRefused()));
        x.raw("</tr></tbody></table>");
        tableClose();
    }

    /** Wijziging: the amount the verleningsbeschikking granted for this group, as the form states it. */
    private BigDecimal previous(OnderdeelBesluit o) {
        if (a == null || a.budget() == null) {
            return null;
        }
        BigDecimal sum = null;
        for (var line : a.budget()) {
            if (line.granted() != null && Objects.equals(line.onderdeel(), o.onderdeel())
                    && (o.focusgebied() == null || o.focusgebied().equals(line.focusgebied()))) {
                sum = (sum == null ? Money.ZERO : sum).add(line.granted());
            }
        }
        return sum;
    }

    /** The onderdeel cell: name, legal basis and the article of its maximum, and the focusgebied if split. */
    private void groupHeader(OnderdeelBesluit o, boolean withArticles) {
        x.element("span", "onderdeel-name", Texts.capitalise(o.name() != null ? o.name() : o.onderdeel()));
        if (o.focusgebied() != null) {
            x.element("span", "sub", "Focusgebied " + o.focusgebied());
        }
        if (withArticles) {
            String basis = o.legalBasis() == null ? "" : o.legalBasis();
            x.element("span", "sub", basis + (o.maximumArticle() == null ? "" : "; maximum: " + o.maximumArticle()));
        }
    }

    private void focusgebiedSummary(List<OnderdeelBesluit> groups) {
        Map<String, BigDecimal[]> perFg = new LinkedHashMap<>();
        for (String fg : focusgebieden) {
            perFg.put(fg, new BigDecimal[] {Money.ZERO, Money.ZERO});
        }
        BigDecimal[] shared = {Money.ZERO, Money.ZERO};
        for (OnderdeelBesluit o : groups) {
            BigDecimal[] acc = o.focusgebied() == null ? shared
                    : perFg.computeIfAbsent(o.focusgebied(), k -> new BigDecimal[] {Money.ZERO, Money.ZERO});
            acc[0] = acc[0].add(nz(o.requested()));
            acc[1] = acc[1].add(nz(o.grantedInclBtw()));
        }
        tableOpen(focusgebieden.size() + 2, "Toegekend bedrag per focusgebied (inclusief btw)");
        th("Focusgebied", "w52");
        th("Aangevraagd", "num w22");
        th("Toegekend incl. btw", "num w26");
        x.raw("</tr></thead><tbody>");
        for (Map.Entry<String, BigDecimal[]> e : perFg.entrySet()) {
            x.raw("<tr><th scope=\"row\">").text(e.getKey()).raw("</th>");
            td(Money.format(e.getValue()[0]));
            td(Money.format(e.getValue()[1]));
            x.raw("</tr>");
        }
        if (shared[0].signum() != 0 || shared[1].signum() != 0) {
            x.raw("<tr><th scope=\"row\">").text("Niet verdeeld (gezamenlijk voor "
                    + Texts.join(focusgebieden) + ")").raw("</th>");
            td(Money.format(shared[0]));
            td(Money.format(shared[1]));
            x.raw("</tr>");
        }
        x.raw("<tr class=\"total\"><th scope=\"row\">Totaal</th>");
        td(Money.format(b.totalRequested()));
        td(Money.format(b.totalGrantedInclBtw()));
        x.raw("</tr></tbody></table>");
        tableClose();
    }

    private void refusalsTable(List<OnderdeelBesluit> groups) {
        tableOpen(refusalCount(groups) + 1, "Afgewezen onderdelen, bedragen en redenen");
        th("Onderdeel en afgewezen deel", "w40");
        th("Niet toegekend", "num w16");
        th("Reden van afwijzing", "w44");
        x.raw("</tr></thead><tbody>");
        for (OnderdeelBesluit o : groups) {
            for (Refusal f : Dutch.orEmpty(o.refusals())) {
                if (f.amount() == null || f.amount().signum() == 0) {
                    continue;
                }
                x.raw("<tr><th scope=\"row\">");
                groupHeader(o, false);
                x.element("span", "part", refusedPart(f, o));
                x.raw("</th>");
                td(Money.format(f.amount()));
                x.raw("<td>").text(f.reason());
                if (f.article() != null) {
                    x.element("span", "sub", "Grondslag: " + f.article());
                }
                x.raw("</td></tr>");
            }
        }
        x.raw("<tr class=\"total\"><th scope=\"row\">Totaal</th>");
        td(Money.format(b.totalRefused()));
        x.raw("<td></td></tr></tbody></table>");
        tableClose();
    }

    private String refusedPart(Refusal f, OnderdeelBesluit o) {
        if (f.activity() != null) {
            return "Activiteit " + f.activity() + activity(f.activity()).map(act -> ": " + nameOf(act)).orElse("");
        }
        if ("MAXIMUM-OVERSCHREDEN".equals(f.rule())) {
            return "Het deel van het aangevraagde bedrag boven het maximum";
        }
        if (f.amount().compareTo(nz(o.requested())) == 0) {
            return "Het hele onderdeel";
        }
        return "Een deel van het onderdeel";
    }

    /** Art. 13, derde lid, onder c: the reason for each amount refused, with the finding's own words. */
    private void motivering() {
        List<Finding> refusing = findings.stream()
                .filter(f -> f.refusedAmount() != null && f.refusedAmount().signum() > 0)
                .sorted(MOTIVERING_ORDER)
                .toList();
        if (refusing.isEmpty()) {
            return;
        }
        x.element("h3", null, "Motivering");
        for (Finding f : refusing) {
            x.raw("<div class=\"motivering\"><p><span class=\"kop\">").text(motiveringHeading(f)).raw("</span>");
            String subject = motiveringSubject(f);
            if (subject != null) {
                x.element("span", "sub", subject);
            } else {
                x.raw("<br/>");
            }
            x.text(f.message());
            if (f.article() != null) {
                x.text(" (" + f.article() + ")");
            }
            x.raw("</p>");
            if (f.trail() != null && !f.trail().computation().isEmpty()) {
                x.raw("<p class=\"note\">Berekening:</p><ol class=\"small\">");
                for (String step : f.trail().computation()) {
                    x.element("li", null, step);
                }
                x.raw("</ol>");
            }
            x.raw("</div>");
        }
    }

    /** "Activiteit 3: € 12.500 niet toegekend" or "Preventie van armoede en schulden, Nieuw-West: …". */
    private String motiveringHeading(Finding f) {
        StringBuilder h = new StringBuilder();
        if (f.activity() != null) {
            h.append("Activiteit ").append(f.activity());
        } else if (f.onderdeel() != null) {
            h.append(r.onderdeel(f.onderdeel()).map(o -> Texts.capitalise(o.name())).orElse(f.onderdeel()));
            if (f.focusgebied() != null) {
                h.append(", focusgebied ").append(f.focusgebied());
            }
        } else {
            h.append("De aanvraag");
        }
        h.append(": ").append(Money.format(f.refusedAmount())).append(" niet toegekend");
        return h.toString();
    }

    /** The activity's name and group under the heading (names can be long; they do not belong in bold). */
    private String motiveringSubject(Finding f) {
        if (f.activity() == null) {
            return null;
        }
        StringBuilder s = new StringBuilder();
        activity(f.activity()).ifPresent(act -> s.append('“').append(nameOf(act)).append('”'));
        List<String> where = new ArrayList<>();
        if (f.onderdeel() != null) {
            where.add(r.onderdeel(f.onderdeel()).map(Regeling.Onderdeel::name).orElse(f.onderdeel()));
        }
        if (f.focusgebied() != null) {
            where.add("focusgebied " + f.focusgebied());
        }
        if (!where.isEmpty()) {
            s.append(s.isEmpty() ? "" : " — ").append(String.join(", ", where));
        }
        return s.isEmpty() ? null : s.toString();
    }

    private static final Comparator<Finding> MOTIVERING_ORDER = Comparator
            .comparingInt((Finding f) -> Dutch.onderdeelOrder(f.onderdeel()))
            .thenComparing(f -> f.focusgebied() == null ? "" : f.focusgebied())
            .thenComparingInt(f -> f.activity() == null ? Integer.MAX_VALUE : f.activity())
            .thenComparing(f -> f.rule() == null ? "" : f.rule());

    private void voorschot(List<OnderdeelBesluit> groups) {
        x.element("p", null, "Ik verleen u een voorschot van " + Dutch.procent(r.thresholds().voorschotPercent())
                + " van het verleende bedrag. Het voorschot wordt betaald in de jaarlijkse termijnen die in de "
                + "bijlage bij de regeling zijn genoemd. Wordt minder verleend dan het maximum, dan zijn de "
                + "termijnen naar verhouding lager; afrondingsverschillen vallen in de laatste termijn.");
        List<Integer> years = years(groups);
        tableOpen(groups.size() + 1, "Toegekend bedrag per jaar inclusief btw (termijnen van de bijlage)");
        yearHeader(years);
        x.raw("</tr></thead><tbody>");
        for (OnderdeelBesluit o : groups) {
            installmentRow(o, o.installmentsInclBtw(), o.grantedInclBtw(), years);
        }
        totalRow(years, groups, OnderdeelBesluit::installmentsInclBtw, b.totalGrantedInclBtw());
        x.raw("</tbody></table>");
        tableClose();

        x.element("h3", null, "Btw-component");
        x.element("p", null, "Op grond van artikel 2, vijfde lid, van de regeling wordt de uitkering niet verstrekt "
                + "voor btw die in aanmerking komt voor compensatie uit het BTW-compensatiefonds. Zoals de "
                + "toelichting bij artikel 2 aangeeft, is de btw-component geraamd op 5 procent van de uitkering, "
                + "en op 0 procent voor school en omgeving en ontwikkeling van het jonge kind (btw-vrijstellingen "
                + "voor onderwijsinstellingen). De btw-component van in totaal " + Money.format(b.totalBtw())
                + " maakt geen deel uit van het verleende bedrag; dit bedrag wordt gestort in het "
                + "BTW-compensatiefonds. U kunt op grond van de Wet op het BTW-compensatiefonds een beroep doen "
                + "op teruggave van de betaalde btw.");
        tableOpen(groups.size() + 1, "Btw-component en verleend bedrag per onderdeel");
        th("Onderdeel", "w38");
        th("Toegekend incl. btw", "num w17");
        th("Btw (raming)", "num w12");
        th("Btw-component", "num w16");
        th("Verleend excl. btw", "num w17");
        x.raw("</tr></thead><tbody>");
        for (OnderdeelBesluit o : groups) {
            x.raw("<tr><th scope=\"row\">").text(Dutch.groupLabel(o)).raw("</th>");
            td(Money.format(o.grantedInclBtw()));
            td(Dutch.percent(o.btwPercent()));
            td(Money.format(o.btwComponent()));
            td(Money.format(o.granted()));
            x.raw("</tr>");
        }
        x.raw("<tr class=\"total\"><th scope=\"row\">Totaal</th>");
        td(Money.format(b.totalGrantedInclBtw()));
        td("");
        td(Money.format(b.totalBtw()));
        td(Money.format(b.totalGranted()));
        x.raw("</tr></tbody></table>");
        tableClose();

        tableOpen(groups.size() + 1, "Voorschot per jaar (100 procent van het verleende bedrag, exclusief btw)");
        yearHeader(years);
        x.raw("</tr></thead><tbody>");
        for (OnderdeelBesluit o : groups) {
            installmentRow(o, o.installments(), o.granted(), years);
        }
        x.raw("<tr class=\"total\"><th scope=\"row\">Totaal</th>");
        for (Integer y : years) {
            td(Money.format(b.installments() == null ? null
                    : b.installments().getOrDefault(y, Money.ZERO)));
        }
        td(Money.format(b.totalGranted()));
        x.raw("</tr></tbody></table>");
        tableClose();
        if (b.kind() == AanvraagKind.WIJZIGING) {
            x.element("p", null, "Termijnen die op grond van de verleningsbeschikking met kenmerk "
                    + previousKenmerk() + " al zijn betaald, verreken ik met de termijnen hierboven.");
        }
    }

    /** Onderdeel column and one column per year plus the total, sharing the width evenly. */
    private void yearHeader(List<Integer> years) {
        int amountWidth = 68 / (years.size() + 1);
        x.raw("<th scope=\"col\" style=\"width: " + (100 - amountWidth * (years.size() + 1)) + "%\">")
                .text("Onderdeel").raw("</th>");
        for (Integer y : years) {
            x.raw("<th scope=\"col\" class=\"num\" style=\"width: " + amountWidth + "%\">")
                    .text(Integer.toString(y)).raw("</th>");
        }
        x.raw("<th scope=\"col\" class=\"num\" style=\"width: " + amountWidth + "%\">").text("Totaal")
                .raw("</th>");
    }

    private void installmentRow(OnderdeelBesluit o, SortedMap<Integer, BigDecimal> perYear, BigDecimal total,
            List<Integer> years) {
        x.raw("<tr><th scope=\"row\">").text(Dutch.groupLabel(o)).raw("</th>");
        for (Integer y : years) {
            BigDecimal v = perYear == null ? null : perYear.get(y);
            td(v == null ? "—" : Money.format(v));
        }
        td(Money.format(total));
        x.raw("</tr>");
    }

    private void totalRow(List<Integer> years, List<OnderdeelBesluit> groups,
            java.util.function.Function<OnderdeelBesluit, SortedMap<Integer, BigDecimal>> perYear, BigDecimal total) {
        x.raw("<tr class=\"total\"><th scope=\"row\">Totaal</th>");
        for (Integer y : years) {
            BigDecimal sum = Money.ZERO;
            for (OnderdeelBesluit o : groups) {
                SortedMap<Integer, BigDecimal> m = perYear.apply(o);
                if (m != null && m.get(y) != null) {
                    sum = sum.add(m.get(y));
                }
            }
            td(Money.format(sum));
        }
        td(Money.format(total));
        x.raw("</tr>");
    }

    private void verantwoording(List<OnderdeelBesluit> groups) {
        x.element("p", null, "De uitkering wordt verleend voor de periode van " + DutchDates.format(b.periodFrom())
                + " tot en met " + DutchDates.format(b.periodThrough()) + " (artikel 13, tweede lid, onder d).");
        x.element("p", null, "U legt over de besteding verantwoording af op de wijze bepaald in artikel 17a, eerste "
                + "lid, van de Financiële-verhoudingswet (artikel 14 van de regeling): in de bijlage Single "
                + "information, Single audit (SiSa) bij de jaarrekening van de gemeente. Voor elk onderdeel"
                + (isSplit(groups) ? " en, waar de bijlage bij de regeling het onderdeel over de focusgebieden "
                        + "verdeelt, voor elk focusgebied" : "")
                + " vult u de volgende verantwoordingsindicatoren in (artikel 13, tweede lid, onder c).");
        tableOpen(5, "Verantwoordingsindicatoren");
        th("Indicator", "w30");
        th("Indicatorcode", "w20");
        th("Aard controle", "w12");
        th("Toelichting", "w38");
        x.raw("</tr></thead><tbody>");
        String code = "volgt uit de SiSa-bijlage";
        indicator("Besteding (jaar T)", code, "R", "De besteding ten laste van de uitkering in het verslagjaar.");
        indicator("Opgebouwde reserve ultimo (jaar T-1)", code, "R",
                "Het bedrag dat aan het einde van het vorige jaar op grond van artikel 11, eerste lid, is "
                        + "gereserveerd.");
        indicator("Cumulatieve besteding tot en met (jaar T)", code, "n.v.t.",
                "De totale besteding vanaf het begin van de periode.");
        indicator("Eindverantwoording Ja/Nee", code, "n.v.t.",
                "Ja in het jaar waarin u over de laatste besteding verantwoording aflegt.");
        indicator("Toelichting afwijking", code, "n.v.t.",
                "Een toelichting als de besteding afwijkt van de aanvraag of van deze beschikking.");
        x.raw("</tbody></table>");
        tableClose();
        x.element("p", "note", "De indicatorcode volgt uit de SiSa-bijlage die voor het verslagjaar geldt. "
                + "Aard controle R: de indicator valt onder de controle door de accountant.");

        tableOpen(groups.size(), "Onderdelen waarover u verantwoording aflegt");
        th("Nr.", "w6");
        th("Onderdeel", "w44");
        th("Focusgebied", "w30");
        th("Verleend excl. btw", "num w20");
        x.raw("</tr></thead><tbody>");
        int n = 0;
        for (OnderdeelBesluit o : groups) {
            if (o.grantedInclBtw() == null || o.grantedInclBtw().signum() == 0) {
                continue;
            }
            n++;
            x.raw("<tr><td>").text(Integer.toString(n)).raw("</td><th scope=\"row\">")
                    .text(Texts.capitalise(o.name())).raw("</th><td>")
                    .text(o.focusgebied() != null ? o.focusgebied() : Texts.join(focusgebieden))
                    .raw("</td>");
            td(Money.format(o.granted()));
            x.raw("</tr>");
        }
        x.raw("</tbody></table>");
        tableClose();
    }

    private void indicator(String name, String code, String aard, String explanation) {
        x.raw("<tr><th scope=\"row\">").text(name).raw("</th><td>").text(code).raw("</td><td>").text(aard)
                .raw("</td><td>").text(explanation).raw("</td></tr>");
    }

    private void obligations(List<OnderdeelBesluit> groups) {
        Regeling.Deadlines d = r.deadlines();
        x.element("h3", null, "Besteding (artikelen 3 tot en met 9, eerste lid)");
        x.element("p", null, "U besteedt de uitkering per onderdeel aan de activiteiten zoals omschreven in uw "
                + "aanvraag, binnen het stedelijk focusgebied"
                + (isSplit(groups) ? "; een bedrag dat per focusgebied is verleend, besteedt u in dat focusgebied"
                        : "")
                + ". Daarbij gelden de voorwaarden van het artikel van elk onderdeel:");
        x.raw("<ul>");
        List<String> seen = new ArrayList<>();
        for (OnderdeelBesluit o : groups) {
            if (o.grantedInclBtw() == null || o.grantedInclBtw().signum() == 0 || seen.contains(o.onderdeel())) {
                continue;
            }
            seen.add(o.onderdeel());
            Optional<Regeling.Onderdeel> od = r.onderdeel(o.onderdeel());
            String article = od.map(v -> "artikel " + v.article() + ", eerste lid").orElse("");
            x.element("li", null, Texts.capitalise(o.name()) + ": " + article + spendingExtra(o.onderdeel()) + ".");
        }
        x.raw("</ul>");
        x.element("p", null, "U ontvangt geen uitkering voor activiteiten waarvoor de gemeente al een vergoeding van "
                + "overheidswege ontvangt (artikel 2, vierde lid), en niet voor compensabele btw (artikel 2, vijfde "
                + "lid).");

        x.element("h3", null, "Reservering (artikel 11, eerste lid)");
        x.element("p", null, "Heeft u de uitgekeerde middelen niet volledig besteed aan de activiteiten zoals "
                + "omschreven in de aanvraag, dan kan het college het niet bestede bedrag tot maximaal "
                + Dutch.procent(r.thresholds().reserveringMaximumPercent()) + " van de uitgekeerde middelen "
                + "reserveren voor besteding aan activiteiten binnen hetzelfde hoofdthema (of dezelfde integrale "
                + "activiteiten) in het stedelijk focusgebied, in het daaropvolgende kalenderjaar.");

        x.element("h3", null, "Bestedingstermijn en uitstel (artikel 11, tweede en derde lid)");
        x.element("p", null, "De uitkering moet uiterlijk op " + DutchDates.format(d.spendBy())
                + " zijn besteed. Het college kan tussen " + DutchDates.format(d.extensionRequestWindow().from())
                + " en " + DutchDates.format(d.extensionRequestWindow().through())
                + " bij mij een gemotiveerd verzoek indienen tot uitstel van de bestedingstermijn. Uitstel kan "
                + "ten hoogste worden verleend tot en met " + DutchDates.format(d.extensionThrough()) + ".");

        x.element("h3", null, "Verantwoording (artikel 14)");
        x.element("p", null, "Het college legt jaarlijks verantwoording af over de besteding via de SiSa-bijlage "
                + "bij de jaarrekening, met de indicatoren uit paragraaf " + (section - 1) + " (artikel 17a, "
                + "eerste lid, van de Financiële-verhoudingswet).");

        x.element("h3", null, "Vaststelling en terugvordering (artikel 15)");
        x.raw("<ul>");
        x.element("li", null, "Ik stel de uitkering vast binnen " + Dutch.number(d.vaststellingWithinWeeks())
                + " weken na ontvangst van de verantwoordingsinformatie over het laatste kalenderjaar van de "
                + "uitkering (eerste lid).");
        x.element("li", null, "Zijn de activiteiten verricht en is volledig voldaan aan de verplichtingen die aan de "
                + "uitkering zijn verbonden, dan stel ik de uitkering vast op ten hoogste het bedrag in deze "
                + "beschikking (tweede lid).");
        x.element("li", null, "Ontvang ik de verantwoordingsinformatie niet binnen "
                + Dutch.number(d.verantwoordingWithinMonths()) + " maanden na het kalenderjaar waarop zij "
                + "betrekking heeft, dan stel ik de hoogte van de uitkering ambtshalve vast (derde lid).");
        x.element("li", null, "Blijkt uit de verantwoordingsinformatie dat de uitkering niet volledig of "
                + "onrechtmatig is besteed, dan kan ik het niet of onrechtmatig bestede deel terugvorderen. Dat "
                + "meld ik het college binnen " + Dutch.months(d.terugvorderingNoticeWithinMonths())
                + " na ontvangst van de verantwoordingsinformatie (vierde lid).");
        x.raw("</ul>");

        x.element("h3", null, "Informatie en evaluatie (artikel 17)");
        x.element("p", null, "Het college informeert mij op verzoek over de voortgang van de activiteiten waarvoor de "
                + "uitkering is verstrekt (eerste lid). Het college verleent op mijn verzoek medewerking aan de "
                + "evaluatie van de regeling en verstrekt daarvoor informatie over de voortgang, doelmatigheid en "
                + "doeltreffendheid van de activiteiten (derde lid).");
    }

    /** Conditions beyond the first lid that bind spending of a granted onderdeel (text of the regeling). */
    private static String spendingExtra(String code) {
        return switch (code == null ? "" : code) {
            case "ORG" -> " (de activiteiten van artikel 2, tweede lid)";
            case "INT" -> " (bijdragen aan de doelstellingen van de hoofdthema's; niet voor de organisatie van het "
                    + "uitvoeringsprogramma)";
            case "VEE" -> " (activiteiten van preventieve aard, artikel 6, tweede lid)";
            case "REI" -> " (begeleiding naar duurzame betaalde arbeid van inwoners als bedoeld in artikel 7, eerste "
                    + "lid)";
            case "SEO" -> " en tweede lid (voor- of naschoolse activiteiten op scholen binnen de lokale coalitie; "
                    + "niet voor de uitsluitingen onder a tot en met f)";
            case "OJK" -> " en derde lid (een onderwijsassistent heeft ten minste een diploma van een "
                    + "vakopleiding als bedoeld in artikel 7.2.2, eerste lid, onder c, van de Wet educatie en "
                    + "beroepsonderwijs)";
            default -> "";
        };
    }

    // ---------------------------------------------------------------- whole refusal

    private void rejectionBody() {
        List<Finding> grounds = findings.stream()
                .filter(f -> f.severity() == Severity.AFWIJZING && f.onderdeel() == null && f.activity() == null)
                .toList();
        h2("Besluit");
        if (b.wijziging() != null) {
            decisionSentence(); // art. 13(3)(b): the verlening stays; only the change is refused
        } else {
            x.element("p", null, "Ik wijs uw aanvraag af. Ik verleen de gemeente " + gemeente(b)
                    + " geen specifieke uitkering. Het aangevraagde bedrag van " + Money.format(b.totalRequested())
                    + " wordt niet toegekend.");
        }

        h2("Reden van de afwijzing (artikel 13, derde lid, onder c)");
        x.element("p", null, b.rejectedWhole());
        List<String> articles = grounds.stream().map(Finding::article).filter(Objects::nonNull).distinct().toList();
        if (!articles.isEmpty()) {
            x.element("p", null, "Grondslag: " + String.join("; ", articles) + " van de regeling.");
        }
        for (Finding f : grounds) {
            if (f.message() != null && !f.message().equals(b.rejectedWhole())) {
                x.raw("<div class=\"motivering\"><p>").text(f.message());
                if (f.article() != null) {
                    x.text(" (" + f.article() + ")");
                }
                x.raw("</p></div>");
            }
        }

        h2("Afgewezen onderdelen en bedrag (artikel 13, derde lid, onder a en b)");
        x.element("p", null, "De afwijzing geldt voor de hele aanvraag, dus voor alle onderdelen hieronder.");
        tableOpen(shownGroups().size() + 1, "Aangevraagd en niet toegekend per onderdeel");
        th("Onderdeel", "w52");
        th("Aangevraagd", "num w22");
        th("Niet toegekend", "num w26");
        x.raw("</tr></thead><tbody>");
        for (OnderdeelBesluit o : shownGroups()) {
            x.raw("<tr><th scope=\"row\">");
            groupHeader(o, true);
            x.raw("</th>");
            td(Money.format(o.requested()));
            td(Money.format(nz(o.requested()).subtract(nz(o.grantedInclBtw()))));
            x.raw("</tr>");
        }
        x.raw("<tr class=\"total\"><th scope=\"row\">Totaal</th>");
        td(Money.format(b.totalRequested()));
        td(Money.format(b.totalRequested().subtract(nz(b.totalGrantedInclBtw()))));
        x.raw("</tr></tbody></table>");
        tableClose();
    }

    // ---------------------------------------------------------------- closing, annex

    private void closing() {
        h2("Bezwaar");
        x.element("p", null, "Bent u het niet eens met dit besluit, dan kunt u binnen "
                + Dutch.number(r.deadlines().bezwaarWeeks()) + " weken na de dag waarop dit besluit is bekendgemaakt "
                + "een bezwaarschrift indienen (artikel 6:7 van de Algemene wet bestuursrecht). Richt het "
                + "bezwaarschrift aan de " + r.minister() + " en vermeld daarin het kenmerk " + b.kenmerk() + ".");
        x.element("p", null, "Het bezwaarschrift wordt ondertekend en bevat ten minste de naam en het adres van de "
                + "indiener, de dagtekening, een omschrijving van het besluit waartegen het bezwaar is gericht en de "
                + "gronden van het bezwaar (artikel 6:5 van de Algemene wet bestuursrecht).");
        x.raw("<div class=\"signature\">")
                .element("p", null, "Hoogachtend,")
                .raw("<p class=\"line\">").text("De " + r.minister() + ",").raw("</p>")
                .element("p", null, "namens deze,")
                .raw("<p class=\"line\">").text("______________________________").raw("</p>")
                .raw("</div>");
    }

    private void activitiesAnnex() {
        List<Activity> activities = a == null || a.activities() == null ? List.of() : a.activities();
        if (activities.isEmpty()) {
            return;
        }
        x.raw("<div class=\"annex\">");
        x.element("h2", null, "Bijlage: activiteiten uit de aanvraag");
        x.element("p", null, "De activiteiten zoals omschreven in uw aanvraag, per onderdeel. Bedragen zijn de "
                + "begroting van de activiteit over alle jaren, inclusief btw. Waar een deel van een activiteit is "
                + "afgewezen, staan het bedrag en de grondslag erbij; de motivering staat in paragraaf 3.");
        Map<String, List<Activity>> byOnderdeel = new LinkedHashMap<>();
        activities.stream()
                .sorted(Comparator.comparingInt((Activity act) -> Dutch.onderdeelOrder(act.onderdeel()))
                        .thenComparingInt(Activity::number))
                .forEach(act -> byOnderdeel.computeIfAbsent(act.onderdeel() == null ? "" : act.onderdeel(),
                        k -> new ArrayList<>()).add(act));
        for (Map.Entry<String, List<Activity>> e : byOnderdeel.entrySet()) {
            String caption = e.getKey().isEmpty() ? "Zonder (herkenbaar) onderdeel"
                    : r.onderdeel(e.getKey()).map(o -> Texts.capitalise(o.name()) + " (artikel " + o.article() + ")")
                            .orElse("Onderdeel " + e.getKey());
            tableOpen(e.getValue().size(), caption);
            th("Nr.", "w6");
            th("Activiteit", "w44");
            th("Focusgebied", "w16");
            th("Begroting", "num w16");
            th("Afgewezen deel", "w18");
            x.raw("</tr></thead><tbody>");
            for (Activity act : e.getValue()) {
                x.raw("<tr><td>").text(Integer.toString(act.number())).raw("</td><th scope=\"row\">")
                        .text(nameOf(act));
                if (act.kind() != null) {
                    x.element("span", "sub", switch (act.kind()) {
                        case NIEUW -> "nieuwe activiteit";
                        case UITBREIDING -> "uitbreiding van een bestaande activiteit";
                        case VOORTZETTING -> "voortzetting van een bestaande activiteit";
                    });
                }
                x.raw("</th><td>").text(act.focusgebied() == null ? "—" : act.focusgebied()).raw("</td>");
                td(act.budget() == null ? "—" : Money.format(act.total()));
                x.raw("<td>").text(activityRefusal(act.number())).raw("</td></tr>");
            }
            x.raw("</tbody></table>");
            tableClose();
        }
        x.raw("</div>");
    }

    private String activityRefusal(int number) {
        List<Finding> own = findings.stream()
                .filter(f -> f.activity() != null && f.activity() == number && f.refusedAmount() != null
                        && f.refusedAmount().signum() > 0)
                .toList();
        if (own.isEmpty()) {
            return "—";
        }
        List<String> parts = new ArrayList<>();
        for (Finding f : own) {
            parts.add(Money.format(f.refusedAmount()) + (f.article() == null ? "" : " (" + f.article() + ")"));
        }
        return String.join("; ", parts);
    }

    // ---------------------------------------------------------------- helpers

    /** Groups with something requested or granted; empty groups would only be noise in the letter. */
    private List<OnderdeelBesluit> shownGroups() {
        return b.onderdelen().stream()
                .filter(o -> nz(o.requested()).signum() != 0 || nz(o.grantedInclBtw()).signum() != 0)
                .toList();
    }

    private static boolean isSplit(List<OnderdeelBesluit> groups) {
        return groups.stream().anyMatch(o -> o.focusgebied() != null);
    }

    /** Years that appear in any group's termijnen, else the years of the regeling. */
    private List<Integer> years(List<OnderdeelBesluit> groups) {
        java.util.TreeSet<Integer> ys = new java.util.TreeSet<>(r.years());
        for (OnderdeelBesluit o : groups) {
            if (o.installmentsInclBtw() != null) {
                ys.addAll(o.installmentsInclBtw().keySet());
            }
        }
        return List.copyOf(ys);
    }

    private Optional<Activity> activity(int number) {
        if (a == null || a.activities() == null) {
            return Optional.empty();
        }
        return a.activities().stream().filter(act -> act.number() == number).findFirst();
    }

    private static String nameOf(Activity act) {
        return act.name() == null || act.name().isBlank() ? "(naam niet ingevuld)" : act.name().strip();
    }

    /**
     * Opens a data table after its title. A short table is kept on one page as a whole: openhtmltopdf would
     * otherwise leave a caption and header row alone at the foot of a page. Longer tables break between rows
     * and repeat their header.
     */
    private void tableOpen(int rows, String title) {
        boolean keep = rows <= KEEP_TOGETHER_ROWS;
        keepStack.push(keep);
        if (keep) {
            x.raw("<div class=\"keep\">");
        }
        // a paragraph, not a <caption>: openhtmltopdf tags a caption after its table, so a screen reader
        // would announce the title only after the rows
        x.element("p", "table-title", title).raw("<table class=\"data\"><thead><tr>");
    }

    private void tableClose() {
        if (keepStack.pop()) {
            x.raw("</div>");
        }
    }

    private static int refusalCount(List<OnderdeelBesluit> groups) {
        return groups.stream().mapToInt(o -> Dutch.orEmpty(o.refusals()).size()).sum();
    }

    /** A column header; cls names the alignment and width classes of the style sheet. */
    private void th(String text, String cls) {
        x.raw("<th scope=\"col\" class=\"" + cls + "\">").text(text).raw("</th>");
    }

    private void td(String text) {
        x.raw("<td class=\"num\">").text(text).raw("</td>");
    }

    private static BigDecimal nz(BigDecimal v) {
        return v == null ? Money.ZERO : v;
    }

    private static String resource(String path) {
        try (InputStream in = BeschikkingHtml.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
