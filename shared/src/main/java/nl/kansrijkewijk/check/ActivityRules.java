package nl.kansrijkewijk.check;

import java.math.BigDecimal;
import java.util.List;
import nl.kansrijkewijk.aanvraag.Activity;
import nl.kansrijkewijk.aanvraag.ActivityTexts;
import nl.kansrijkewijk.aanvraag.BudgetGroups;
import nl.kansrijkewijk.finding.Texts;
import nl.kansrijkewijk.form.FormFields;
import nl.kansrijkewijk.money.Money;
import nl.kansrijkewijk.regeling.FocusgebiedNames;
import nl.kansrijkewijk.regeling.Regeling.Gemeente;

/** Rules for every activity: its onderdeel and focusgebied, art. 2(4) and 2(5), and art. 12(1). */
final class ActivityRules implements RuleSet {
    static final String ACTIVITEIT_ONDERDEEL = "ACTIVITEIT-ONDERDEEL";
    static final String ACTIVITEIT_FOCUSGEBIED = "ACTIVITEIT-FOCUSGEBIED";
    static final String DUBBELE_FINANCIERING = "DUBBELE-FINANCIERING";
    static final String BTW_COMPENSABEL = "BTW-COMPENSABEL";
    static final String ONDERBOUWING_ONTBREEKT = "ONDERBOUWING-ONTBREEKT";

    @Override
    public List<String> ruleIds() {
        return List.of(ACTIVITEIT_ONDERDEEL, ACTIVITEIT_FOCUSGEBIED, DUBBELE_FINANCIERING, BTW_COMPENSABEL, ONDERBOUWING_ONTBREEKT);
    }

    @Override
    public void apply(Phase phase, CheckContext ctx) {
        if (phase != Phase.ACTIVITY) {
            return;
        }
        for (Activity a : BudgetGroups.nonNull(ctx.aanvraag.activities())) {
            onderdeel(ctx, a);
            focusgebied(ctx, a);
            if (Boolean.TRUE.equals(a.otherGovernmentFunding())) {
                String field = FormFields.activity(a.number(), FormFields.C_OVERHEID);
                ctx.refuseActivity(a, ctx.finding(DUBBELE_FINANCIERING).activity(a).field(field)
                        .message(ActivityTexts.activityAtStart(a) + ": volgens het formulier ontvangt de gemeente voor deze activiteit al een "
                                + "vergoeding van overheidswege; daarvoor wordt geen uitkering verstrekt (art. 2, vierde lid).")
                        .input("Al een vergoeding van overheidswege (" + field + ")", "ja")
                        .input("Begroting van de activiteit", Money.format(CheckContext.activityTotal(a))));
            }
            BigDecimal btw = a.compensableBtw();
            if (btw != null && btw.signum() > 0) {
                btwCompensabel(ctx, a, Money.scale(btw));
            }
            if (Texts.blank(a.onderbouwing())) {
                String field = FormFields.activity(a.number(), FormFields.C_ONDERBOUWING);
                ctx.finding(ONDERBOUWING_ONTBREEKT).activity(a).field(field)
                        .message(ActivityTexts.activityAtStart(a) + " heeft geen onderbouwing van hoe zij bijdraagt aan het doel; "
                                + "zonder onderbouwing is niet te beoordelen of zij aan de doelen van art. 2, eerste lid bijdraagt (art. 12, eerste lid).")
                        .input("Onderbouwing (" + field + ")", "(leeg)")
                        .outcome("onderbouwing ontbreekt")
                        .add();
            }
        }
    }

    /**
     * Art. 2(5) is carried out by the btw estimate (toelichting bij artikel 2: the uitkering is granted exclusief
     * btw, the btw component estimated at a percentage of the uitkering and paid into the BTW-compensatiefonds).
     * Refusing declared btw as well would take btw twice, so the declaration is compared with the estimate for the
     * reviewer and refuses nothing.
     */
    private void btwCompensabel(CheckContext ctx, Activity a, BigDecimal btw) {
        String field = FormFields.activity(a.number(), FormFields.C_BTW_COMPENSABEL);
        BigDecimal total = CheckContext.activityTotal(a);
        String code = Texts.blank(a.onderdeel()) ? null : a.onderdeel().strip();
        BigDecimal pct = code == null ? null : ctx.regeling.onderdeel(code).map(o -> o.btwPercent()).orElse(null);
        CheckContext.Draft d = ctx.finding(BTW_COMPENSABEL).activity(a).field(field)
                .input("Compensabele btw (" + field + ")", Money.format(btw))
                .input("Begroting van de activiteit (inclusief btw)", Money.format(total));
        StringBuilder m = new StringBuilder(ActivityTexts.activityAtStart(a)).append(" vermeldt ").append(Money.format(btw))
                .append(" btw die compensabel is via het BTW-compensatiefonds (artikel 2, vijfde lid). Die btw wordt niet"
                        + " apart afgewezen: de uitkering wordt exclusief btw verleend en de btw-component is geraamd");
        if (pct == null) {
            m.append(" per onderdeel; de activiteit noemt geen bekend onderdeel.");
        } else {
            BigDecimal estimate = Money.percent(total, pct);
            d.input("Btw-raming van het onderdeel (toelichting bij artikel 2)", Texts.percent(pct));
            d.step(Texts.percent(pct) + " van " + Money.format(total) + " = " + Money.format(estimate) + " geraamde btw");
            d.step("vermeld " + Money.format(btw) + (btw.compareTo(estimate) > 0 ? " > " : " ≤ ") + Money.format(estimate) + " geraamd");
            m.append(" op ").append(Texts.percent(pct).replace(" %", " procent")).append(" (voor deze activiteit ")
                    .append(Money.format(estimate)).append(").");
            if (btw.compareTo(estimate) > 0) {
                m.append(" De vermelde btw is hoger dan de raming; beoordeel of de raming voor deze activiteit volstaat.");
            }
        }
        d.message(m.toString()).outcome("ter beoordeling: btw al verrekend via de btw-component").add();
    }

    private void onderdeel(CheckContext ctx, Activity a) {
        String code = a.onderdeel();
        if (!Texts.blank(code) && ctx.regeling.onderdeel(code.strip()).isPresent()) {
            return;
        }
        String field = FormFields.activity(a.number(), FormFields.C_ONDERDEEL);
        List<String> known = ctx.regeling.onderdelen().stream().map(o -> o.code() + " (" + o.name() + ")").toList();
        ctx.finding(ACTIVITEIT_ONDERDEEL).activity(a).field(field)
                .message(ActivityTexts.activityAtStart(a) + (Texts.blank(code) ? " noemt geen onderdeel" : " noemt onderdeel "
                        + Texts.quote(code) + ", dat de regeling niet kent") + "; de activiteit telt daardoor bij geen onderdeel mee.")
                .input("Onderdeel (" + field + ")", Texts.orEmpty(code))
                .input("Onderdelen van de regeling", String.join(", ", known))
                .outcome("onderdeel onbekend")
                .add();
    }

    private void focusgebied(CheckContext ctx, Activity a) {
        if (!ctx.gemeenteKnown()) {
            return;
        }
        Gemeente g = ctx.gemeente().get();
        String typed = a.focusgebied();
        String field = FormFields.activity(a.number(), FormFields.C_FOCUSGEBIED);
        String own = Texts.join(g.focusgebieden());
        if (Texts.blank(typed)) {
            if (g.focusgebieden().size() <= 1) {
                return; // one focusgebied: a blank answer can only mean that one
            }
            String code = Texts.blank(a.onderdeel()) ? null : a.onderdeel().strip();
            // The Bijlage gives Amsterdam one ORG amount for both focusgebieden: there the gap changes no amount.
            boolean oneAmount = code != null && ctx.regeling.bijlageEntry(code, g.name())
                    .map(e -> !e.splitPerFocusgebied()).orElse(false);
            String why = oneAmount
                    ? ". Voor " + ctx.onderdeelName(code) + " noemt de Bijlage één bedrag voor beide focusgebieden, dus"
                            + " het bedrag verandert niet; vermeld wel waar de activiteit plaatsvindt (of dat zij beide"
                            + " focusgebieden betreft)."
                    : " en de Bijlage kent per focusgebied eigen bedragen.";
            ctx.finding(ACTIVITEIT_FOCUSGEBIED).activity(a).field(field)
                    .message(ActivityTexts.activityAtStart(a) + " noemt geen focusgebied; " + g.name() + " heeft er "
                            + g.focusgebieden().size() + " (" + own + ")" + why)
                    .input("Focusgebied (" + field + ")", "(leeg)")
                    .input("Stedelijke focusgebieden van " + g.name(), own)
                    .outcome("focusgebied ontbreekt")
                    .add();
        } else if (FocusgebiedNames.match(g, typed).isEmpty()) {
            ctx.finding(ACTIVITEIT_FOCUSGEBIED).activity(a).field(field)
                    .message(ActivityTexts.activityAtStart(a) + " noemt focusgebied " + Texts.quote(typed) + ", dat geen stedelijk focusgebied van "
                            + g.name() + " is (" + own + ").")
                    .input("Focusgebied (" + field + ")", typed)
                    .input("Stedelijke focusgebieden van " + g.name(), own)
                    .step(Texts.quote(typed) + " vergeleken met " + own + ": geen overeenkomst")
                    .outcome("focusgebied onbekend")
                    .add();
        }
    }
}
