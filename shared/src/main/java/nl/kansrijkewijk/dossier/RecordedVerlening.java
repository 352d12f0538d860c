package nl.kansrijkewijk.dossier;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import nl.kansrijkewijk.aanvraag.Aanvraag;
import nl.kansrijkewijk.aanvraag.BudgetLine;
import nl.kansrijkewijk.finding.Finding;
import nl.kansrijkewijk.finding.Location;
import nl.kansrijkewijk.finding.RuleCatalogue;
import nl.kansrijkewijk.finding.Trail;
import nl.kansrijkewijk.money.DutchDates;
import nl.kansrijkewijk.money.Money;

/**
 * The verlening as the dossier recorded it ({@link DossierEvent.VerleningVastgesteld}): what a wijziging is judged
 * against, instead of the "verleend" column the gemeente typed. A difference between the two is a waarschuwing
 * ({@code VERLENING-AFWIJKEND}); without a recorded verlening a waarschuwing says so and the typed amounts are
 * used ({@code VERLENING-NIET-VASTGELEGD}).
 */
public record RecordedVerlening(String kenmerk, LocalDate datum, List<DossierEvent.VerleendBedrag> bedragen) {
    public static final String AFWIJKEND = "VERLENING-AFWIJKEND";
    public static final String NIET_VASTGELEGD = "VERLENING-NIET-VASTGELEGD";
    public static final String VASTGELEGD = "VERLENING-VASTGELEGD";

    public static RecordedVerlening of(DossierEvent.VerleningVastgesteld v) {
        return new RecordedVerlening(v.kenmerk(), v.datum(), v.bedragen());
    }

    /** A wijziging with its typed amounts replaced by the recorded ones, and the findings that say so. */
    public record Applied(Aanvraag aanvraag, List<Finding> findings) {}

    /** The recorded amount for a budget row of the form; zero when the verlening has nothing for it. */
    public BigDecimal verleend(String onderdeel, String focusgebied) {
        return find(onderdeel, focusgebied).map(DossierEvent.VerleendBedrag::verleend).orElse(Money.ZERO);
    }

    Optional<DossierEvent.VerleendBedrag> find(String onderdeel, String focusgebied) {
        return bedragen.stream().filter(b -> Objects.equals(b.onderdeel(), onderdeel)
                && (b.focusgebied() == null || Objects.equals(b.focusgebied(), focusgebied))).findFirst();
    }

    /** Termijnen (exclusief btw) of the years up to and including the year the wijziging was received. */
    public SortedMap<Integer, BigDecimal> paidThrough(LocalDate received) {
        SortedMap<Integer, BigDecimal> paid = new TreeMap<>();
        for (DossierEvent.VerleendBedrag b : bedragen) {
            b.uitTeBetalenPerJaar().forEach((y, v) -> {
                if (received == null || y <= received.getYear()) {
                    paid.merge(y, v, BigDecimal::add);
                }
            });
        }
        return paid;
    }

    public static Applied apply(Optional<RecordedVerlening> recorded, Aanvraag wijziging, LocalDate received,
                                RuleCatalogue catalogue) {
        String doc = wijziging.source() == null ? null : wijziging.source().document();
        if (recorded.isEmpty()) {
            Trail t = Trail.builder()
                    .input("Kenmerk in het formulier", wijziging.verleningKenmerk())
                    .step("het dossier van de gemeente bevat geen verlening die door een tweede beoordelaar is vastgesteld")
                    .outcome("getoetst aan de ingevulde verleende bedragen");
            Finding f = new Finding(NIET_VASTGELEGD, catalogue.get(NIET_VASTGELEGD).article(),
                    catalogue.severity(NIET_VASTGELEGD),
                    "Het dossier bevat geen vastgestelde verlening voor deze gemeente. De wijziging is getoetst aan de "
                            + "verleende bedragen zoals de gemeente die in het formulier heeft ingevuld; controleer die "
                            + "tegen de verleningsbeschikking.",
                    Location.document(doc), t, null, null, null, null);
            return new Applied(wijziging, List.of(f));
        }
        RecordedVerlening v = recorded.get();
        List<Finding> findings = new ArrayList<>();
        Trail.Builder summary = Trail.builder()
                .input("Vastgestelde verlening", v.kenmerk() + " van " + DutchDates.format(v.datum()))
                .input("Kenmerk in het formulier", wijziging.verleningKenmerk());
        List<BudgetLine> in = wijziging.budget() == null ? List.of() : wijziging.budget();
        BudgetLine[] out = new BudgetLine[in.size()];
        // Rows of one recorded amount: one row, or several where the Bijlage caps them together (Amsterdam's ORG).
        Map<Object, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < in.size(); i++) {
            BudgetLine line = in.get(i);
            if (line != null) {
                Object key = v.find(line.onderdeel(), line.focusgebied()).<Object>map(b -> b)
                        .orElse(List.of(Objects.toString(line.onderdeel()), Objects.toString(line.focusgebied())));
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
            }
        }
        for (List<Integer> rows : groups.values()) {
            BudgetLine first = in.get(rows.get(0));
            BigDecimal recordedAmount = Money.scale(v.verleend(first.onderdeel(), first.focusgebied()));
            List<String> names = rows.stream().map(i -> in.get(i).fieldPrefix()).toList();
            String label = String.join(" + ", names) + " (" + first.onderdeel()
                    + (rows.size() == 1 && first.focusgebied() != null ? ", " + first.focusgebied() : "") + ")";
            summary.input("Verleend " + label, Money.format(recordedAmount));
            boolean typed = rows.stream().anyMatch(i -> in.get(i).granted() != null);
            BigDecimal typedSum = Money.scale(rows.stream().map(i -> in.get(i).granted()).filter(Objects::nonNull)
                    .reduce(BigDecimal.ZERO, BigDecimal::add));
            if (typed && typedSum.compareTo(recordedAmount) != 0) {
                Trail.Builder t = Trail.builder();
                rows.forEach(i -> t.input("Ingevuld verleend bedrag (" + in.get(i).fieldPrefix() + ".verleend)",
                        in.get(i).granted() == null ? "(leeg)" : Money.format(in.get(i).granted())));
                t.input("Vastgestelde verlening " + v.kenmerk(), Money.format(recordedAmount))
                        .step(Money.format(typedSum) + " − " + Money.format(recordedAmount) + " = "
                                + Money.format(typedSum.subtract(recordedAmount)));
                Location loc = wijziging.source() == null ? Location.document(doc)
                        : wijziging.source().location(first.fieldPrefix() + ".verleend");
                findings.add(new Finding(AFWIJKEND, catalogue.get(AFWIJKEND).article(), catalogue.severity(AFWIJKEND),
                        "Bij " + label + " vult de gemeente als verleend bedrag " + Money.format(typedSum)
                                + " in; de vastgestelde verlening (kenmerk " + v.kenmerk() + ") is "
                                + Money.format(recordedAmount) + ". De wijziging is getoetst aan de vastgestelde verlening.",
                        loc, t.outcome("getoetst aan " + Money.format(recordedAmount)), first.onderdeel(),
                        rows.size() == 1 ? first.focusgebied() : null, null, null));
            }
            // Several rows share the recorded amount in proportion to what they request now; the last takes the cents.
            BigDecimal requested = rows.stream().map(i -> in.get(i).sumOfYears()).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal left = recordedAmount;
            for (int k = 0; k < rows.size(); k++) {
                BudgetLine line = in.get(rows.get(k));
                BigDecimal share = k == rows.size() - 1 ? left
                        : requested.signum() == 0 ? (k == 0 ? recordedAmount : Money.ZERO)
                        : recordedAmount.multiply(line.sumOfYears()).divide(requested, 2, RoundingMode.HALF_UP);
                share = share.min(left);
                left = left.subtract(share);
                if (rows.size() > 1) {
                    summary.step(line.fieldPrefix() + ": aandeel in de vastgestelde verlening naar verhouding van het "
                            + "gevraagde = " + Money.format(share));
                }
                out[rows.get(k)] = new BudgetLine(line.onderdeel(), line.focusgebied(), line.perYear(), line.statedTotal(),
                        share, line.fieldPrefix());
            }
        }
        List<BudgetLine> lines = new ArrayList<>(java.util.Arrays.asList(out));
        SortedMap<Integer, BigDecimal> paid = v.paidThrough(received);
        paid.forEach((y, a) -> summary.input("Termijn " + y + " (exclusief btw), betaald", Money.format(a)));
        summary.step("termijnen tot en met het jaar van ontvangst van de wijziging ("
                + (received == null ? "onbekend" : String.valueOf(received.getYear())) + ") gelden als betaald");
        findings.add(new Finding(VASTGELEGD, catalogue.get(VASTGELEGD).article(), catalogue.severity(VASTGELEGD),
                "De wijziging is getoetst aan de vastgestelde verlening met kenmerk " + v.kenmerk() + " van "
                        + DutchDates.format(v.datum()) + "; betaalde termijnen: "
                        + (paid.isEmpty() ? "geen" : Money.format(Money.sum(List.copyOf(paid.values())))) + ".",
                Location.document(doc), summary.outcome("vastgestelde verlening gebruikt"), null, null, null, null));
        Aanvraag adjusted = new Aanvraag(wijziging.formVersion(), wijziging.gemeente(), wijziging.gemeentecode(),
                wijziging.focusgebieden(), wijziging.kind(), v.kenmerk(), wijziging.submissionDate(),
                wijziging.signatory(), wijziging.contact(), lines, wijziging.activities(), wijziging.schoolEnOmgeving(),
                wijziging.declarations(), wijziging.source());
        return new Applied(adjusted, findings);
    }
}
