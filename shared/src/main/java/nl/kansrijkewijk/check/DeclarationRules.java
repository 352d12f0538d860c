package nl.kansrijkewijk.check;

import java.util.List;
import nl.kansrijkewijk.aanvraag.Aanvraag.Person;
import nl.kansrijkewijk.aanvraag.Declarations;
import nl.kansrijkewijk.finding.Texts;
import nl.kansrijkewijk.form.FormFields;

/** Section A signatory (art. 10, tweede lid) and the statements of section E (art. 2(2), 2(4), Toelichting 1.11). */
final class DeclarationRules implements RuleSet {
    static final String ONDERTEKENING_ONTBREEKT = "ONDERTEKENING-ONTBREEKT";
    static final String VERKLARING_ONTBREEKT = "VERKLARING-ONTBREEKT";

    @Override
    public List<String> ruleIds() {
        return List.of(ONDERTEKENING_ONTBREEKT, VERKLARING_ONTBREEKT);
    }

    @Override
    public void apply(Phase phase, CheckContext ctx) {
        if (phase != Phase.AANVRAAG) {
            return;
        }
        signatory(ctx);
        Declarations e = ctx.aanvraag.declarations();
        declaration(ctx, FormFields.E_PROGRAMMAORGANISATIE, e == null ? null : e.programmaorganisatie(),
                "art. 2, tweede lid, onder a", "dat een programmaorganisatie is ingericht en in stand wordt gehouden");
        declaration(ctx, FormFields.E_ALLIANTIEOVERLEG, e == null ? null : e.alliantieoverleg(),
                "art. 2, tweede lid, onder b", "dat een alliantieoverleg is ingesteld en in stand wordt gehouden");
        declaration(ctx, FormFields.E_GEEN_DUBBELFINANCIERING, e == null ? null : e.noDoubleFunding(),
                "art. 2, vierde lid", "dat de gemeente voor de activiteiten niet al een vergoeding van overheidswege ontvangt");
        declaration(ctx, FormFields.E_STAATSSTEUN, e == null ? null : e.stateAidChecked(),
                "Toelichting 1.11", "dat de activiteiten aan de Europese staatssteun- en aanbestedingsregels zijn getoetst");
    }

    private void signatory(CheckContext ctx) {
        Person p = ctx.aanvraag.signatory();
        boolean noName = p == null || Texts.blank(p.name());
        boolean noFunction = p == null || Texts.blank(p.function());
        if (!noName && !noFunction) {
            return;
        }
        String what = noName && noFunction ? "Naam en functie" : noName ? "De naam" : "De functie";
        ctx.finding(ONDERTEKENING_ONTBREEKT)
                .field(noName ? FormFields.A_ONDERTEKENAAR_NAAM : FormFields.A_ONDERTEKENAAR_FUNCTIE)
                .message(what + " van de ondertekenaar namens het college " + (noName && noFunction ? "ontbreken" : "ontbreekt")
                        + "; de aanvraag moet namens het college worden ingediend op het formulier van de minister.")
                .input("Naam ondertekenaar (" + FormFields.A_ONDERTEKENAAR_NAAM + ")", p == null ? "(leeg)" : Texts.orEmpty(p.name()))
                .input("Functie ondertekenaar (" + FormFields.A_ONDERTEKENAAR_FUNCTIE + ")", p == null ? "(leeg)" : Texts.orEmpty(p.function()))
                .outcome("ondertekening onvolledig")
                .add();
    }

    private void declaration(CheckContext ctx, String field, Boolean answer, String article, String statement) {
        if (Boolean.TRUE.equals(answer)) {
            return;
        }
        ctx.finding(VERKLARING_ONTBREEKT).field(field).article(article)
                .message("De verklaring " + statement + " (" + article + ") is niet met 'ja' beantwoord (antwoord: "
                        + Texts.yesNo(answer) + ").")
                .input("Verklaring (" + field + ")", Texts.yesNo(answer))
                .outcome("verklaring niet bevestigd")
                .add();
    }
}
