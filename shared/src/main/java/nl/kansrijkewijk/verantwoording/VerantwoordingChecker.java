package nl.kansrijkewijk.verantwoording;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import nl.kansrijkewijk.finding.Finding;
import nl.kansrijkewijk.finding.Location;
import nl.kansrijkewijk.finding.RuleCatalogue;
import nl.kansrijkewijk.finding.Trail;
import nl.kansrijkewijk.money.DutchDates;
import nl.kansrijkewijk.money.Money;
import nl.kansrijkewijk.regeling.Regeling;
import nl.kansrijkewijk.sisa.SisaConfig;
import nl.kansrijkewijk.sisa.Verantwoording;
import nl.kansrijkewijk.sisa.VerantwoordingRegel;
import nl.kansrijkewijk.verantwoording.VerantwoordingContext.Ontvangst;
import nl.kansrijkewijk.verantwoording.VerantwoordingContext.Toekenning;

/**
 * Judges one year's verantwoording against the dossier: the delivery (second delivery, correction, lateness, art.
 * 15(3)), art. 11(1) per row (reservation at most the unspent part of what was paid, same onderdeel, next calendar
 * year, nothing moved between onderdelen), art. 11(2), (3) (the bestedingstermijn and uitstel), and whether the
 * figures add up with last year's (reserve, cumulative spending). Findings carry their inputs and arithmetic.
 *
 * <p>Reserve arithmetic per row, year T: beschikbaar = uitbetaald(T) + opgebouwde reserve (T-1, as recorded last
 * year); niet besteed = beschikbaar − besteding(T) − correctie(T-1); the reservering may not exceed niet besteed.
 * Which money is reserved (this year's or last year's reserve again) is read the way most favourable to the gemeente:
 * spending uses last year's reserve first, and this year's money is reserved first; only what then remains was
 * reserved a second time (the Toelichting's "wederom", a waarschuwing).
 */
public final class VerantwoordingChecker {
    private final Regeling regeling;
    private final SisaConfig config;
    private final RuleCatalogue catalogue;

    public VerantwoordingChecker(Regeling regeling, SisaConfig config, RuleCatalogue catalogue) {
        this.regeling = regeling;
        this.config = config;
        this.catalogue = catalogue;
    }

    /**
     * @param v         the verantwoording at hand (not among {@code ctx.verantwoordingen()})
     * @param ontvangen when the minister received it; null when unknown (then nothing about lateness is said)
     */
    public List<Finding> check(Verantwoording v, LocalDate ontvangen, VerantwoordingContext ctx) {
        Findings f = new Findings(catalogue);
        f.addAll(v.leesFindings());
        Location doc = Location.document(v.documentName());
        int year = v.verslagjaar();
        LocalDate end = Deliveries.endOfTermijn(regeling, ctx);
        delivery(f, v, ontvangen, ctx, doc);
        uitstel(f, v, ctx, doc);

        SortedMap<Integer, Ontvangst> earlier = Deliveries.effective(ctx.verantwoordingen());
        Optional<Verantwoording> prev = Optional.ofNullable(earlier.get(year - 1)).map(Ontvangst::verantwoording);
        boolean firstYear = year == regeling.years().get(0);
        if (!firstYear && prev.isEmpty()) {
            f.add("VJ-VORIG-JAAR-ONTBREEKT", "De verantwoording over " + (year - 1) + " is niet in het dossier. De "
                    + "opgebouwde reserve en de cumulatieve besteding over " + year + " zijn daarom niet aan te sluiten.",
                    doc, Trail.builder().input("verslagjaar", year)
                            .input("verantwoordingen in het dossier", earlier.keySet())
                            .outcome("niet aangesloten"), null, null, null);
        }

        List<Mismatch> mismatches = new ArrayList<>();
        for (VerantwoordingRegel row : v.regels()) {
            Optional<Toekenning> t = ctx.toekenning(row.key());
            if (t.isEmpty() || t.get().verleend().signum() == 0) {
                noVerlening(f, v, row);
                continue;
            }
            Optional<VerantwoordingRegel> prevRow = prev.flatMap(p -> p.regel(row.key()));
            BigDecimal recordedReserve = firstYear ? Money.ZERO
                    : prev.isPresent() ? prevRow.map(VerantwoordingRegel::reservering).map(Money::scale).orElse(Money.ZERO)
                    : null;
            BigDecimal statedReserve = nz(row.reserveVorigJaar());
            if (recordedReserve != null && statedReserve.compareTo(recordedReserve) != 0) {
                mismatches.add(new Mismatch(row, statedReserve, recordedReserve));
            }
            BigDecimal basisReserve = recordedReserve != null ? recordedReserve : statedReserve;
            reserve(f, v, row, t.get(), basisReserve, recordedReserve != null, end);
            cumulative(f, v, row, prevRow, firstYear || prev.isPresent());
            termijn(f, v, row, end);
        }
        reserveMovements(f, v, mismatches);
        missingRows(f, v, ctx, doc);
        return f.list();
    }

    // ------------------------------------------------------------------------------------------------ delivery

    private void delivery(Findings f, Verantwoording v, LocalDate ontvangen, VerantwoordingContext ctx, Location doc) {
        int year = v.verslagjaar();
        Optional<Ontvangst> same = ctx.verantwoordingen().stream()
                .filter(o -> o.verantwoording().verslagjaar() == year).reduce((a, b) -> b);
        if (same.isPresent()) {
            Trail.Builder t = Trail.builder().input("verslagjaar", year)
                    .input("eerdere levering ontvangen op", date(same.get().ontvangen()))
                    .input("eerdere levering", same.get().verantwoording().documentName())
                    .input("soort levering van dit blad", v.correctie() ? "correctie" : "eerste levering");
            if (v.correctie()) {
                f.add("VJ-CORRECTIE-LEVERING", "Deze verantwoording over " + year + " is aangemerkt als correctie en "
                        + "vervangt de levering van " + date(same.get().ontvangen()) + ".", doc,
                        t.outcome("vervangt de eerdere levering"), null, null, null);
            } else {
                f.add("VJ-TWEEDE-LEVERING", "Over " + year + " is op " + date(same.get().ontvangen()) + " al een "
                        + "verantwoording ontvangen. Dit blad is niet als correctie aangemerkt (‘Soort levering’) en "
                        + "vervangt de eerdere levering daarom niet; de eerdere blijft gelden.", doc,
                        t.outcome("eerdere levering blijft gelden"), null, null, null);
            }
        }
        if (ontvangen == null) {
            return;
        }
        LocalDate due = config.deliveryDue(year);
        if (ontvangen.isAfter(due)) {
            f.add("VJ-TE-LAAT-GELEVERD", "De SiSa-bijlage over " + year + " is ontvangen op " + date(ontvangen)
                    + ", na de uiterste leverdatum van " + date(due) + ".", doc,
                    Trail.builder().input("ontvangen", date(ontvangen)).input("uiterste leverdatum", date(due))
                            .step("15 juli van het jaar na het verslagjaar: " + date(due))
                            .outcome("te laat geleverd"), null, null, null);
        }
        LocalDate lastTimely = Deliveries.lastTimelyDay(regeling, year);
        if (ontvangen.isAfter(lastTimely)) {
            boolean last = year >= Deliveries.endOfTermijn(regeling, ctx).getYear();
            f.add("VJ-AMBTSHALVE", "De verantwoordingsinformatie over " + year + " is ontvangen op " + date(ontvangen)
                    + ", later dan achttien maanden na " + year + " (uiterlijk " + date(lastTimely) + "). "
                    + (last ? "Dit is de verantwoording over het laatste jaar: de minister stelt de uitkering "
                            + "ambtshalve vast (artikel 15, derde lid)."
                            : "Artikel 15, derde lid, gaat over de informatie over het laatste jaar; de beoordelaar "
                                    + "weegt de late levering over dit jaar mee."),
                    doc, Trail.builder().input("verslagjaar", year).input("ontvangen", date(ontvangen))
                            .step("31 december " + year + " + " + regeling.deadlines().verantwoordingWithinMonths()
                                    + " maanden = " + date(lastTimely))
                            .outcome(last ? "ambtshalve vaststelling" : "te laat; geen ambtshalve vaststelling"),
                    null, null, null);
        }
    }

    private void uitstel(Findings f, Verantwoording v, VerantwoordingContext ctx, Location doc) {
        Regeling.Deadlines d = regeling.deadlines();
        if (v.verslagjaar() < d.spendBy().getYear() || ctx.uitstel().isEmpty()) {
            return;
        }
        VerantwoordingContext.Uitstel u = ctx.uitstel().get();
        Trail.Builder t = Trail.builder().input("verzoek ontvangen", date(u.verzochtOp()))
                .input("verzoekperiode", date(d.extensionRequestWindow().from()) + " tot en met "
                        + date(d.extensionRequestWindow().through()))
                .input("besluit", u.verleend() == null ? "(geen)" : u.verleend() ? "uitstel verleend" : "geweigerd")
                .input("uitstel tot", date(u.verleendTot()));
        if (u.verzochtOp() != null && !d.extensionRequestWindow().contains(u.verzochtOp())) {
            f.add("VJ-UITSTEL-VERZOEK", "Het verzoek om uitstel is ontvangen op " + date(u.verzochtOp())
                    + ", buiten de periode van " + date(d.extensionRequestWindow().from()) + " tot en met "
                    + date(d.extensionRequestWindow().through()) + "."
                    + (Boolean.TRUE.equals(u.verleend()) ? " Toch is uitstel verleend; de beoordelaar gaat na of dat "
                            + "berust op artikel 16 (hardheidsclausule)." : ""),
                    doc, t.outcome("verzoek buiten de periode"), null, null, null);
        }
        if (u.verleend() == null) {
            f.add("VJ-UITSTEL-VERZOEK", "Op het verzoek om uitstel van " + date(u.verzochtOp()) + " is in het dossier "
                    + "geen besluit vastgelegd; de bestedingstermijn blijft " + date(d.spendBy()) + " tot er is besloten.",
                    doc, t.outcome("geen besluit"), null, null, null);
        }
        if (Boolean.TRUE.equals(u.verleend()) && u.verleendTot() != null && u.verleendTot().isAfter(d.extensionThrough())) {
            f.add("VJ-UITSTEL-VERZOEK", "Het uitstel loopt volgens het dossier tot " + date(u.verleendTot())
                    + "; artikel 11, derde lid, staat ten hoogste uitstel tot en met " + date(d.extensionThrough())
                    + " toe. Gerekend is met " + date(d.extensionThrough()) + ".", doc,
                    t.outcome("uitstel begrensd op " + date(d.extensionThrough())), null, null, null);
        }
    }

    // ------------------------------------------------------------------------------------------------ per row

    private void noVerlening(Findings f, Verantwoording v, VerantwoordingRegel row) {
        BigDecimal amount = nz(row.besteding()).add(nz(row.reservering()));
        if (amount.signum() == 0 && nz(row.reserveVorigJaar()).signum() == 0) {
            return; // an empty row of the blank bijlage for an onderdeel the gemeente did not receive
        }
        f.add("VJ-ONDERDEEL-ZONDER-VERLENING", "Voor " + label(row) + " is geen uitkering verleend. Besteding ("
                + Money.format(nz(row.besteding())) + ") en reservering (" + Money.format(nz(row.reservering()))
                + ") op dit onderdeel komen niet ten laste van de uitkering: middelen van een ander onderdeel mogen "
                + "hiervoor niet worden gebruikt.", row.location("besteding", v.documentName()),
                Trail.builder().input("regel", row.key()).input("besteding", Money.format(row.besteding()))
                        .input("reservering", Money.format(row.reservering()))
                        .input("verleend voor dit onderdeel", Money.format(Money.ZERO))
                        .outcome("niet ten laste van de uitkering"), row.onderdeel(), row.focusgebied(),
                Money.scale(nz(row.besteding())));
    }

    private void reserve(Findings f, Verantwoording v, VerantwoordingRegel row, Toekenning t, BigDecimal reserveBasis,
            boolean recorded, LocalDate end) {
        int year = v.verslagjaar();
        BigDecimal paid = t.uitbetaald(year);
        BigDecimal spent = nz(row.besteding());
        BigDecimal correction = nz(row.correctieVorigJaar());
        BigDecimal reservation = nz(row.reservering());
        BigDecimal available = paid.add(reserveBasis);
        BigDecimal unspent = available.subtract(spent).subtract(correction);
        String doc = v.documentName();
        Trail.Builder base = Trail.builder()
                .input("regel", row.key())
                .input("uitbetaald in " + year, Money.format(paid))
                .input("opgebouwde reserve ultimo " + (year - 1) + (recorded ? " (vastgelegd vorig jaar)" : " (opgegeven)"),
                        Money.format(reserveBasis))
                .input("besteding " + year, Money.format(spent))
                .input("correctie besteding " + (year - 1), Money.format(correction))
                .input("reservering ultimo " + year, Money.format(reservation))
                .step("beschikbaar = " + Money.format(paid) + " + " + Money.format(reserveBasis) + " = "
                        + Money.format(available))
                .step("niet besteed = " + Money.format(available) + " − " + Money.format(spent) + " − "
                        + Money.format(correction) + " = " + Money.format(unspent));
        if (correction.signum() != 0) {
            f.add("VJ-CORRECTIE-VORIG-JAAR", "De besteding over " + (year - 1) + " van " + label(row)
                    + " wordt gecorrigeerd met " + Money.format(correction) + ".",
                    row.location("correctieVorigJaar", doc), Trail.builder().input("regel", row.key())
                            .input("correctie", Money.format(correction)).outcome("meegenomen in " + year),
                    row.onderdeel(), row.focusgebied(), null);
        }
        if (unspent.signum() < 0) {
            f.add("VJ-BESTEDING-BOVEN-BESCHIKBAAR", "De besteding over " + year + " van " + label(row) + " is "
                    + Money.format(unspent.negate()) + " hoger dan wat beschikbaar was (uitbetaalde termijn plus "
                    + "opgebouwde reserve). Bij de vaststelling telt besteding ten hoogste tot het verleende bedrag "
                    + "(artikel 15, tweede lid).", row.location("besteding", doc),
                    base.outcome("besteding boven beschikbaar: " + Money.format(unspent.negate())),
                    row.onderdeel(), row.focusgebied(), null);
        }
        BigDecimal max = unspent.max(Money.ZERO);
        if (reservation.compareTo(max) > 0) {
            BigDecimal excess = reservation.subtract(max);
            f.add("VJ-RESERVE-MAXIMUM", "De reservering ultimo " + year + " voor " + label(row) + " ("
                    + Money.format(reservation) + ") is " + Money.format(excess) + " hoger dan het niet bestede deel van "
                    + "de uitgekeerde middelen (" + Money.format(max) + "). Ten hoogste dat deel kan worden "
                    + "gereserveerd.", row.location("reservering", doc),
                    base.step("maximale reservering = niet besteed, ten hoogste "
                                    + nl.kansrijkewijk.finding.Texts.percent(regeling.thresholds().reserveringMaximumPercent())
                                    + " = " + Money.format(max))
                            .step("te veel gereserveerd = " + Money.format(reservation) + " − " + Money.format(max)
                                    + " = " + Money.format(excess))
                            .outcome(Money.format(excess) + " niet als reservering aanvaard"),
                    row.onderdeel(), row.focusgebied(), excess);
        }
        BigDecimal accepted = reservation.min(max);
        // favourable reading: spending uses last year's reserve first, this year's money is reserved first
        BigDecimal newLeft = paid.subtract(spent.add(correction).subtract(reserveBasis).max(Money.ZERO)).max(Money.ZERO);
        BigDecimal again = accepted.subtract(newLeft).max(Money.ZERO);
        if (again.signum() > 0 && year < end.getYear()) {
            f.add("VJ-RESERVE-DOORGESCHOVEN", "Van de reservering ultimo " + year + " voor " + label(row) + " is "
                    + Money.format(again) + " geld dat al ultimo " + (year - 1) + " was gereserveerd. Artikel 11, "
                    + "eerste lid, staat reserveren toe voor ‘het daaropvolgende kalenderjaar’; de toelichting op "
                    + "artikel 11 staat toe dat het ‘wederom’ wordt doorgeschoven. Het artikel laat dat niet "
                    + "ondubbelzinnig toe of uit: de beoordelaar beslist.", row.location("reservering", doc),
                    base.step("nog niet bestede middelen van " + year + " = " + Money.format(newLeft)
                                    + " (besteding eerst ten laste van de reserve)")
                            .step("opnieuw gereserveerd = " + Money.format(accepted) + " − " + Money.format(newLeft)
                                    + " = " + Money.format(again))
                            .outcome("lezing artikel: niet toegestaan; lezing toelichting: toegestaan"),
                    row.onderdeel(), row.focusgebied(), null);
        }
        BigDecimal unreserved = max.subtract(accepted);
        if (unreserved.signum() > 0 && year < end.getYear()) {
            f.add("VJ-NIET-GERESERVEERD", Money.format(unreserved) + " van " + label(row) + " is ultimo " + year
                    + " niet besteed en niet gereserveerd. Dat bedrag komt bij de vaststelling voor terugvordering in "
                    + "aanmerking (artikel 15, vierde lid).", row.location("reservering", doc),
                    base.step("niet gereserveerd = " + Money.format(max) + " − " + Money.format(accepted) + " = "
                            + Money.format(unreserved)).outcome("niet besteed en niet gereserveerd"),
                    row.onderdeel(), row.focusgebied(), null);
        }
    }

    private void cumulative(Findings f, Verantwoording v, VerantwoordingRegel row,
            Optional<VerantwoordingRegel> prevRow, boolean comparable) {
        if (!comparable || row.cumulatief() == null) {
            return;
        }
        int year = v.verslagjaar();
        BigDecimal before = prevRow.map(VerantwoordingRegel::cumulatief).map(Money::scale).orElse(Money.ZERO);
        BigDecimal expected = before.add(nz(row.besteding())).add(nz(row.correctieVorigJaar()));
        if (expected.compareTo(Money.scale(row.cumulatief())) != 0) {
            f.add("VJ-CUMULATIEF", "De cumulatieve besteding van " + label(row) + " is " + Money.format(row.cumulatief())
                    + "; volgens de verantwoording over " + (year - 1) + " en de besteding over " + year + " is dat "
                    + Money.format(expected) + ".", row.location("cumulatief", v.documentName()),
                    Trail.builder().input("regel", row.key())
                            .input("cumulatief t/m " + (year - 1), Money.format(before))
                            .input("besteding " + year, Money.format(nz(row.besteding())))
                            .input("correctie " + (year - 1), Money.format(nz(row.correctieVorigJaar())))
                            .input("opgegeven cumulatief t/m " + year, Money.format(row.cumulatief()))
                            .step(Money.format(before) + " + " + Money.format(nz(row.besteding())) + " + "
                                    + Money.format(nz(row.correctieVorigJaar())) + " = " + Money.format(expected))
                            .outcome("verschil " + Money.format(Money.scale(row.cumulatief()).subtract(expected))),
                    row.onderdeel(), row.focusgebied(), null);
        }
    }

    private void termijn(Findings f, Verantwoording v, VerantwoordingRegel row, LocalDate end) {
        int year = v.verslagjaar();
        String doc = v.documentName();
        Trail.Builder t = Trail.builder().input("regel", row.key()).input("verslagjaar", year)
                .input("einde bestedingstermijn", date(end));
        if (year > end.getYear()) {
            BigDecimal spent = nz(row.besteding());
            if (spent.signum() != 0 || nz(row.reservering()).signum() != 0) {
                f.add("VJ-BESTEDINGSTERMIJN", "De uitkering moest uiterlijk op " + date(end) + " zijn besteed. De "
                        + "besteding over " + year + " van " + label(row) + " (" + Money.format(spent) + ") valt "
                        + "daarna en komt niet ten laste van de uitkering.", row.location("besteding", doc),
                        t.input("besteding", Money.format(spent)).outcome(Money.format(spent) + " niet aanvaard"),
                        row.onderdeel(), row.focusgebied(), Money.scale(spent));
            }
            return;
        }
        if (year == end.getYear()) {
            if (nz(row.reservering()).signum() > 0) {
                f.add("VJ-BESTEDINGSTERMIJN", "Ultimo " + year + " is voor " + label(row) + " "
                        + Money.format(row.reservering()) + " gereserveerd, maar de bestedingstermijn eindigt op "
                        + date(end) + ": na die datum kan niets meer ten laste van de uitkering worden besteed.",
                        row.location("reservering", doc),
                        t.input("reservering", Money.format(row.reservering())).outcome("reservering niet aanvaard"),
                        row.onderdeel(), row.focusgebied(), Money.scale(row.reservering()));
            }
            if (!Boolean.TRUE.equals(row.eindverantwoording())) {
                f.add("VJ-EINDVERANTWOORDING", "De bestedingstermijn eindigt in " + year + ", maar bij " + label(row)
                        + " staat geen ‘Ja’ bij Eindverantwoording.", row.location("eindverantwoording", doc),
                        t.input("eindverantwoording", row.eindverantwoording()).outcome("laatste jaar, geen Ja"),
                        row.onderdeel(), row.focusgebied(), null);
            }
        } else if (Boolean.TRUE.equals(row.eindverantwoording()) && nz(row.reservering()).signum() > 0) {
            f.add("VJ-EINDVERANTWOORDING", "Bij " + label(row) + " staat ‘Ja’ bij Eindverantwoording, terwijl er "
                    + Money.format(row.reservering()) + " is gereserveerd voor " + (year + 1) + ".",
                    row.location("eindverantwoording", doc),
                    t.input("reservering", Money.format(row.reservering())).outcome("eindverantwoording met reservering"),
                    row.onderdeel(), row.focusgebied(), null);
        }
    }

    private record Mismatch(VerantwoordingRegel row, BigDecimal stated, BigDecimal recorded) {}

    /**
     * A row whose opgebouwde reserve is higher than what was reserved for it, while the total is not higher than the
     * total reserved, received money from another row: moved between onderdelen (art. 11(1), unambiguous). Any other
     * difference is a waarschuwing: the sheet does not connect to last year's.
     */
    private void reserveMovements(Findings f, Verantwoording v, List<Mismatch> mismatches) {
        BigDecimal statedTotal = Money.sum(mismatches.stream().map(Mismatch::stated).toList());
        BigDecimal recordedTotal = Money.sum(mismatches.stream().map(Mismatch::recorded).toList());
        boolean moved = statedTotal.compareTo(recordedTotal) <= 0
                && mismatches.stream().anyMatch(m -> m.stated().compareTo(m.recorded()) > 0);
        int year = v.verslagjaar();
        for (Mismatch m : mismatches) {
            VerantwoordingRegel row = m.row();
            BigDecimal diff = m.stated().subtract(m.recorded());
            Trail.Builder t = Trail.builder().input("regel", row.key())
                    .input("opgebouwde reserve ultimo " + (year - 1) + " (opgegeven)", Money.format(m.stated()))
                    .input("reservering ultimo " + (year - 1) + " (verantwoording " + (year - 1) + ")",
                            Money.format(m.recorded()))
                    .step(Money.format(m.stated()) + " − " + Money.format(m.recorded()) + " = " + Money.format(diff));
            if (moved && diff.signum() > 0) {
                f.add("VJ-RESERVE-VERSCHOVEN", "De opgebouwde reserve van " + label(row) + " is "
                        + Money.format(diff) + " hoger dan ultimo " + (year - 1) + " voor dit onderdeel is gereserveerd, "
                        + "terwijl de reserve van een ander onderdeel lager is. Een reservering geldt alleen voor "
                        + "hetzelfde hoofdthema (of dezelfde integrale activiteiten) in het stedelijk focusgebied; "
                        + Money.format(diff) + " wordt niet als reserve van dit onderdeel aanvaard.",
                        row.location("reserveVorigJaar", v.documentName()),
                        t.step("totaal opgegeven " + Money.format(statedTotal) + " ≤ totaal gereserveerd "
                                + Money.format(recordedTotal) + ": verschoven tussen onderdelen")
                                .outcome(Money.format(diff) + " niet aanvaard"),
                        row.onderdeel(), row.focusgebied(), diff);
            } else {
                f.add("VJ-RESERVE-AANSLUITING", "De opgebouwde reserve van " + label(row) + " ("
                        + Money.format(m.stated()) + ") sluit niet aan op de reservering ultimo " + (year - 1)
                        + " in de verantwoording over " + (year - 1) + " (" + Money.format(m.recorded()) + "). Gerekend "
                        + "is met het vastgelegde bedrag.", row.location("reserveVorigJaar", v.documentName()),
                        t.outcome("gerekend met " + Money.format(m.recorded())), row.onderdeel(), row.focusgebied(), null);
            }
        }
    }

    private void missingRows(Findings f, Verantwoording v, VerantwoordingContext ctx, Location doc) {
        for (Toekenning t : ctx.toekenningen()) {
            if (t.verleend().signum() > 0 && v.regel(t.key()).isEmpty()) {
                f.add("VJ-REGEL-ONTBREEKT", "De SiSa-bijlage heeft geen regel voor " + label(t.onderdeel(),
                        t.focusgebied()) + ", waarvoor " + Money.format(t.verleend()) + " is verleend. De besteding "
                        + "over " + v.verslagjaar() + " telt als nihil.", doc,
                        Trail.builder().input("regel", t.key()).input("verleend", Money.format(t.verleend()))
                                .outcome("besteding " + v.verslagjaar() + " = € 0"), t.onderdeel(), t.focusgebied(), null);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    String label(VerantwoordingRegel row) {
        return label(row.onderdeel(), row.focusgebied());
    }

    String label(String onderdeel, String focusgebied) {
        String name = regeling.onderdeel(onderdeel).map(Regeling.Onderdeel::name).orElse(onderdeel);
        return "‘" + name + "’" + (focusgebied == null ? "" : " (focusgebied " + focusgebied + ")");
    }

    static BigDecimal nz(BigDecimal b) {
        return b == null ? Money.ZERO : Money.scale(b);
    }

    static String date(LocalDate d) {
        return d == null ? "(onbekend)" : DutchDates.format(d);
    }

    /** For tests: the ids this checker and the reader can emit. */
    public static java.util.Set<String> ruleIds() {
        return Findings.RULE_IDS;
    }
}
