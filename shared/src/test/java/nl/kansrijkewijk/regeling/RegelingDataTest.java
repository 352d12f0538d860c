package nl.kansrijkewijk.regeling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.kansrijkewijk.check.RegelingAudit;
import nl.kansrijkewijk.regeling.Regeling.BijlageEntry;
import nl.kansrijkewijk.regeling.Regeling.Gemeente;
import nl.kansrijkewijk.regeling.Regeling.Inconsistency;
import org.junit.jupiter.api.Test;

/**
 * The regeling data file checked against itself and against figures transcribed here, by hand, from the text of
 * Stcrt. 2023, 17605 (art. 1, art. 4(2), the Bijlage and the Toelichting) — never from the data under test.
 */
class RegelingDataTest {
    private static final Regeling R = RegelingLoader.readResource("/regeling/kansrijke-wijk-2023.yaml");

    /** Art. 1, "stedelijk focusgebied", verbatim. */
    private static final String ART_1_FOCUSGEBIEDEN = "de gebieden Zuidoost in Amsterdam, Nieuw-West in Amsterdam, Oost in "
            + "Arnhem, Noord in Breda, West in Delft, West in Dordrecht, Zuidwest in Den Haag, Woensel-Zuid in "
            + "Eindhoven, Noord in Groningen, Noord in Heerlen, Oost in Leeuwarden, Oost in Lelystad, CentraleAs "
            + "in Nieuwegein, Roosendaal-stad in Roosendaal, Zuid in Rotterdam, Nieuwland-Oost in Schiedam, "
            + "Noordwest in Tilburg, Overvecht in Utrecht, Westwijk in Vlaardingen en Zaandam-Oost in Zaanstad";

    /** Art. 4, tweede lid (and so art. 8, derde lid). */
    private static final Set<String> ART_4_LID_2 = Set.of("Leeuwarden", "Heerlen", "Zaanstad", "Groningen", "Rotterdam");

    /** CBS Gemeentelijke indeling (not in the regeling). */
    private static final Map<String, String> CBS = Map.ofEntries(
            Map.entry("Amsterdam", "GM0363"), Map.entry("Arnhem", "GM0202"), Map.entry("Breda", "GM0758"),
            Map.entry("Delft", "GM0503"), Map.entry("Dordrecht", "GM0505"), Map.entry("Den Haag", "GM0518"),
            Map.entry("Eindhoven", "GM0772"), Map.entry("Groningen", "GM0014"), Map.entry("Heerlen", "GM0917"),
            Map.entry("Leeuwarden", "GM0080"), Map.entry("Lelystad", "GM0995"), Map.entry("Nieuwegein", "GM0356"),
            Map.entry("Roosendaal", "GM1674"), Map.entry("Rotterdam", "GM0599"), Map.entry("Schiedam", "GM0606"),
            Map.entry("Tilburg", "GM0855"), Map.entry("Utrecht", "GM0344"), Map.entry("Vlaardingen", "GM0622"),
            Map.entry("Zaanstad", "GM0479"));

    private static Map<String, List<String>> art1() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        Matcher x = Pattern.compile("(?:, | en |de gebieden )([^,]+?) in ([A-Z][a-z]+(?: Haag)?)").matcher(ART_1_FOCUSGEBIEDEN);
        while (x.find()) {
            m.computeIfAbsent(x.group(2), k -> new ArrayList<>()).add(x.group(1));
        }
        return m;
    }

    @Test
    void nineteenGemeentenWithTheTwentyFocusgebiedenOfArticle1() {
        Map<String, List<String>> expected = art1();
        assertEquals(19, expected.size());
        assertEquals(20, expected.values().stream().mapToInt(List::size).sum());
        assertEquals(19, R.gemeenten().size());
        assertEquals(20, R.gemeenten().stream().mapToInt(g -> g.focusgebieden().size()).sum());
        for (Gemeente g : R.gemeenten()) {
            assertEquals(expected.get(g.name()), g.focusgebieden(), g.name());
        }
    }

    @Test
    void cbsCodesAreUniqueAndThoseOfTheCbsIndeling() {
        assertEquals(19, R.gemeenten().stream().map(Gemeente::cbsCode).distinct().count());
        for (Gemeente g : R.gemeenten()) {
            assertEquals(CBS.get(g.name()), g.cbsCode(), g.name());
            assertEquals(g, R.gemeenteByCbsCode(g.cbsCode().substring(2)).orElseThrow());
        }
    }

    @Test
    void everyBijlageOnderdeelCoversExactlyTheGemeentenItShould() {
        Set<String> all = R.gemeenten().stream().map(Gemeente::name).collect(Collectors.toSet());
        for (String code : List.of("ORG", "INT", "ARM", "VEE", "REI", "SEO", "OJK")) {
            List<String> covered = R.bijlage().get(code).stream().flatMap(e -> e.gemeenten().stream()).toList();
            assertEquals(covered.size(), new HashSet<>(covered).size(), code + ": a gemeente in two items");
            assertEquals(code.equals("SEO") ? ART_4_LID_2 : all, new HashSet<>(covered), code);
        }
        for (String code : List.of("ORG", "ARM", "VEE")) {
            List<BijlageEntry> entries = R.bijlage().get(code);
            assertEquals(2, entries.size(), code);
            assertEquals(List.of("Amsterdam"), entries.get(0).gemeenten(), code);
            assertEquals(18, entries.get(1).gemeenten().size(), code);
        }
        assertEquals(Set.copyOf(R.onderdeel("SEO").orElseThrow().onlyGemeenten()), ART_4_LID_2);
        assertEquals(Set.copyOf(R.integralSchoolEnOmgevingGemeenten()), ART_4_LID_2);
    }

    @Test
    void amsterdamIsSplitPerFocusgebiedExceptForTheOrganisation() {
        for (String code : List.of("INT", "ARM", "VEE", "REI", "OJK")) {
            BijlageEntry e = R.bijlageEntry(code, "Amsterdam").orElseThrow();
            assertTrue(e.splitPerFocusgebied(), code);
            assertEquals(Set.of("Zuidoost", "Nieuw-West"), e.installmentsPerFocusgebied().keySet(), code);
        }
        assertFalse(R.bijlageEntry("ORG", "Amsterdam").orElseThrow().splitPerFocusgebied());
        // Bijlage art. 4, item 11 and art. 9, item 11, as printed.
        Map<String, Map<Integer, BigDecimal>> integraal = R.bijlageEntry("INT", "Amsterdam").orElseThrow().installmentsPerFocusgebied();
        assertEquals(years(215346, 503172, 508950), integraal.get("Zuidoost"));
        assertEquals(years(279837, 758069, 766639), integraal.get("Nieuw-West"));
        Map<String, Map<Integer, BigDecimal>> jongeKind = R.bijlageEntry("OJK", "Amsterdam").orElseThrow().installmentsPerFocusgebied();
        assertEquals(years(625294, 1875934, 1875934), jongeKind.get("Zuidoost"));
        assertEquals(years(990743, 2972308, 2972308), jongeKind.get("Nieuw-West"));
        Map<String, Map<Integer, BigDecimal>> rei = R.bijlageEntry("REI", "Amsterdam").orElseThrow().installmentsPerFocusgebied();
        assertEquals(Map.of(2024, new BigDecimal(720372), 2025, new BigDecimal(753116)), rei.get("Zuidoost"));
        assertEquals(Map.of(2024, new BigDecimal(1068417), 2025, new BigDecimal(1116982)), rei.get("Nieuw-West"));
    }

    @Test
    void rotterdamAmountsAreThoseOfTheBijlage() {
        Map<String, Object[]> expected = Map.of(
                "ORG", new Object[] {1500000, years(500000, 500000, 500000)},
                "INT", new Object[] {10109280, years(1373297, 4223009, 4512975)},
                "ARM", new Object[] {850000, years(510000, 170000, 170000)},
                "VEE", new Object[] {255000, years(85000, 85000, 85000)},
                "REI", new Object[] {4006565, Map.of(2024, new BigDecimal(1958765), 2025, new BigDecimal(2047800))},
                "SEO", new Object[] {43566266, years(5957319, 18027421, 19581527)},
                "OJK", new Object[] {8608093, years(1229699, 3689197, 3689197)});
        expected.forEach((code, v) -> {
            BijlageEntry e = R.bijlageEntry(code, "Rotterdam").orElseThrow();
            assertEquals(0, e.total().compareTo(BigDecimal.valueOf((Integer) v[0])), code);
            assertEquals(v[1], e.installments(), code);
        });
    }

    @Test
    void reIntegratieHasNo2023InstallmentAnywhere() {
        for (BijlageEntry e : R.bijlage().get("REI")) {
            if (e.splitPerFocusgebied()) {
                e.installmentsPerFocusgebied().values().forEach(m -> assertEquals(Set.of(2024, 2025), m.keySet(), e.gemeenten().toString()));
            } else {
                assertEquals(Set.of(2024, 2025), e.installments().keySet(), e.gemeenten().toString());
            }
        }
        for (String code : List.of("ORG", "INT", "ARM", "VEE", "SEO", "OJK")) {
            for (BijlageEntry e : R.bijlage().get(code)) {
                for (Map<Integer, BigDecimal> m : e.splitPerFocusgebied() ? e.installmentsPerFocusgebied().values() : List.of(e.installments())) {
                    assertEquals(Set.of(2023, 2024, 2025), m.keySet(), code + " " + e.gemeenten());
                }
            }
        }
    }

    @Test
    void theRecordedInconsistenciesAreExactlyTheItemsWhoseInstallmentsDoNotAddUp() {
        Map<String, BigDecimal> recomputed = new TreeMap<>();
        R.bijlage().forEach((code, entries) -> {
            for (BijlageEntry e : entries) {
                BigDecimal sum = BigDecimal.ZERO;
                for (Map<Integer, BigDecimal> m : e.splitPerFocusgebied() ? e.installmentsPerFocusgebied().values() : List.of(e.installments())) {
                    for (BigDecimal v : m.values()) {
                        sum = sum.add(v);
                    }
                }
                BigDecimal diff = sum.subtract(e.total());
                if (diff.signum() != 0) {
                    e.gemeenten().forEach(g -> recomputed.put(code + " " + g, diff));
                }
            }
        });
        Map<String, BigDecimal> recorded = new TreeMap<>();
        for (Inconsistency i : R.inconsistencies()) {
            if (i.kind().equals("installments-differ-from-stated")) {
                assertEquals(0, i.sumOfInstallments().subtract(i.stated()).compareTo(i.difference()), i.toString());
                assertEquals(0, R.bijlageEntry(i.onderdeel(), i.gemeente()).orElseThrow().total().compareTo(i.stated()), i.toString());
                recorded.put(i.onderdeel() + " " + i.gemeente(), i.difference().stripTrailingZeros());
            }
        }
        recomputed.replaceAll((k, v) -> v.stripTrailingZeros());
        assertEquals(recomputed, recorded);
        // The sample the README's data policy discusses: 21 items, all of them off by exactly one euro.
        assertEquals(21, recorded.size());
        recorded.values().forEach(d -> assertEquals(1, d.abs().intValueExact()));
        assertEquals(List.of(), RegelingAudit.audit(R));
    }

    @Test
    void organisationPays500000PerFocusgebiedPerYearAsToelichting13Says() {
        for (Gemeente g : R.gemeenten()) {
            BijlageEntry e = R.bijlageEntry("ORG", g.name()).orElseThrow();
            for (int year : List.of(2023, 2024, 2025)) {
                assertEquals(0, e.installments().get(year).compareTo(BigDecimal.valueOf(500_000L * g.focusgebieden().size())), g.name());
            }
        }
    }

    @Test
    void jongeKindYearSumsAgainstToelichting18() {
        // Toelichting 1.8: "€ 10.443.950 in 2023, en € 31.332.700 per jaar, voor 2024 en 2025".
        Map<Integer, BigDecimal> sums = new TreeMap<>();
        for (BijlageEntry e : R.bijlage().get("OJK")) {
            for (Map<Integer, BigDecimal> m : e.splitPerFocusgebied() ? e.installmentsPerFocusgebied().values() : List.of(e.installments())) {
                m.forEach((y, v) -> sums.merge(y, v.multiply(BigDecimal.valueOf(e.gemeenten().size())), BigDecimal::add));
            }
        }
        assertEquals(0, sums.get(2024).compareTo(new BigDecimal("31332700")));
        assertEquals(0, sums.get(2025).compareTo(new BigDecimal("31332700")));
        BigDecimal diff2023 = sums.get(2023).subtract(new BigDecimal("10443950"));
        assertEquals(0, diff2023.compareTo(new BigDecimal(-2)), "2023 difference " + diff2023);
        List<Inconsistency> toelichting = R.inconsistencies().stream().filter(i -> i.kind().equals("toelichting-differs-from-bijlage")).toList();
        assertEquals(1, toelichting.size());
        Inconsistency i = toelichting.get(0);
        assertEquals("OJK", i.onderdeel());
        assertEquals(2023, i.year());
        assertEquals(0, i.difference().compareTo(diff2023));
        assertEquals(0, i.sumOfBijlage().compareTo(sums.get(2023)));
        assertEquals(0, i.toelichting().compareTo(new BigDecimal("10443950")));
    }

    @Test
    void windowsAreOrderedAndInsideTheYearsOfTheRegeling() {
        Regeling.Deadlines d = R.deadlines();
        assertEquals(new Regeling.Period(LocalDate.of(2023, 8, 1), LocalDate.of(2023, 9, 30)), d.aanvraagWindow());
        assertEquals(List.of(
                new Regeling.Period(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 4, 30)),
                new Regeling.Period(LocalDate.of(2024, 9, 1), LocalDate.of(2024, 10, 31)),
                new Regeling.Period(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 4, 30))), d.wijzigingWindows());
        LocalDate first = LocalDate.of(R.years().get(0), 1, 1);
        LocalDate last = LocalDate.of(R.years().get(R.years().size() - 1), 12, 31);
        LocalDate previousEnd = R.validFrom();
        List<Regeling.Period> all = new ArrayList<>();
        all.add(d.aanvraagWindow());
        all.addAll(d.wijzigingWindows());
        all.add(d.extensionRequestWindow());
        for (Regeling.Period p : all) {
            assertTrue(!p.from().isAfter(p.through()), p.toString());
            assertTrue(p.from().isAfter(previousEnd) || p.from().equals(previousEnd), p + " overlaps or precedes the previous window");
            assertTrue(!p.from().isBefore(first) && !p.through().isAfter(last), p + " outside the years");
            previousEnd = p.through();
        }
        assertEquals(LocalDate.of(2025, 12, 31), d.spendBy());
        assertEquals(LocalDate.of(2026, 12, 31), d.extensionThrough());
        assertEquals(12, d.decisionWithinWeeks());
        assertEquals(List.of(2023, 2024, 2025), R.years());
        assertEquals(LocalDate.of(2023, 7, 1), R.validFrom());
    }

    @Test
    void btwPercentagesAreTheToelichtingsEstimates() {
        Map<String, Integer> expected = new HashMap<>(Map.of("ORG", 5, "INT", 5, "ARM", 5, "VEE", 5, "REI", 5, "SEO", 0, "OJK", 0));
        for (Regeling.Onderdeel o : R.onderdelen()) {
            assertEquals(0, o.btwPercent().compareTo(BigDecimal.valueOf(expected.remove(o.code()))), o.code());
            assertNotNull(o.maximumArticle(), o.code());
        }
        assertTrue(expected.isEmpty(), "onderdelen missing: " + expected.keySet());
    }

    @Test
    void thresholdsAreThoseOfTheArticles() {
        assertEquals(0, R.thresholds().wijzigingMinimumPercent().compareTo(BigDecimal.valueOf(25)));
        assertEquals(0, R.thresholds().coalitieMinimumPercent().compareTo(BigDecimal.valueOf(85)));
        assertEquals(3, R.thresholds().onderwijsassistentMinimumMboLevel());
        assertEquals(new TreeSet<>(List.of("a", "b", "c", "d", "e")), new TreeSet<>(R.signalWords("art8lid2").keySet()));
        assertEquals(new TreeSet<>(List.of("a", "b", "c", "d", "e", "f", "g")), new TreeSet<>(R.letteredList("art6lid2").keySet()));
        assertFalse(R.signalWords("art4Organisatie").isEmpty());
    }

    @Test
    void anAlteredCopyOfTheDataIsCaughtByTheAudit() {
        Regeling altered = RegelingLoader.readResource("/regeling-altered/kansrijke-wijk-2023-altered.yaml");
        List<String> problems = RegelingAudit.audit(altered);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("unrecorded: INT Tilburg installments sum to 906825 but the Bijlage states 906824 (difference 1)"),
                problems.get(0));
    }

    @Test
    void aStaleOrWrongRecordIsCaughtByTheAudit() {
        List<Inconsistency> fewer = R.inconsistencies().stream()
                .filter(i -> !("REI".equals(i.onderdeel()) && "Delft".equals(i.gemeente()))).toList();
        assertEquals(List.of("unrecorded: REI Delft installments sum to 422180 but the Bijlage states 422179 (difference 1)"),
                RegelingAudit.audit(with(fewer, R.bijlage())));

        List<Inconsistency> extra = new ArrayList<>(R.inconsistencies());
        extra.add(new Inconsistency("installments-differ-from-stated", "ARM", "Breda", null,
                new BigDecimal(850000), new BigDecimal(850001), null, null, BigDecimal.ONE));
        assertEquals(1, RegelingAudit.audit(with(extra, R.bijlage())).size());
        assertTrue(RegelingAudit.audit(with(extra, R.bijlage())).get(0).startsWith("stale: ARM Breda"));

        List<Inconsistency> wrongOjk = R.inconsistencies().stream()
                .map(i -> i.kind().equals("toelichting-differs-from-bijlage")
                        ? new Inconsistency(i.kind(), i.onderdeel(), i.gemeente(), i.year(), i.stated(), i.sumOfInstallments(),
                                i.toelichting(), i.sumOfBijlage(), new BigDecimal(-3))
                        : i).toList();
        List<String> p = RegelingAudit.audit(with(wrongOjk, R.bijlage()));
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.get(0).startsWith("wrong figures recorded: OJK 2023"), p.get(0));
    }

    @Test
    void anOrganisationAmountOffTheToelichtingFigureIsCaught() {
        Map<String, List<BijlageEntry>> bijlage = new LinkedHashMap<>(R.bijlage());
        List<BijlageEntry> org = new ArrayList<>(bijlage.get("ORG"));
        BijlageEntry ams = org.get(0);
        Map<Integer, BigDecimal> inst = new TreeMap<>(ams.installments());
        inst.put(2024, new BigDecimal(900000));
        inst.put(2025, new BigDecimal(1100000));
        org.set(0, new BijlageEntry(ams.gemeenten(), ams.total(), inst, null));
        bijlage.put("ORG", org);
        List<String> p = RegelingAudit.audit(with(R.inconsistencies(), bijlage));
        assertEquals(2, p.size(), p.toString());
        assertTrue(p.stream().allMatch(x -> x.startsWith("toelichting: ORG Amsterdam")), p.toString());
    }

    private static Regeling with(List<Inconsistency> inconsistencies, Map<String, List<BijlageEntry>> bijlage) {
        return new Regeling(R.id(), R.title(), R.citation(), R.minister(), R.validFrom(), R.years(), R.deadlines(), R.thresholds(),
                R.gemeenten(), R.onderdelen(), R.integralSchoolEnOmgevingGemeenten(), R.lists(), R.signalWords(),
                R.toelichtingFigures(), R.policy(), inconsistencies, R.textualInconsistencies(), bijlage, R.sisa());
    }

    private static Map<Integer, BigDecimal> years(long a, long b, long c) {
        return Map.of(2023, BigDecimal.valueOf(a), 2024, BigDecimal.valueOf(b), 2025, BigDecimal.valueOf(c));
    }
}
