package nl.kansrijkewijk.check;

import java.time.LocalDate;
import java.util.List;
import nl.kansrijkewijk.aanvraag.AanvraagKind;
import nl.kansrijkewijk.form.FormFields;
import nl.kansrijkewijk.money.DutchDates;
import nl.kansrijkewijk.regeling.Regeling.Period;

/** Art. 10, eerste en derde lid: the aanvraag period and the three wijziging periods. */
final class TermijnRules implements RuleSet {
    static final String AANVRAAG_TERMIJN = "AANVRAAG-TERMIJN";
    static final String WIJZIGING_TERMIJN = "WIJZIGING-TERMIJN";
    static final String DATUM_ONTBREEKT = "DATUM-ONTBREEKT";

    @Override
    public List<String> ruleIds() {
        return List.of(AANVRAAG_TERMIJN, WIJZIGING_TERMIJN, DATUM_ONTBREEKT);
    }

    @Override
    public void apply(Phase phase, CheckContext ctx) {
        if (phase != Phase.AANVRAAG) {
            return;
        }
        LocalDate date = ctx.aanvraag.submissionDate();
        boolean wijziging = ctx.kind() == AanvraagKind.WIJZIGING;
        if (date == null) {
            ctx.finding(DATUM_ONTBREEKT).field(FormFields.A_DATUM)
                    .article(wijziging ? "art. 10, derde lid" : "art. 10, eerste lid")
                    .message("De datum van indiening ontbreekt of is onleesbaar; of " + ctx.subject()
                            + " binnen de termijn van art. 10 is ingediend, is niet getoetst. Stel de datum van ontvangst vast.")
                    .input("Datum van indiening (" + FormFields.A_DATUM + ")", "(leeg of onleesbaar)")
                    .outcome("termijn niet getoetst")
                    .add();
            return;
        }
        if (wijziging) {
            wijziging(ctx, date);
        } else {
            aanvraag(ctx, date);
        }
    }

    private void aanvraag(CheckContext ctx, LocalDate date) {
        Period window = ctx.regeling.deadlines().aanvraagWindow();
        if (window.contains(date)) {
            return;
        }
        CheckContext.Draft d = ctx.finding(AANVRAAG_TERMIJN).field(FormFields.A_DATUM)
                .message("De aanvraag is ingediend op " + DutchDates.format(date) + ", buiten de aanvraagperiode van "
                        + Texts.period(window) + " (art. 10, eerste lid).")
                .input("Soort (" + FormFields.A_SOORT + ")", "aanvraag")
                .input("Datum van indiening (" + FormFields.A_DATUM + ")", DutchDates.format(date))
                .input("Aanvraagperiode (art. 10, eerste lid)", Texts.period(window))
                .step(position(date, window));
        ctx.refuseWhole(d);
    }

    private void wijziging(CheckContext ctx, LocalDate date) {
        List<Period> windows = ctx.regeling.deadlines().wijzigingWindows();
        if (windows.stream().anyMatch(w -> w.contains(date))) {
            return;
        }
        List<String> texts = windows.stream().map(Texts::period).toList();
        CheckContext.Draft d = ctx.finding(WIJZIGING_TERMIJN).field(FormFields.A_DATUM)
                .message("De wijziging is ingediend op " + DutchDates.format(date)
                        + "; dat valt in geen van de wijzigingsperioden (" + String.join("; ", texts) + ") van art. 10, derde lid.")
                .input("Soort (" + FormFields.A_SOORT + ")", "wijziging")
                .input("Datum van indiening (" + FormFields.A_DATUM + ")", DutchDates.format(date))
                .input("Wijzigingsperioden (art. 10, derde lid)", String.join("; ", texts));
        windows.forEach(w -> d.step(position(date, w)));
        ctx.refuseWhole(d);
    }

    private static String position(LocalDate date, Period w) {
        String d = DutchDates.format(date);
        if (date.isBefore(w.from())) {
            return d + " ligt vóór het begin van de periode " + Texts.period(w);
        }
        if (date.isAfter(w.through())) {
            return d + " ligt na het einde van de periode " + Texts.period(w);
        }
        return d + " ligt in de periode " + Texts.period(w);
    }
}
