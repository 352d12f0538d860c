package nl.kansrijkewijk.check;

import java.time.LocalDate;
import java.util.List;
import nl.kansrijkewijk.aanvraag.AanvraagKind;
import nl.kansrijkewijk.finding.Texts;
import nl.kansrijkewijk.form.FormFields;
import nl.kansrijkewijk.money.DutchDates;
import nl.kansrijkewijk.regeling.Regeling.Period;

/** Art. 10, eerste en derde lid: the aanvraag period and the three wijziging periods. */
final class TermijnRules implements RuleSet {
    static final String AANVRAAG_TERMIJN = "AANVRAAG-TERMIJN";
    static final String WIJZIGING_TERMIJN = "WIJZIGING-TERMIJN";
    static final String DATUM_ONTBREEKT = "DATUM-ONTBREEKT";
    static final String DATUM_AFWIJKEND = "DATUM-AFWIJKEND";

    @Override
    public List<String> ruleIds() {
        return List.of(AANVRAAG_TERMIJN, WIJZIGING_TERMIJN, DATUM_ONTBREEKT, DATUM_AFWIJKEND);
    }

    /**
     * Timeliness is judged on the date the ministry received the upload (the pipeline's receipt, Europe/Amsterdam);
     * the typed date is shown beside it and a difference is a waarschuwing. Without a receipt date (./kw check without
     * --ontvangen) the typed date is used; the Besluit's timelinessBasis and the trails say so.
     */
    @Override
    public void apply(Phase phase, CheckContext ctx) {
        if (phase != Phase.AANVRAAG) {
            return;
        }
        LocalDate typed = ctx.aanvraag.submissionDate();
        LocalDate received = ctx.receivedOn;
        boolean wijziging = ctx.kind() == AanvraagKind.WIJZIGING;
        String article = wijziging ? "art. 10, derde lid" : "art. 10, eerste lid";
        if (typed == null) {
            ctx.finding(DATUM_ONTBREEKT).field(FormFields.A_DATUM).article(article)
                    .message("De datum van indiening ontbreekt of is onleesbaar; " + (received == null
                            ? "of " + ctx.subject() + " binnen de termijn van art. 10 is ingediend, is niet getoetst. Stel de datum van ontvangst vast."
                            : "de termijn van art. 10 is getoetst op de datum van ontvangst, " + DutchDates.formatWithWeekday(received) + "."))
                    .input("Datum van indiening (" + FormFields.A_DATUM + ")", "(leeg of onleesbaar)")
                    .input("Datum van ontvangst", received == null ? "(onbekend)" : DutchDates.formatWithWeekday(received))
                    .outcome(received == null ? "termijn niet getoetst" : "getoetst op de datum van ontvangst")
                    .add();
            if (received == null) {
                return;
            }
        } else if (received != null && !typed.equals(received)) {
            ctx.finding(DATUM_AFWIJKEND).field(FormFields.A_DATUM).article(article)
                    .message("De ingevulde datum van indiening (" + DutchDates.formatWithWeekday(typed) + ") wijkt af van de datum waarop "
                            + ctx.subject() + " is ontvangen (" + DutchDates.formatWithWeekday(received) + "). De termijn van " + article
                            + " is getoetst op de datum van ontvangst.")
                    .input("Datum van indiening (" + FormFields.A_DATUM + ")", DutchDates.formatWithWeekday(typed))
                    .input("Datum van ontvangst", DutchDates.formatWithWeekday(received))
                    .step("verschil: " + java.time.temporal.ChronoUnit.DAYS.between(typed, received) + " dag(en)")
                    .outcome("getoetst op de datum van ontvangst")
                    .add();
        }
        LocalDate date = received != null ? received : typed;
        String how = received != null ? "ontvangen op " : "ingediend op ";
        if (wijziging) {
            wijziging(ctx, date, how, typed, received);
        } else {
            aanvraag(ctx, date, how, typed, received);
        }
    }

    private void aanvraag(CheckContext ctx, LocalDate date, String how, LocalDate typed, LocalDate received) {
        Period window = ctx.regeling.deadlines().aanvraagWindow();
        if (window.contains(date)) {
            return;
        }
        CheckContext.Draft d = ctx.finding(AANVRAAG_TERMIJN).field(FormFields.A_DATUM)
                .message("De aanvraag is " + how + DutchDates.format(date) + ", buiten de aanvraagperiode van "
                        + Texts.period(window) + " (art. 10, eerste lid)." + weekendEdge(date, window))
                .input("Soort (" + FormFields.A_SOORT + ")", "aanvraag");
        dates(d, typed, received);
        d.input("Aanvraagperiode (art. 10, eerste lid)", Texts.period(window))
                .step(position(date, window));
        ctx.refuseWhole(d);
    }

    private void wijziging(CheckContext ctx, LocalDate date, String how, LocalDate typed, LocalDate received) {
        List<Period> windows = ctx.regeling.deadlines().wijzigingWindows();
        if (windows.stream().anyMatch(w -> w.contains(date))) {
            return;
        }
        List<String> texts = windows.stream().map(Texts::period).toList();
        String edge = windows.stream().map(w -> weekendEdge(date, w)).filter(e -> !e.isEmpty()).findFirst().orElse("");
        CheckContext.Draft d = ctx.finding(WIJZIGING_TERMIJN).field(FormFields.A_DATUM)
                .message("De wijziging is " + how + DutchDates.format(date)
                        + "; dat valt in geen van de wijzigingsperioden (" + String.join("; ", texts) + ") van art. 10, derde lid." + edge)
                .input("Soort (" + FormFields.A_SOORT + ")", "wijziging");
        dates(d, typed, received);
        d.input("Wijzigingsperioden (art. 10, derde lid)", String.join("; ", texts));
        windows.forEach(w -> d.step(position(date, w)));
        ctx.refuseWhole(d);
    }

    private static void dates(CheckContext.Draft d, LocalDate typed, LocalDate received) {
        d.input("Datum van indiening (" + FormFields.A_DATUM + ")", typed == null ? "(leeg of onleesbaar)" : DutchDates.formatWithWeekday(typed));
        d.input("Datum van ontvangst", received == null ? "(onbekend; getoetst op de ingevulde datum)" : DutchDates.formatWithWeekday(received));
    }

    /**
     * A period that ends on a Saturday or Sunday (30 September 2023 was a Saturday), with the date on or before the
     * next working day: named for the reviewer, who decides whether the end moves to that Monday.
     */
    static String weekendEdge(LocalDate date, Period w) {
        LocalDate end = w.through();
        if (!DutchDates.weekend(end) || !date.isAfter(end)) {
            return "";
        }
        LocalDate next = end;
        do {
            next = next.plusDays(1);
        } while (DutchDates.weekend(next));
        if (date.isAfter(next)) {
            return "";
        }
        return " De periode eindigde op " + DutchDates.formatWithWeekday(end) + "; de eerstvolgende werkdag was "
                + DutchDates.formatWithWeekday(next) + ". Beoordeel of de termijn tot die dag doorliep.";
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
