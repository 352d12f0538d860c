package nl.kansrijkewijk.check;

import java.util.List;
import java.util.Optional;
import nl.kansrijkewijk.aanvraag.BudgetGroups;
import nl.kansrijkewijk.finding.Texts;
import nl.kansrijkewijk.form.FormFields;
import nl.kansrijkewijk.regeling.FocusgebiedNames;
import nl.kansrijkewijk.regeling.Regeling.Gemeente;

/** Who applies: a gemeente with a stedelijk focusgebied (art. 1, art. 2(1)), its CBS code, its focusgebieden. */
final class AanvragerRules implements RuleSet {
    static final String GEMEENTE_ONBEKEND = "GEMEENTE-ONBEKEND";
    static final String GEMEENTECODE_ONJUIST = "GEMEENTECODE-ONJUIST";
    static final String FOCUSGEBIED_ONBEKEND = "FOCUSGEBIED-ONBEKEND";

    @Override
    public List<String> ruleIds() {
        return List.of(GEMEENTE_ONBEKEND, GEMEENTECODE_ONJUIST, FOCUSGEBIED_ONBEKEND);
    }

    @Override
    public void apply(Phase phase, CheckContext ctx) {
        if (phase != Phase.AANVRAAG) {
            return;
        }
        Optional<Gemeente> gemeente = ctx.gemeente();
        if (gemeente.isEmpty()) {
            gemeenteOnbekend(ctx);
            return;
        }
        gemeentecode(ctx, gemeente.get());
        focusgebieden(ctx, gemeente.get());
    }

    private void gemeenteOnbekend(CheckContext ctx) {
        String name = ctx.aanvraag.gemeente();
        String code = ctx.aanvraag.gemeentecode();
        List<String> all = ctx.regeling.gemeenten().stream().map(Gemeente::name).toList();
        CheckContext.Draft d = ctx.finding(GEMEENTE_ONBEKEND).field(FormFields.A_GEMEENTE)
                .input("Gemeente (" + FormFields.A_GEMEENTE + ")", Texts.orEmpty(name))
                .input("CBS-gemeentecode (" + FormFields.A_GEMEENTECODE + ")", Texts.orEmpty(code))
                .input("Gemeenten met een stedelijk focusgebied (art. 1)", Texts.join(all));
        if (Texts.blank(name)) {
            d.step("gemeente niet ingevuld; CBS-code " + Texts.quote(code) + " vergeleken met de codes van de "
                    + all.size() + " gemeenten: geen overeenkomst");
            d.message("De gemeente is niet ingevuld en de CBS-gemeentecode " + (Texts.blank(code) ? "ook niet" : Texts.quote(code)
                    + " hoort bij geen van de " + all.size() + " gemeenten met een stedelijk focusgebied (art. 1)") + ".");
        } else {
            d.step(Texts.quote(name) + " vergeleken met de namen en andere schrijfwijzen van de " + all.size()
                    + " gemeenten: geen overeenkomst");
            d.message(Texts.quote(name) + " is geen gemeente met een stedelijk focusgebied (art. 1); alleen "
                    + Texts.join(all) + " kunnen een uitkering op grond van deze regeling ontvangen (art. 2, eerste lid).");
        }
        ctx.refuseWhole(d);
    }

    private void gemeentecode(CheckContext ctx, Gemeente g) {
        String code = ctx.aanvraag.gemeentecode();
        Optional<Gemeente> byCode = ctx.regeling.gemeenteByCbsCode(code);
        if (!Texts.blank(code) && byCode.isPresent() && byCode.get().equals(g)) {
            return;
        }
        CheckContext.Draft d = ctx.finding(GEMEENTECODE_ONJUIST).field(FormFields.A_GEMEENTECODE)
                .input("Gemeente (" + FormFields.A_GEMEENTE + ")", g.name())
                .input("CBS-gemeentecode (" + FormFields.A_GEMEENTECODE + ")", Texts.orEmpty(code))
                .input("CBS-gemeentecode van " + g.name(), g.cbsCode());
        if (Texts.blank(code)) {
            d.message("De CBS-gemeentecode is niet ingevuld; voor " + g.name() + " is dat " + g.cbsCode() + ".")
                    .step("code leeg")
                    .outcome("code ontbreekt");
        } else {
            d.message("De CBS-gemeentecode " + Texts.quote(code) + " hoort niet bij " + g.name() + " (" + g.cbsCode() + ")"
                    + byCode.map(o -> " maar bij " + o.name()).orElse("") + ".")
                    .step(Texts.quote(code) + " ≠ " + g.cbsCode()
                            + byCode.map(o -> " (" + Texts.quote(code) + " is de code van " + o.name() + ")").orElse(""))
                    .outcome("code hoort niet bij de gemeente");
        }
        d.add();
    }

    private void focusgebieden(CheckContext ctx, Gemeente g) {
        List<String> typed = BudgetGroups.nonNull(ctx.aanvraag.focusgebieden());
        String own = Texts.join(g.focusgebieden());
        String ownSentence = (g.focusgebieden().size() == 1 ? "dat is " : "dat zijn ") + own;
        boolean any = false;
        for (int i = 0; i < typed.size(); i++) {
            String fg = typed.get(i);
            if (Texts.blank(fg)) {
                continue;
            }
            any = true;
            if (FocusgebiedNames.match(g, fg).isEmpty()) {
                String field = FormFields.focusgebied(i + 1);
                ctx.finding(FOCUSGEBIED_ONBEKEND).field(field)
                        .message(Texts.quote(fg) + " is geen stedelijk focusgebied van " + g.name() + "; " + ownSentence + " (art. 1).")
                        .input("Focusgebied (" + field + ")", fg)
                        .input("Stedelijke focusgebieden van " + g.name() + " (art. 1)", own)
                        .step(Texts.quote(fg) + " vergeleken met " + own + ": geen overeenkomst")
                        .outcome("focusgebied onbekend")
                        .add();
            }
        }
        if (!any) {
            ctx.finding(FOCUSGEBIED_ONBEKEND).field(FormFields.focusgebied(1))
                    .message("Er is geen stedelijk focusgebied ingevuld; voor " + g.name() + (g.focusgebieden().size() == 1 ? " is dat " : " zijn dat ")
                            + own + " (art. 1).")
                    .input("Focusgebieden (" + FormFields.focusgebied(1) + ", " + FormFields.focusgebied(2) + ")", "(leeg)")
                    .input("Stedelijke focusgebieden van " + g.name() + " (art. 1)", own)
                    .outcome("focusgebied ontbreekt")
                    .add();
        }
    }
}
