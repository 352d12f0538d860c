package nl.kansrijkewijk.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import nl.kansrijkewijk.aanvraag.Aanvraag;
import nl.kansrijkewijk.aanvraag.AanvraagKind;
import nl.kansrijkewijk.aanvraag.Activity;
import nl.kansrijkewijk.besluit.Besluit;
import nl.kansrijkewijk.besluit.Besluit.OnderdeelBesluit;
import nl.kansrijkewijk.besluit.Besluit.Refusal;
import nl.kansrijkewijk.config.Afzender;
import nl.kansrijkewijk.finding.Finding;
import nl.kansrijkewijk.finding.Judgements;
import nl.kansrijkewijk.finding.Severity;
import nl.kansrijkewijk.finding.Texts;
import nl.kansrijkewijk.money.DutchDates;
import nl.kansrijkewijk.money.Money;
import nl.kansrijkewijk.regeling.Regeling;

/**
 * The XHTML of the draft beschikking: a ministry letter to the college, in the "u"-form, laid out in the order of
 * art. 13 of the regeling (onderdelen and amounts, refusals with one reason each, the assessment, voorschot in
 * termijnen, verantwoordingsindicatoren and period), followed by the obligations, the bezwaar clause and the
 * signature. Sender, contact and signatory come from the deployment configuration ({@link Afzender}); SiSa codes
 * and payment moments from the regeling data. Every value that came from the upload passes through
 * {@link Xhtml#escape(String)}.
 *
 * <p>Money, as the decision outline gives it: {@code granted} is what is awarded of the request (the base of the
 * btw estimate), {@code btwComponent} the estimated btw paid into the BTW-compensatiefonds, and {@code payable}
 * (= granted − btw) the uitkering verleend exclusief btw, of which the voorschot is 100 percent, paid in the
 * termijnen {@code installments}. The letter names only those; it never grants one amount and pays another.
 */
final class BeschikkingHtml {
    private static final String CSS = resource("/render/beschikking.css");
    private static final int KEEP_TOGETHER_ROWS = 14;

    private final Besluit b;
    private final Aanvraag a;
    private final List<Finding> findings;
    private final Regeling r;
    private final Afzender afz;
    private final List<String> focusgebieden;
    private final RefusalReasons reasons;
    private final Xhtml x = new Xhtml(true);
    private final Map<String, String> bookmarks = new LinkedHashMap<>();
    private final java.util.Deque<Boolean> keepStack = new java.util.ArrayDeque<>();
    private int section;

    private BeschikkingHtml(Besluit b, Aanvraag a, List<Finding> findings, Regeling r, Afzender afzender) {
        this.b = Objects.requireNonNull(b, "besluit");
        this.a = a;
        this.findings = findings == null ? List.of() : findings;
        this.r = Objects.requireNonNull(r, "regeling");
        this.afz = Objects.requireNonNull(afzender, "afzender");
        this.focusgebieden = Dutch.orEmpty(b.focusgebieden());
        this.reasons = new RefusalReasons(a, b, r);
    }

    static String build(Besluit besluit, Aanvraag aanvraag, List<Finding> findings, Regeling regeling,
            Afzender afzender) {
        return new BeschikkingHtml(besluit, aanvraag, findings, regeling, afzender).document();
    }

    /** "CONCEPT verleningsbeschikking …" — the PDF title a screen reader announces first. */
    static String title(Besluit b, Regeling r) {
        String kind = refusal(b) || nothingGranted(b) ? "afwijzingsbeschikking"
                : b.kind() == AanvraagKind.WIJZIGING ? "wijzigingsbeschikking" : "verleningsbeschikking";
        return "CONCEPT " + kind + " " + r.title() + " — gemeente " + gemeente(b) + " — " + b.kenmerk();
    }

    private String document() {
        // the body first: the bookmarks in the head list the headings it wrote
        x.raw("<div class=\"running-kenmerk\">").text("Kenmerk " + b.kenmerk()).raw("</div>");
        x.raw("<div class=\"running-footer\">").text(r.title() + " — gemeente " + gemeente(b)).raw("</div>");
        x.raw("<div class=\"watermark\">CONCEPT</div>");
        x.element("p", "concept-status",
                "CONCEPT — dit is een ontwerp van de beschikking. Het is niet ondertekend en heeft geen rechtsgevolg.");
        letterHead();
        if (refusal(b)) {
            rejectionBody();
        } else {
            grantBody();
        }
        closing();
        if (!refusal(b)) {
            activitiesAnnex();
        }

        Xhtml page = new Xhtml(true);
        page.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n")
                .raw("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"nl-NL\" xml:lang=\"nl-NL\"><head>")
                .raw("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=UTF-8\"/>")
                .element("title", null, title(b, r))
                .raw("<meta name=\"subject\" content=\"").text(subject()).raw("\"/>")
                .raw("<meta name=\"description\" content=\"").text(description()).raw("\"/>")
                .raw("<meta name=\"author\" content=\"").text("De " + r.minister()).raw("\"/>")
                .raw("<meta name=\"keywords\" content=\"").text(r.title() + ", " + r.citation() + ", " + b.kenmerk())
                .raw("\"/>")
                .raw("<bookmarks>");
        bookmarks.forEach((id, name) -> page.raw("<bookmark name=\"").text(name).raw("\" href=\"#" + id + "\"/>"));
        page.raw("</bookmarks>")
                .raw("<style type=\"text/css\">").raw(CSS).raw("</style></head><body>")
                .raw(x.toString())
                .raw("</body></html>");
        return page.toString();
    }

    // ---------------------------------------------------------------- letter head

    private void letterHead() {
        x.raw("<div class=\"letterhead\">");
        x.element("p", "ministerie", afz.ministerie());
        x.element("p", "directie", afz.directie());
        x.raw("</div>");
        // sender details beside the addressee, as on a Rijksoverheid letter
        x.raw("<div class=\"afzend\">");
        if (!afz.bezoekadres().isEmpty()) {
            x.element("p", "kop", "Bezoekadres");
            afz.bezoekadres().forEach(l -> x.element("p", null, l));
        }
        x.element("p", "kop", "Postadres");
        afz.postadres().forEach(l -> x.element("p", null, l));
        x.element("p", null, afz.website());
        x.element("p", "kop", "Contact");
        x.element("p", null, afz.contact().naam());
        x.element("p", null, afz.contact().email());
        x.element("p", null, "T " + afz.contact().telefoon());
        x.raw("</div>");
        x.raw("<div class=\"addressee\">")
                .element("p", null, "Het college van burgemeester en wethouders")
                .element("p", null, "van de gemeente " + gemeente(b))
                .raw("</div>");
        x.raw("<table class=\"meta\"><tbody>");
        // The date of a beschikking is the day it is sent (Awb 3:41; the bezwaar term runs from there): the
        // concept cannot know it, so the reviewer fills it in.
        x.raw("<tr><th scope=\"row\">Datum</th><td><span class=\"invullen\">[datum van verzending]</span></td></tr>");
        metaRow("Kenmerk", b.kenmerk());
        metaRow("Onderwerp", subject());
        metaRow(b.kind() == AanvraagKind.WIJZIGING ? "Uw aanvraag tot wijziging" : "Uw aanvraag", receiptLine());
        if (b.kind() == AanvraagKind.WIJZIGING) {
            x.raw("<tr><th scope=\"row\">").text("Verleningsbeschikking").raw("</th><td>");
            marked(previousReference(false));
            x.raw("</td></tr>");
        }
        metaRow("Regeling", r.title() + " (" + r.citation() + ")");
        if (!refusal(b) && a != null && a.activities() != null && !a.activities().isEmpty()) {
            metaRow("Bijlage", "Activiteiten uit uw aanvraag");
        }
        x.raw("</tbody></table>");
        x.raw("<h1 id=\"onderwerp\">").text(subject()).raw("</h1>");
        bookmarks.put("onderwerp", subject());
        x.element("p", null, "Geacht college,");
        StringBuilder intro = new StringBuilder();
        LocalDate applied = b.receivedOn() != null ? b.receivedOn() : b.submissionDate();
        intro.append(applied != null ? "Op " + DutchDates.format(applied) : "Met uw aanvraag")
                .append(" heeft u namens de gemeente ").append(gemeente(b));
        if (b.kind() == AanvraagKind.WIJZIGING) {
            intro.append(" gevraagd ").append(previousReference(true))
                    .append(" te wijzigen (artikel 10, derde lid, van de ").append(r.title()).append(" (")
                    .append(r.citation()).append("); hierna: de regeling).");
        } else {
            intro.append(" een specifieke uitkering aangevraagd op grond van artikel 2 van de ")
                    .append(r.title()).append(" (").append(r.citation()).append("; hierna: de regeling).");
        }
        if (!focusgebieden.isEmpty()) {
            intro.append(focusgebieden.size() == 1 ? " Uw aanvraag betreft het stedelijk focusgebied "
                    : " Uw aanvraag betreft de stedelijke focusgebieden ")
                    .append(Texts.join(focusgebieden)).append('.');
        }
        intro.append(" In deze brief beslis ik op uw aanvraag.");
        x.raw("<p>");
        marked(intro.toString());
        x.raw("</p>");
    }

    private void metaRow(String label, String value) {
        x.raw("<tr><th scope=\"row\">").text(label).raw("</th><td>").text(value).raw("</td></tr>");
    }

    /**
     * A letter that grants nothing new: the whole aanvraag refused, or a wijziging refused. A refused wijziging keeps
     * the verleningsbeschikking as it is (art. 10(3) with art. 13(3)): its letter is an afwijzing of the request to
     * change, never a grant letter with onderdelen, voorschot and payment schedule.
     */
    static boolean refusal(Besluit b) {
        return b.rejectedWhole() != null || (b.wijziging() != null && b.wijziging().refused());
    }

    private boolean refusedWijziging() {
        return b.kind() == AanvraagKind.WIJZIGING && refusal(b);
    }

    /** Every onderdeel refused one by one (not the aanvraag as a whole): an afwijzing in substance. */
    static boolean nothingGranted(Besluit b) {
        return !refusal(b) && (b.totalGrantedInclBtw() == null || b.totalGrantedInclBtw().signum() == 0);
    }

    private String subject() {
        if (refusal(b) || nothingGranted(b)) {
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

    /**
     * The date that counts is the ministry's date of receipt (art. 10 with Awb 4:1); the date typed on the form is
     * shown beside it only when it differs, so the college sees which date the timeliness was judged on.
     */
    private String receiptLine() {
        LocalDate typed = b.submissionDate();
        LocalDate received = b.receivedOn();
        if (received == null) {
            return typed != null ? "ingediend op " + DutchDates.format(typed)
                    : "datum van indiening niet vermeld in de aanvraag";
        }
        String line = "ontvangen op " + DutchDates.format(received);
        return typed == null || typed.equals(received) ? line
                : line + " (op het formulier: " + DutchDates.format(typed) + ")";
    }

    private String previousKenmerk() {
        String k = a == null ? null : a.verleningKenmerk();
        return k == null || k.isBlank() ? KENMERK_INVULLEN : k.strip();
    }

    /** The form does not give the date of the verleningsbeschikking, nor always its kenmerk: the reviewer fills them in. */
    private static final String DATUM_INVULLEN = "[datum verleningsbeschikking]";
    private static final String KENMERK_INVULLEN = "[kenmerk verleningsbeschikking]";

    /** "de verleningsbeschikking van [datum] met kenmerk K" (in running text), or "van [datum], kenmerk K" (meta row). */
    private String previousReference(boolean running) {
        return running ? "de verleningsbeschikking van " + DATUM_INVULLEN + " met kenmerk " + previousKenmerk()
                : "van " + DATUM_INVULLEN + ", kenmerk " + previousKenmerk();
    }

    /** Text with the reviewer's placeholders marked (yellow, bold) as the Datum line is. */
    private void marked(String text) {
        String esc = Xhtml.escape(text);
        for (String ph : List.of(DATUM_INVULLEN, KENMERK_INVULLEN)) {
            esc = esc.replace(ph, "<span class=\"invullen\">" + ph + "</span>");
        }
        x.raw(esc);
    }

    private void markedParagraph(String text) {
        x.raw("<p>");
        marked(text);
        x.raw("</p>");
    }

    private static String gemeente(Besluit b) {
        return b.gemeente() == null || b.gemeente().isBlank() ? "(onbekend)" : b.gemeente().strip();
    }

    /** A numbered section heading with an id, listed as a PDF bookmark. */
    private void h2(String text) {
        section++;
        String id = "p" + section;
        String label = section + ". " + text;
        x.raw("<h2 id=\"" + id + "\">").text(label).raw("</h2>");
        bookmarks.put(id, label);
    }

    /** Keeps a heading, its lead paragraph and a short table on one page (openhtmltopdf would split them). */
    private void keepOpen() {
        x.raw("<div class=\"keep\">");
    }

    private void keepClose() {
        x.raw("</div>");
    }

    // ---------------------------------------------------------------- grant

    private boolean anyRefused() {
        return b.totalRefused() != null && b.totalRefused().signum() > 0;
    }

    private void grantBody() {
        List<OnderdeelBesluit> groups = shownGroups();
        boolean granted = nz(b.totalGrantedInclBtw()).signum() > 0;
        int refusalSection = 3;
        int paymentSection = anyRefused() ? 5 : 4;

        h2("Besluit");
        decisionSentence(granted, refusalSection, paymentSection);

        keepOpen();
        h2(granted ? "Onderdelen en bedragen (artikel 13, tweede lid, onder a en b)"
                : "Onderdelen en bedragen (artikel 13, derde lid, onder a en b)");
        x.element("p", null, (granted ? "Ik verleen de uitkering voor de onderdelen in de tabel hieronder."
                : "Voor geen van de onderdelen in de tabel hieronder verleen ik een uitkering.") + " Het maximum is het "
                + "bedrag inclusief btw dat de bijlage bij de regeling voor uw gemeente noemt (artikel 3, tweede lid, "
                + "tot en met artikel 9, vierde lid). Van het toegekende bedrag gaat de geraamde btw-component af "
                + "(artikel 2, vijfde lid); wat overblijft is het verleende bedrag, exclusief btw."
                + (isSplit(groups) ? " De bijlage verdeelt een aantal onderdelen over de focusgebieden; die "
                        + "onderdelen verleen ik per focusgebied." : ""));
        amountsTable(groups);
        keepClose();
        if (isSplit(groups)) {
            focusgebiedSummary(groups);
        }

        if (anyRefused()) {
            h2(granted ? "Afwijzing van een deel van uw aanvraag (artikel 13, derde lid)"
                    : "Afwijzing van uw aanvraag per onderdeel (artikel 13, derde lid)");
            x.element("p", null, "Voor de onderdelen en bedragen hieronder wijs ik uw aanvraag af. In totaal ken ik "
                    + Dutch.money(b.totalRefused()) + " van het aangevraagde bedrag van "
                    + Dutch.money(b.totalRequested()) + " niet toe. Per afgewezen bedrag volgt daarna de reden.");
            refusalsTable(groups);
            motivering(groups);
        }

        if (!granted) {
            return; // nothing granted: no assessment of activities, no payments, no verantwoording, no obligations
        }
        h2("Beoordeling (artikel 12)");
        beoordeling(groups);

        keepOpen();
        h2("Voorschot en betaling (artikel 13, vierde lid)");
        if (b.kind() == AanvraagKind.WIJZIGING && b.wijziging() != null) {
            // heading and settlement stay together; the yearly table may start on the next page
            wijzigingSettlement(groups);
            keepClose();
            voorschot(groups);
        } else {
            voorschot(groups);
            keepClose();
        }

        h2("Periode en verantwoording (artikel 13, tweede lid, onder c en d, en artikel 14)");
        verantwoording(groups);

        h2("Verplichtingen");
        obligations(groups);
    }

    private void decisionSentence(boolean granted, int refusalSection, int paymentSection) {
        String period = "voor de periode van " + DutchDates.format(b.periodFrom()) + " tot en met "
                + DutchDates.format(b.periodThrough());
        StringBuilder s = new StringBuilder();
        if (!granted) {
            s.append("Ik wijs uw aanvraag voor alle onderdelen af (zie paragraaf ").append(refusalSection)
                    .append("). Uw gemeente ontvangt geen specifieke uitkering op grond van de regeling.");
            x.element("p", null, s.toString());
            return;
        }
        if (b.kind() == AanvraagKind.WIJZIGING) {
            s.append("Ik wijzig ").append(previousReference(true))
                    .append(". Na deze wijziging bedraagt de specifieke uitkering aan uw gemeente ")
                    .append(Dutch.money(b.totalGranted())).append(" (exclusief btw), ").append(period);
            if (b.wijziging() != null) {
                s.append("; in de verleningsbeschikking was dat ")
                        .append(Dutch.money(b.wijziging().totalPreviousGranted())).append(" (exclusief btw)");
            }
            s.append(". Deze beschikking wijzigt de bedragen, onderdelen en termijnen van het voorschot in de "
                    + "verleningsbeschikking; de overige inhoud daarvan blijft van kracht.");
        } else {
            s.append("Ik verleen uw gemeente een specifieke uitkering van ").append(Dutch.money(b.totalGranted()))
                    .append(" (exclusief btw), ").append(period).append('.');
        }
        if (anyRefused()) {
            s.append(" U vroeg ").append(Dutch.money(b.totalRequested())).append(" (inclusief btw) aan; voor ")
                    .append(Dutch.money(b.totalRefused())).append(" wijs ik uw aanvraag af (zie paragraaf ")
                    .append(refusalSection).append(").");
        }
        markedParagraph(s.toString());
        if (nz(b.totalBtw()).signum() > 0) {
            x.element("p", null, "Van het toegekende bedrag van " + Dutch.money(b.totalGrantedInclBtw())
                    + " is " + Dutch.money(b.totalBtw()) + " de geraamde btw-component. Die verleen ik niet aan "
                    + "uw gemeente, maar stort ik in het BTW-compensatiefonds: de uitkering wordt niet verstrekt "
                    + "voor btw die voor compensatie uit dat fonds in aanmerking komt (artikel 2, vijfde lid). De "
                    + "toelichting bij artikel 2 raamt die btw op 5 procent, en op 0 procent voor school en "
                    + "omgeving en voor ontwikkeling van het jonge kind. U kunt op grond van de Wet op het "
                    + "BTW-compensatiefonds een beroep doen op teruggave van de btw die u betaalt.");
        }
        if (b.kind() == AanvraagKind.WIJZIGING && b.wijziging() != null) {
            x.element("p", null, voorschotWijziging(paymentSection));
        } else {
            x.element("p", null, "Ik verleen u een voorschot van "
                    + Dutch.procent(r.thresholds().voorschotPercent()) + " van het verleende bedrag, "
                    + Dutch.money(b.totalGranted()) + ", en betaal dat uit in jaarlijkse termijnen (zie paragraaf "
                    + paymentSection + ").");
        }
    }

    /**
     * Art. 13(4) after a wijziging: the voorschot is 100 % of the new amount; what was paid stays paid; the rest is paid
     * in the termijnen not yet paid, or — when more was paid than is now granted — settled at the vaststelling.
     */
    private String voorschotWijziging(int paymentSection) {
        Besluit.WijzigingBesluit w = b.wijziging();
        StringBuilder s = new StringBuilder("Het voorschot bedraagt ")
                .append(Dutch.procent(r.thresholds().voorschotPercent())).append(" van het gewijzigde bedrag, ")
                .append(Dutch.money(b.totalGranted())).append('.');
        BigDecimal paid = nz(w.totalAlreadyPaid());
        if (paid.signum() == 0) {
            s.append(" Op grond van de verleningsbeschikking is nog geen termijn betaald; ik betaal het voorschot uit "
                    + "in de jaarlijkse termijnen van paragraaf ").append(paymentSection).append('.');
            return s.toString();
        }
        s.append(" Op grond van de verleningsbeschikking heeft u ").append(Dutch.money(paid)).append(" al ontvangen");
        if (w.paidThrough() != null) {
            s.append(" (de termijnen die tot en met ").append(DutchDates.format(w.paidThrough()))
                    .append(" zijn betaald)");
        }
        s.append('.');
        if (nz(w.totalStillToPay()).signum() > 0) {
            s.append(" Het verschil van ").append(Dutch.money(w.totalStillToPay()))
                    .append(" betaal ik uit in de termijnen die nog niet zijn betaald (paragraaf ")
                    .append(paymentSection).append(").");
        }
        if (nz(w.totalToSettle()).signum() > 0) {
            s.append(" Voor een of meer onderdelen heeft u meer ontvangen dan ik nu verleen; dat bedrag, in totaal ")
                    .append(Dutch.money(w.totalToSettle()))
                    .append(", verreken ik bij de vaststelling van de uitkering (artikel 15 van de regeling). De "
                            + "termijnen van die onderdelen die nog niet zijn betaald, vervallen.");
        }
        return s.toString();
    }

    /** Onderdeel × (aangevraagd, maximum, afgewezen, btw-component, verleend); a wijziging adds the earlier grant. */
    private void amountsTable(List<OnderdeelBesluit> groups) {
        boolean wijziging = b.kind() == AanvraagKind.WIJZIGING && groups.stream().anyMatch(o -> previous(o) != null);
        x.element("p", "table-title", "Aangevraagd, maximum, afgewezen en verleend per onderdeel");
        x.raw("<table class=\"data compact\"><thead><tr>");
        String w = wijziging ? "num w13" : "num w15";
        th("Onderdeel", wijziging ? "w22" : "w25");
        if (wijziging) {
            th("Eerder verleend (incl. btw)", w);
        }
        th("Aangevraagd (incl. btw)", w);
        th("Maximum (bijlage)", w);
        th("Afgewezen", w);
        th("Btw-component", w);
        th("Verleend (excl. btw)", w);
        x.raw("</tr></thead><tbody>");
        BigDecimal previousTotal = Money.ZERO;
        for (OnderdeelBesluit o : groups) {
            x.raw("<tr><th scope=\"row\">");
            groupHeader(o, true);
            x.raw("</th>");
            if (wijziging) {
                BigDecimal p = previous(o);
                previousTotal = previousTotal.add(nz(p));
                td(p == null ? "—" : Dutch.money(p));
            }
            td(Dutch.money(o.requested()));
            td(o.maximum() == null ? "niet in de bijlage" : Dutch.money(o.maximum()));
            td(Dutch.money(o.refused()));
            td(Dutch.money(o.btwComponent()));
            td(Dutch.money(o.granted()));
            x.raw("</tr>");
        }
        x.raw("<tr class=\"total\"><th scope=\"row\">Totaal</th>");
        if (wijziging) {
            td(Dutch.money(previousTotal));
        }
        td(Dutch.money(b.totalRequested()));
        td("");
        td(Dutch.money(b.totalRefused()));
        td(Dutch.money(b.totalBtw()));
        td(Dutch.money(b.totalGranted()));
        x.raw("</tr></tbody></table>");
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
            String basis = o.legalBasis() == null ? "" : LetterText.articles(o.legalBasis());
            x.element("span", "sub", basis + (o.maximumArticle() == null ? ""
                    : "; maximum: " + LetterText.articles(o.maximumArticle())));
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
            acc[1] = acc[1].add(nz(o.granted()));
        }
        tableOpen(focusgebieden.size() + 2, "Verleend bedrag per focusgebied");
        th("Focusgebied", "w52");
        th("Aangevraagd (incl. btw)", "num w22");
        th("Verleend (excl. btw)", "num w26");
        x.raw("</tr></thead><tbody>");
        for (Map.Entry<String, BigDecimal[]> e : perFg.entrySet()) {
            x.raw("<tr><th scope=\"row\">").text(e.getKey()).raw("</th>");
            td(Dutch.money(e.getValue()[0]));
            td(Dutch.money(e.getValue()[1]));
            x.raw("</tr>");
        }
        if (shared[0].signum() != 0 || shared[1].signum() != 0) {
            x.raw("<tr><th scope=\"row\">").text("Niet verdeeld (gezamenlijk voor "
                    + Texts.join(focusgebieden) + ")").raw("</th>");
            td(Dutch.money(shared[0]));
            td(Dutch.money(shared[1]));
            x.raw("</tr>");
        }
        x.raw("<tr class=\"total\"><th scope=\"row\">Totaal</th>");
        td(Dutch.money(b.totalRequested()));
        td(Dutch.money(b.totalGranted()));
        x.raw("</tr></tbody></table>");
        tableClose();
    }

    private void refusalsTable(List<OnderdeelBesluit> groups) {
        tableOpen(refusalCount(groups) + 1, "Afgewezen onderdelen en bedragen");
        th("Nr.", "w6");
        th("Onderdeel en afgewezen deel", "w46");
        th("Niet toegekend", "num w18");
        th("Grondslag", "w30");
        x.raw("</tr></thead><tbody>");
        int n = 0;
        for (OnderdeelBesluit o : groups) {
            for (Refusal f : Dutch.orEmpty(o.refusals())) {
                if (f.amount() == null || f.amount().signum() == 0) {
                    continue;
                }
                x.raw("<tr><td>").text(Integer.toString(++n)).raw("</td><th scope=\"row\">");
                groupHeader(o, false);
                x.element("span", "part", refusedPart(f, o));
                x.raw("</th>");
                td(Dutch.money(f.amount()));
                x.raw("<td>").text(Optional.ofNullable(LetterText.grondslag(f.article())).orElse("")).raw("</td></tr>");
            }
        }
        x.raw("<tr class=\"total\"><td></td><th scope=\"row\">Totaal</th>");
        td(Dutch.money(b.totalRefused()));
        x.raw("<td></td></tr></tbody></table>");
        tableClose();
    }

    private String refusedPart(Refusal f, OnderdeelBesluit o) {
        if (f.activity() != null) {
            return "Activiteit " + f.activity() + activity(f.activity()).map(act -> ": " + nameOf(act)).orElse("");
        }
        if ("MAXIMUM-OVERSCHREDEN".equals(f.rule())) {
            return "Het deel boven het maximum";
        }
        if (f.amount().compareTo(nz(o.requested())) == 0) {
            return "Het hele onderdeel";
        }
        return "Een deel van het onderdeel";
    }

    /**
     * Art. 13, derde lid, onder c: one reason per refused amount, numbered as in the table, written to the college.
     * The refusals of the decision outline are the source, so each amount has exactly one reason.
     */
    private void motivering(List<OnderdeelBesluit> groups) {
        x.element("h3", null, "Reden van afwijzing (artikel 13, derde lid, onder c)");
        int n = 0;
        for (OnderdeelBesluit o : groups) {
            for (Refusal f : Dutch.orEmpty(o.refusals())) {
                if (f.amount() == null || f.amount().signum() == 0) {
                    continue;
                }
                n++;
                String text = reasons.reason(f.rule(), f.reason(), f.article(), f.activity(), o, f.amount());
                x.raw("<div class=\"motivering\"><p><span class=\"kop\">").text(n + ". " + refusalHeading(f, o))
                        .raw("</span><br/>").text(Texts.capitalise(text)).raw("</p></div>");
            }
        }
    }

    /** "Activiteit 3, “Naam”: € 12.500" or "Preventie van armoede en schulden, Nieuw-West: € 50.000". */
    private String refusalHeading(Refusal f, OnderdeelBesluit o) {
        StringBuilder h = new StringBuilder();
        if (f.activity() != null) {
            h.append("Activiteit ").append(f.activity());
            activity(f.activity()).ifPresent(act -> h.append(", “").append(nameOf(act)).append('”'));
        } else {
            h.append(Dutch.groupLabel(o));
        }
        return h.append(": ").append(Dutch.money(f.amount())).append(" niet toegekend").toString();
    }

    /**
     * What was checked, and a marked place for the reviewer's own judgement under art. 12 (which no program can
     * make): whether the activities are expected to contribute to the aims of art. 2(1) and will be carried out.
     * The waarschuwingen still open are listed inside that place, so none is overlooked and none is sent out; those
     * the reviewer already judged (beoordeling) are no longer open and are only counted in one line.
     */
    private void beoordeling(List<OnderdeelBesluit> groups) {
        x.element("p", null, "Ik heb uw aanvraag getoetst aan de regeling: of uw gemeente en het stedelijk "
                + "focusgebied onder de regeling vallen (artikel 1 en artikel 2, eerste lid), of de aanvraag op tijd "
                + "en met het daarvoor bestemde formulier is ingediend (artikel 10), of de aangevraagde bedragen "
                + "binnen de maxima van de bijlage blijven (artikel 3, tweede lid, tot en met artikel 9, vierde lid), "
                + "en of de activiteiten passen binnen de onderdelen en de voorwaarden die daarvoor gelden (artikel 2, "
                + "vierde en vijfde lid, en de artikelen 4, 6, 8 en 9). Daarnaast heb ik beoordeeld of ik verwacht dat "
                + "de activiteiten bijdragen aan de doelen van artikel 2, eerste lid, en dat zij zullen worden "
                + "uitgevoerd (artikel 12).");
        x.raw("<div class=\"invullen-blok\">");
        x.element("p", "kop", "[In te vullen door de behandelaar vóór ondertekening — verwijder deze aanwijzingen]");
        x.element("p", null, "Beoordeling op grond van artikel 12: [motiveer per onderdeel of de activiteiten naar "
                + "verwachting bijdragen aan de doelen van artikel 2, eerste lid, en of er gegronde redenen zijn om "
                + "aan te nemen dat zij niet of niet geheel worden uitgevoerd].");
        List<Finding> open = openWarnings();
        Map<String, Integer> judged = judgedWarnings();
        if (!judged.isEmpty()) {
            x.element("p", null, "Al beoordeeld (zie bevindingen.xlsx): " + String.join(", ", judged.entrySet()
                    .stream().map(e -> e.getKey() + " " + e.getValue() + "×").toList()) + ".");
        }
        if (open.isEmpty()) {
            x.element("p", null, "Er staan geen waarschuwingen open.");
        } else {
            x.element("p", null, "Nog te beoordelen (" + open.size() + (open.size() == 1 ? " waarschuwing" : " waarschuwingen")
                    + "; zie ook bevindingen.xlsx):");
            x.raw("<ul>");
            for (Finding f : open) {
                x.element("li", null, warningSubject(f) + LetterText.forLetter(f.message()));
            }
            x.raw("</ul>");
        }
        x.raw("</div>");
    }

    /** Waarschuwingen, activities that keep (part of) their money first: they are what the reviewer signs for. */
    private List<Finding> openWarnings() {
        return findings.stream().filter(f -> f.severity() == Severity.WAARSCHUWING)
                .filter(f -> Judgements.of(f, findings).isEmpty())
                .sorted(Comparator.comparingInt((Finding f) -> f.activity() == null ? 1 : 0)
                        .thenComparingInt(f -> f.activity() == null ? 0 : f.activity()))
                .toList();
    }

    /** Per oordeel ("akkoord", "niet van toepassing", "afwijzen") how many waarschuwingen the reviewer judged. */
    private Map<String, Integer> judgedWarnings() {
        Map<String, Integer> out = new java.util.TreeMap<>();
        findings.stream().filter(f -> f.severity() == Severity.WAARSCHUWING)
                .forEach(f -> Judgements.of(f, findings).ifPresent(j -> out.merge(
                        j.trail().inputs().getOrDefault(Judgements.OORDEEL, "beoordeeld"), 1, Integer::sum)));
        return out;
    }

    private String warningSubject(Finding f) {
        if (f.activity() == null) {
            return "";
        }
        return activity(f.activity()).map(act -> "Activiteit " + act.number() + " “" + nameOf(act) + "”"
                + (act.budget() == null ? "" : " (" + Dutch.money(act.total()) + ")") + ": ").orElse("");
    }

    /**
     * One payment schedule: the termijnen of the voorschot per onderdeel and year (art. 13, vierde lid), with the
     * payment moment of each year from the regeling data.
     */
    private void voorschot(List<OnderdeelBesluit> groups) {
        boolean wijziging = b.kind() == AanvraagKind.WIJZIGING && b.wijziging() != null;
        if (wijziging) {
            x.element("p", null, "Het voorschot per jaar na deze wijziging staat hieronder. In een jaar waarvan de "
                    + "termijn al is betaald, staat het bedrag dat u op grond van de verleningsbeschikking heeft "
                    + "ontvangen; het verschil is verdeeld over de termijnen die nog niet zijn betaald, naar "
                    + "verhouding van de termijnen in de bijlage bij de regeling.");
        } else {
            x.element("p", null, "Het voorschot van " + Dutch.procent(r.thresholds().voorschotPercent())
                    + " betaal ik uit in de jaarlijkse termijnen die de bijlage bij de regeling noemt. Verleen ik minder "
                    + "dan het maximum, dan zijn de termijnen naar verhouding lager; afrondingsverschillen vallen in de "
                    + "laatste termijn. U ontvangt:");
        }
        List<Integer> years = years(groups);
        Map<Integer, String> moments = paymentMoments();
        java.util.Set<Integer> paidYears = new java.util.TreeSet<>();
        if (wijziging) {
            groups.forEach(o -> {
                if (o.wijziging() != null && o.wijziging().alreadyPaid() != null) {
                    paidYears.addAll(o.wijziging().alreadyPaid().keySet());
                }
            });
        }
        boolean split = b.installments() != null;
        x.element("p", "table-title", wijziging ? "Voorschot per jaar na de wijziging (exclusief btw)"
                : "Betaalschema van het voorschot (exclusief btw)");
        x.raw("<table class=\"data compact\"><thead><tr>");
        int amountWidth = 74 / (years.size() + 1);
        x.raw("<th scope=\"col\" style=\"width: " + (100 - amountWidth * (years.size() + 1)) + "%\">")
                .text("Onderdeel").raw("</th>");
        for (Integer y : years) {
            x.raw("<th scope=\"col\" class=\"num\" style=\"width: " + amountWidth + "%\">").text(Integer.toString(y));
            if (paidYears.contains(y)) {
                x.element("span", "sub", "al betaald");
            } else if (moments.containsKey(y)) {
                x.element("span", "sub", moments.get(y));
            }
            x.raw("</th>");
        }
        x.raw("<th scope=\"col\" class=\"num\" style=\"width: " + amountWidth + "%\">").text("Totaal").raw("</th>");
        x.raw("</tr></thead><tbody>");
        for (OnderdeelBesluit o : groups) {
            if (nz(o.granted()).signum() == 0) {
                continue;
            }
            x.raw("<tr><th scope=\"row\">").text(Dutch.groupLabel(o)).raw("</th>");
            for (Integer y : years) {
                BigDecimal v = o.installments() == null ? null : o.installments().get(y);
                td(v == null ? "—" : Dutch.money(v));
            }
            td(Dutch.money(o.granted()));
            x.raw("</tr>");
        }
        x.raw("<tr class=\"total\"><th scope=\"row\">Totaal</th>");
        for (Integer y : years) {
            td(Dutch.money(split ? b.installments().getOrDefault(y, Money.ZERO) : null));
        }
        td(Dutch.money(b.totalGranted()));
        x.raw("</tr></tbody></table>");
    }

    /**
     * Per onderdeel what the wijziging does to the money: eerder verleend, al betaald, nieuw verleend, nog te
     * betalen and te verrekenen (exclusief btw, as the voorschot is).
     */
    private void wijzigingSettlement(List<OnderdeelBesluit> groups) {
        Besluit.WijzigingBesluit w = b.wijziging();
        boolean settle = nz(w.totalToSettle()).signum() > 0;
        x.element("p", "table-title", "Eerder verleend, al betaald en nu verleend (exclusief btw)")
                .raw("<table class=\"data\"><thead><tr>");
        String cls = settle ? "num w15" : "num w18";
        th("Onderdeel", settle ? "w25" : "w28");
        th("Eerder verleend", cls);
        th("Al betaald", cls);
        th("Nu verleend", cls);
        th("Nog te betalen", cls);
        if (settle) {
            th("Te verrekenen", cls);
        }
        x.raw("</tr></thead><tbody>");
        for (OnderdeelBesluit o : groups) {
            Besluit.WijzigingRegel row = o.wijziging();
            if (row == null) {
                continue;
            }
            x.raw("<tr><th scope=\"row\">").text(Dutch.groupLabel(o)).raw("</th>");
            td(row.previousKnown() ? Dutch.money(row.previousGranted()) : "niet bekend");
            td(Dutch.money(row.alreadyPaidTotal()));
            td(Dutch.money(row.newlyGranted()));
            td(Dutch.money(row.stillToPay()));
            if (settle) {
                td(Dutch.money(row.toSettle()));
            }
            x.raw("</tr>");
        }
        x.raw("<tr class=\"total\"><th scope=\"row\">Totaal</th>");
        td(Dutch.money(w.totalPreviousGranted()));
        td(Dutch.money(w.totalAlreadyPaid()));
        td(Dutch.money(w.totalNewlyGranted()));
        td(Dutch.money(w.totalStillToPay()));
        if (settle) {
            td(Dutch.money(w.totalToSettle()));
        }
        x.raw("</tr></tbody></table>");
    }

    /**
     * The day each year's termijn is paid, as the letter states it: the same data date from which the wijziging
     * arithmetic counts that termijn as paid ({@code PreviousVerlening.isPaid}).
     */
    private Map<Integer, String> paymentMoments() {
        Map<Integer, String> out = new java.util.TreeMap<>();
        if (r.deadlines() != null) {
            r.deadlines().paymentMoments().perYear().forEach((y, d) -> out.put(y, "op " + DutchDates.format(d)));
        }
        return out;
    }

    private void verantwoording(List<OnderdeelBesluit> groups) {
        x.element("p", null, "Ik verleen de uitkering voor de periode van " + DutchDates.format(b.periodFrom())
                + " tot en met " + DutchDates.format(b.periodThrough()) + " (artikel 13, tweede lid, onder d).");
        Regeling.Sisa sisa = r.sisa();
        keepOpen();
        x.element("p", null, "U legt over de besteding verantwoording af op de wijze bepaald in artikel 17a, eerste "
                + "lid, van de Financiële-verhoudingswet (artikel 14 van de regeling): in de bijlage Single "
                + "information, Single audit (SiSa) bij de jaarrekening van uw gemeente"
                + (sisa == null ? "" : ", onder uitkeringscode " + sisa.uitkeringscode())
                + ". Voor elk onderdeel uit paragraaf 2"
                + (isSplit(groups) ? " en, waar de bijlage bij de regeling het onderdeel over de focusgebieden "
                        + "verdeelt, voor elk focusgebied" : "")
                + " vult u de volgende verantwoordingsindicatoren in (artikel 13, tweede lid, onder c).");
        x.element("p", "table-title", "Verantwoordingsindicatoren");
        x.raw("<table class=\"data\"><thead><tr>");
        th("Indicatorcode", "w16");
        th("Indicator", "w30");
        th("Aard controle", "w12");
        th("Toelichting", "w42");
        x.raw("</tr></thead><tbody>");
        List<Regeling.SisaIndicator> indicators = sisa == null ? List.of() : Dutch.orEmpty(sisa.indicators());
        for (Regeling.SisaIndicator i : indicators) {
            x.raw("<tr><td>").text(i.code()).raw("</td><th scope=\"row\">").text(i.name()).raw("</th><td>")
                    .text(i.aardControle()).raw("</td><td>").text(i.explanation()).raw("</td></tr>");
        }
        x.raw("</tbody></table>");
        keepClose();
        x.element("p", "note", "Aard controle R: de indicator valt onder de controle door de accountant.");
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
                + "omschreven in de aanvraag, dan kunt u het niet bestede bedrag tot maximaal "
                + Dutch.procent(r.thresholds().reserveringMaximumPercent()) + " van de uitgekeerde middelen "
                + "reserveren voor besteding aan activiteiten binnen hetzelfde hoofdthema (of dezelfde integrale "
                + "activiteiten) in het stedelijk focusgebied, in het daaropvolgende kalenderjaar.");

        x.element("h3", null, "Bestedingstermijn en uitstel (artikel 11, tweede en derde lid)");
        x.element("p", null, "De uitkering moet uiterlijk op " + DutchDates.format(d.spendBy())
                + " zijn besteed. U kunt tussen " + DutchDates.format(d.extensionRequestWindow().from())
                + " en " + DutchDates.format(d.extensionRequestWindow().through())
                + " een gemotiveerd verzoek bij mij indienen tot uitstel van de bestedingstermijn. Uitstel kan "
                + "ten hoogste worden verleend tot en met " + DutchDates.format(d.extensionThrough()) + ".");

        x.element("h3", null, "Verantwoording (artikel 14)");
        x.element("p", null, "U legt jaarlijks verantwoording af over de besteding via de SiSa-bijlage "
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
                + "meld ik u binnen " + Dutch.months(d.terugvorderingNoticeWithinMonths())
                + " na ontvangst van de verantwoordingsinformatie (vierde lid).");
        x.raw("</ul>");

        x.element("h3", null, "Informatie en evaluatie (artikel 17)");
        x.element("p", null, "U informeert mij op verzoek over de voortgang van de activiteiten waarvoor de "
                + "uitkering is verstrekt (eerste lid). U verleent op mijn verzoek medewerking aan de "
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
        boolean wijziging = b.kind() == AanvraagKind.WIJZIGING;
        // one reason per ground: the first whole refusal carries the amount, a later one adds its own reason once
        Map<String, Finding> grounds = new LinkedHashMap<>();
        for (Finding f : findings) {
            if (f.severity() == Severity.AFWIJZING && f.onderdeel() == null && f.activity() == null) {
                grounds.putIfAbsent(f.rule(), f);
            }
        }
        h2("Besluit");
        if (wijziging) {
            BigDecimal kept = b.wijziging() == null ? null : b.wijziging().totalPreviousGranted();
            markedParagraph("Ik wijs uw aanvraag tot wijziging af. " + Texts.capitalise(previousReference(true))
                    + " blijft ongewijzigd: "
                    + (kept != null && kept.signum() > 0 ? "de specifieke uitkering aan uw gemeente blijft "
                            + Dutch.money(kept) + " (exclusief btw), voor de periode van "
                            + DutchDates.format(b.periodFrom()) + " tot en met " + DutchDates.format(b.periodThrough())
                            + ", en " : "")
                    + "de onderdelen, bedragen en termijnen van het voorschot die daarin staan, gelden onverminderd."
                    + changeSentence());
            x.element("p", null, "Deze afwijzing verandert niets aan de betaling van het voorschot: de termijnen die "
                    + "nog niet zijn betaald, betaal ik uit zoals de verleningsbeschikking bepaalt. Uw verplichtingen "
                    + "uit de verleningsbeschikking, waaronder de verantwoording (artikel 14 van de regeling), "
                    + "blijven gelden.");
        } else {
            x.element("p", null, "Ik wijs uw aanvraag af. Uw gemeente ontvangt geen specifieke uitkering op grond "
                    + "van de regeling. Het aangevraagde bedrag van " + Dutch.money(b.totalRequested())
                    + " ken ik niet toe.");
        }

        h2("Reden van de afwijzing (artikel 13, derde lid, onder c)");
        if (grounds.isEmpty()) {
            x.element("p", null, LetterText.forLetter(b.rejectedWhole()));
        }
        for (Finding f : grounds.values()) {
            x.element("p", null, Texts.capitalise(reasons.reason(f.rule(), f.message(), f.article(), null, null,
                    f.refusedAmount())));
        }
        refusalReviewBox(grounds.values());

        keepOpen();
        if (wijziging) {
            h2("Gevraagde wijziging per onderdeel (artikel 13, derde lid, onder a en b)");
            x.element("p", null, "De afwijzing geldt voor de hele gevraagde wijziging. De bedragen inclusief btw "
                    + "zoals in uw aanvraag vermeld:");
        } else {
            h2("Afgewezen onderdelen en bedrag (artikel 13, derde lid, onder a en b)");
            x.element("p", null, "De afwijzing geldt voor de hele aanvraag, dus voor alle onderdelen hieronder.");
        }
        List<OnderdeelBesluit> groups = shownGroups();
        boolean withPrevious = wijziging && groups.stream().anyMatch(o -> previous(o) != null);
        x.element("p", "table-title", withPrevious ? "Verleend, gevraagd en gevraagde wijziging per onderdeel"
                : "Aangevraagd en niet toegekend per onderdeel");
        x.raw("<table class=\"data\"><thead><tr>");
        if (withPrevious) {
            th("Onderdeel", "w40");
            th("Verleend (blijft)", "num w20");
            th("Gevraagd na wijziging", "num w20");
            th("Gevraagde wijziging", "num w20");
        } else {
            th("Onderdeel", "w52");
            th("Aangevraagd", "num w22");
            th("Niet toegekend", "num w26");
        }
        x.raw("</tr></thead><tbody>");
        BigDecimal prevTotal = Money.ZERO;
        for (OnderdeelBesluit o : groups) {
            x.raw("<tr><th scope=\"row\">");
            groupHeader(o, true);
            x.raw("</th>");
            if (withPrevious) {
                BigDecimal p = nz(previous(o));
                prevTotal = prevTotal.add(p);
                td(Dutch.money(p));
                td(Dutch.money(o.requested()));
                td(signed(nz(o.requested()).subtract(p)));
            } else {
                td(Dutch.money(o.requested()));
                td(Dutch.money(nz(o.requested()).subtract(nz(o.grantedInclBtw()))));
            }
            x.raw("</tr>");
        }
        x.raw("<tr class=\"total\"><th scope=\"row\">Totaal</th>");
        if (withPrevious) {
            td(Dutch.money(prevTotal));
            td(Dutch.money(b.totalRequested()));
            td(signed(nz(b.totalRequested()).subtract(prevTotal)));
        } else {
            td(Dutch.money(b.totalRequested()));
            td(Dutch.money(nz(b.totalRequested()).subtract(nz(b.totalGrantedInclBtw()))));
        }
        x.raw("</tr></tbody></table>");
        keepClose();
        if (withPrevious && nz(b.totalRefused()).signum() > 0) {
            // art. 13(3)(b): what is not granted is what the wijziging would have added; a decrease asked for is
            // not "not granted", it simply does not happen
            boolean decreases = groups.stream()
                    .anyMatch(o -> previous(o) != null && nz(o.requested()).compareTo(previous(o)) < 0);
            x.element("p", null, "Niet toegekend worden de gevraagde verhogingen, in totaal "
                    + Dutch.money(b.totalRefused()) + " inclusief btw."
                    + (decreases ? " Ook de gevraagde verlagingen gaan niet in: de verleende bedragen blijven staan."
                            : ""));
        }
    }

    /**
     * The reviewer's marked place in an afwijzing: the finding behind each ground as the checker wrote it (it may ask
     * for a judgement the letter's reason cannot make, such as a window that ended on a Saturday) and every
     * waarschuwing still open. Art. 12 has nothing to weigh when nothing is granted, so the box asks only to confirm
     * the ground.
     */
    private void refusalReviewBox(java.util.Collection<Finding> grounds) {
        x.raw("<div class=\"invullen-blok\">");
        x.element("p", "kop", "[In te vullen door de behandelaar vóór ondertekening — verwijder deze aanwijzingen]");
        x.element("p", null, "Controleer de grond van de afwijzing aan de hand van de bevinding"
                + (grounds.size() == 1 ? "" : "en") + " hieronder en vul zo nodig de motivering aan: [aanvullende "
                + "motivering of “geen”].");
        x.raw("<ul>");
        for (Finding f : grounds) {
            x.element("li", null, "Afwijzingsgrond: " + LetterText.forLetter(f.message()));
        }
        for (Finding f : openWarnings()) {
            x.element("li", null, "Waarschuwing: " + warningSubject(f) + LetterText.forLetter(f.message()));
        }
        x.raw("</ul>");
        x.raw("</div>");
    }

    /** " U vroeg de uitkering te verhogen met € 250.000 (van … naar …)." when the form states what was granted. */
    private String changeSentence() {
        BigDecimal prev = null;
        for (OnderdeelBesluit o : shownGroups()) {
            BigDecimal p = previous(o);
            if (p != null) {
                prev = (prev == null ? Money.ZERO : prev).add(p);
            }
        }
        if (prev == null) {
            return "";
        }
        BigDecimal change = nz(b.totalRequested()).subtract(prev);
        if (change.signum() == 0) {
            return " U vroeg de bedragen anders over de onderdelen te verdelen, bij een gelijk totaal van "
                    + Dutch.money(prev) + ".";
        }
        return " U vroeg de uitkering te " + (change.signum() > 0 ? "verhogen" : "verlagen") + " met "
                + Dutch.money(change.abs()) + " (inclusief btw, van " + Dutch.money(prev) + " naar "
                + Dutch.money(b.totalRequested()) + "); die wijziging wijs ik af.";
    }

    private static String signed(BigDecimal v) {
        return v.signum() > 0 ? "+ " + Dutch.money(v) : v.signum() < 0 ? "− " + Dutch.money(v.abs()) : Dutch.money(v);
    }

    // ---------------------------------------------------------------- closing, annex

    private void closing() {
        h2("Bezwaar");
        x.element("p", null, "Bent u het niet eens met dit besluit, dan kunt u binnen "
                + Dutch.number(r.deadlines().bezwaarWeeks()) + " weken na de dag waarop dit besluit is bekendgemaakt "
                + "een bezwaarschrift indienen (artikel 6:7 van de Algemene wet bestuursrecht). Richt het "
                + "bezwaarschrift aan " + afz.bezwaar().aan() + ", " + String.join(", ", afz.bezwaar().adres())
                + ", en vermeld daarin het kenmerk " + b.kenmerk() + ".");
        // the last paragraphs and the signature stay together: a signature alone on a page signs nothing visible
        x.raw("<div class=\"closing\">");
        x.element("p", null, "Het bezwaarschrift wordt ondertekend en bevat ten minste de naam en het adres van de "
                + "indiener, de dagtekening, een omschrijving van het besluit waartegen het bezwaar is gericht en de "
                + "gronden van het bezwaar (artikel 6:5 van de Algemene wet bestuursrecht).");
        x.element("p", null, "Heeft u vragen over deze brief? Neem dan contact op met " + afz.contact().naam()
                + ", via " + afz.contact().email() + " of telefoonnummer " + afz.contact().telefoon()
                + ". Vermeld daarbij het kenmerk " + b.kenmerk() + ".");
        x.raw("<div class=\"signature\">")
                .element("p", null, "Hoogachtend,")
                .raw("<p class=\"line\">").text("De " + r.minister() + ",").raw("</p>")
                .element("p", null, afz.ondertekening().namens())
                .raw("<p class=\"sign-space\">").text(" ").raw("</p>")
                .element("p", null, afz.ondertekening().naam())
                .element("p", null, Texts.capitalise(afz.ondertekening().functie()))
                .raw("</div>");
        x.raw("</div>");
    }

    private void activitiesAnnex() {
        List<Activity> activities = a == null || a.activities() == null ? List.of() : a.activities();
        if (activities.isEmpty()) {
            return;
        }
        x.raw("<div class=\"annex\">");
        x.raw("<h2 id=\"bijlage\">").text("Bijlage: activiteiten uit uw aanvraag").raw("</h2>");
        bookmarks.put("bijlage", "Bijlage: activiteiten uit uw aanvraag");
        boolean refusals = anyRefused();
        x.element("p", null, "De activiteiten zoals omschreven in uw aanvraag, per onderdeel. Bedragen zijn de "
                + "begroting van de activiteit over alle jaren, inclusief btw."
                + (refusals ? " Waar voor een activiteit een bedrag is afgewezen, staat dat erbij; de reden staat "
                        + "in paragraaf 3." : ""));
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
            th("Activiteit", refusals ? "w44" : "w56");
            th("Focusgebied", refusals ? "w16" : "w20");
            th("Begroting", refusals ? "num w16" : "num w18");
            if (refusals) {
                th("Afgewezen", "num w18");
            }
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
                td(act.budget() == null ? "—" : Dutch.money(act.total()));
                if (refusals) {
                    td(activityRefusal(act.number()));
                }
                x.raw("</tr>");
            }
            x.raw("</tbody></table>");
            tableClose();
        }
        x.raw("</div>");
    }

    /** What the decision outline refused for the activity (its refusals, not the findings, so amounts match). */
    private String activityRefusal(int number) {
        BigDecimal sum = Money.ZERO;
        for (OnderdeelBesluit o : b.onderdelen()) {
            for (Refusal f : Dutch.orEmpty(o.refusals())) {
                if (f.activity() != null && f.activity() == number && f.amount() != null) {
                    sum = sum.add(f.amount());
                }
            }
        }
        return sum.signum() == 0 ? "—" : Dutch.money(sum);
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
            if (o.installments() != null) {
                ys.addAll(o.installments().keySet());
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
     * Opens a data table after its title. A short table is kept on one page together with its title;
     * longer tables break between rows and repeat their header.
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
