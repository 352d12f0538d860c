package nl.kansrijkewijk.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import nl.kansrijkewijk.aanvraag.Aanvraag;
import nl.kansrijkewijk.aanvraag.AanvraagKind;
import nl.kansrijkewijk.aanvraag.BudgetLine;
import nl.kansrijkewijk.finding.Finding;
import nl.kansrijkewijk.finding.RuleCatalogue;
import org.junit.jupiter.api.Test;

class RecordedVerleningTest {
    private static BigDecimal eur(String s) {
        return new BigDecimal(s).setScale(2);
    }

    private static BudgetLine line(String onderdeel, String fg, String slot, String requested, String typed) {
        TreeMap<Integer, BigDecimal> years = new TreeMap<>();
        years.put(2024, eur(requested));
        return new BudgetLine(onderdeel, fg, years, null, typed == null ? null : eur(typed), "B." + onderdeel + "." + slot);
    }

    @Test
    void rowsCappedTogetherAreComparedTogetherAndShareTheRecordedAmount() {
        // Amsterdam: ORG is one maximum for both focusgebieden, so the verlening records one ORG amount (3.000.000).
        RecordedVerlening v = new RecordedVerlening("KW-2023-GM0363-V", LocalDate.of(2023, 10, 20), List.of(
                new DossierEvent.VerleendBedrag("ORG", null, eur("3000000"), new TreeMap<>(), new TreeMap<>()),
                new DossierEvent.VerleendBedrag("ARM", "Zuidoost", eur("830000"), new TreeMap<>(), new TreeMap<>())));
        Aanvraag w = new Aanvraag("KW-2023-1", "Amsterdam", "GM0363", List.of("Zuidoost", "Nieuw-West"), AanvraagKind.WIJZIGING,
                "KW-2023-GM0363-V", LocalDate.of(2024, 4, 15), null, null,
                List.of(line("ORG", "Zuidoost", "fg1", "1600000", "1600000"), line("ORG", "Nieuw-West", "fg2", "1500000", "1500000"),
                        line("ARM", "Zuidoost", "fg1", "900000", "830000")),
                List.of(), null, null, null);
        RecordedVerlening.Applied a = RecordedVerlening.apply(Optional.of(v), w, LocalDate.of(2024, 4, 15), RuleCatalogue.standard());
        List<Finding> afwijkend = a.findings().stream().filter(f -> f.rule().equals(RecordedVerlening.AFWIJKEND)).toList();
        // 1.600.000 + 1.500.000 = 3.100.000 typed vs 3.000.000 recorded: one waarschuwing; ARM agrees: none.
        assertEquals(1, afwijkend.size(), afwijkend.toString());
        assertEquals("ORG", afwijkend.get(0).onderdeel());
        // Shares in proportion to the request: 3.000.000 × 16/31 = 1.548.387,10; the rest 1.451.612,90.
        assertEquals(List.of(eur("1548387.10"), eur("1451612.90"), eur("830000")),
                a.aanvraag().budget().stream().map(BudgetLine::granted).toList());
    }
}
