package nl.kansrijkewijk.check;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import nl.kansrijkewijk.aanvraag.BudgetGroups;
import nl.kansrijkewijk.money.Money;
import nl.kansrijkewijk.regeling.Regeling;
import nl.kansrijkewijk.regeling.Regeling.BijlageEntry;
import nl.kansrijkewijk.regeling.Regeling.Gemeente;
import nl.kansrijkewijk.regeling.Regeling.Inconsistency;
import nl.kansrijkewijk.regeling.Regeling.ToelichtingFigure;

/**
 * Checks a regeling data file against itself: the recorded {@code inconsistencies} must be exactly the
 * disagreements the amounts show (recomputed both ways, with their figures), the Toelichting's figures must
 * match the Bijlage or be recorded, and every Bijlage item must name known gemeenten, focusgebieden and years.
 * An empty result means the data is coherent; each problem is one English line for the developer.
 */
public final class RegelingAudit {
    static final String TOELICHTING_DIFFERS = "toelichting-differs-from-bijlage";

    private RegelingAudit() {}

    public static List<String> audit(Regeling r) {
        List<String> problems = new ArrayList<>();
        structure(r, problems);
        installments(r, problems);
        toelichting(r, problems);
        return problems;
    }

    private static void structure(Regeling r, List<String> problems) {
        Set<Integer> years = new HashSet<>(r.years());
        r.bijlage().forEach((code, entries) -> {
            if (r.onderdeel(code).isEmpty()) {
                problems.add("bijlage " + code + ": no such onderdeel");
            }
            Set<String> seen = new HashSet<>();
            for (BijlageEntry e : entries) {
                for (String name : e.gemeenten()) {
                    Gemeente g = r.gemeenten().stream().filter(x -> x.name().equals(name)).findFirst().orElse(null);
                    if (g == null) {
                        problems.add("bijlage " + code + ": unknown gemeente " + name);
                        continue;
                    }
                    if (!seen.add(name)) {
                        problems.add("bijlage " + code + ": gemeente " + name + " appears in more than one item");
                    }
                    if (e.splitPerFocusgebied() && !new HashSet<>(g.focusgebieden()).equals(e.installmentsPerFocusgebied().keySet())) {
                        problems.add("bijlage " + code + " " + name + ": split over " + e.installmentsPerFocusgebied().keySet()
                                + " but the gemeente's focusgebieden are " + g.focusgebieden());
                    }
                }
                if (e.splitPerFocusgebied() == (e.installments() != null && !e.installments().isEmpty())) {
                    problems.add("bijlage " + code + " " + e.gemeenten() + ": needs either installments or installmentsPerFocusgebied");
                }
                for (Map<Integer, BigDecimal> inst : installmentMaps(e)) {
                    inst.keySet().stream().filter(y -> !years.contains(y))
                            .forEach(y -> problems.add("bijlage " + code + " " + e.gemeenten() + ": installment in " + y + " outside " + r.years()));
                }
            }
        });
    }

    private static List<Map<Integer, BigDecimal>> installmentMaps(BijlageEntry e) {
        return e.splitPerFocusgebied() ? List.copyOf(e.installmentsPerFocusgebied().values())
                : e.installments() == null ? List.of() : List.of(e.installments());
    }

    static BigDecimal sumOfInstallments(BijlageEntry e) {
        BigDecimal s = Money.ZERO;
        for (Map<Integer, BigDecimal> m : installmentMaps(e)) {
            s = s.add(Money.sum(m.values()));
        }
        return Money.scale(s);
    }

    private static void installments(Regeling r, List<String> problems) {
        List<Inconsistency> recorded = nonNull(r.inconsistencies()).stream()
                .filter(i -> BudgetGroups.INSTALLMENTS_DIFFER.equals(i.kind())).toList();
        Set<String> actual = new HashSet<>();
        r.bijlage().forEach((code, entries) -> {
            for (BijlageEntry e : entries) {
                BigDecimal stated = Money.scale(e.total());
                BigDecimal sum = sumOfInstallments(e);
                if (sum.compareTo(stated) == 0) {
                    continue;
                }
                BigDecimal difference = sum.subtract(stated);
                for (String gemeente : e.gemeenten()) {
                    actual.add(code + "/" + gemeente);
                    Inconsistency rec = recorded.stream()
                            .filter(i -> code.equals(i.onderdeel()) && gemeente.equals(i.gemeente())).findFirst().orElse(null);
                    if (rec == null) {
                        problems.add("unrecorded: " + code + " " + gemeente + " installments sum to " + plain(sum) + " but the Bijlage states "
                                + plain(stated) + " (difference " + plain(difference) + ")");
                    } else if (!same(rec.stated(), stated) || !same(rec.sumOfInstallments(), sum) || !same(rec.difference(), difference)) {
                        problems.add("wrong figures recorded: " + code + " " + gemeente + " is stated " + plain(stated) + ", sum "
                                + plain(sum) + ", difference " + plain(difference) + "; recorded " + plain(rec.stated()) + ", "
                                + plain(rec.sumOfInstallments()) + ", " + plain(rec.difference()));
                    }
                }
            }
        });
        for (Inconsistency i : recorded) {
            if (!actual.contains(i.onderdeel() + "/" + i.gemeente())) {
                problems.add("stale: " + i.onderdeel() + " " + i.gemeente() + " is recorded as inconsistent but its installments sum to its stated amount"
                        + " (or there is no such item)");
            }
        }
    }

    private static void toelichting(Regeling r, List<String> problems) {
        List<Inconsistency> recorded = nonNull(r.inconsistencies()).stream()
                .filter(i -> TOELICHTING_DIFFERS.equals(i.kind())).toList();
        Set<String> actual = new HashSet<>();
        for (ToelichtingFigure f : nonNull(r.toelichtingFigures())) {
            List<BijlageEntry> entries = r.bijlage().getOrDefault(f.onderdeel(), List.of());
            if (f.perFocusgebiedPerYear() != null) {
                BigDecimal per = Money.scale(f.perFocusgebiedPerYear());
                for (BijlageEntry e : entries) {
                    for (String name : e.gemeenten()) {
                        int count = r.gemeenten().stream().filter(g -> g.name().equals(name)).findFirst()
                                .map(g -> g.focusgebieden().size()).orElse(0);
                        for (int year : r.years()) {
                            BigDecimal inst = yearTotal(e, year);
                            BigDecimal expected = per.multiply(BigDecimal.valueOf(count));
                            if (inst.compareTo(expected) != 0) {
                                problems.add("toelichting: " + f.onderdeel() + " " + name + " " + year + " pays " + plain(inst) + " but "
                                        + count + " focusgebied(en) × " + plain(per) + " = " + plain(expected) + " (" + f.source() + ")");
                            }
                        }
                    }
                }
            }
            if (f.sumPerYear() != null) {
                for (Map.Entry<Integer, BigDecimal> y : new TreeMap<>(f.sumPerYear()).entrySet()) {
                    BigDecimal sum = Money.ZERO;
                    for (BijlageEntry e : entries) {
                        sum = sum.add(yearTotal(e, y.getKey()).multiply(BigDecimal.valueOf(e.gemeenten().size())));
                    }
                    sum = Money.scale(sum);
                    BigDecimal figure = Money.scale(y.getValue());
                    if (sum.compareTo(figure) == 0) {
                        continue;
                    }
                    BigDecimal difference = sum.subtract(figure);
                    actual.add(f.onderdeel() + "/" + y.getKey());
                    Inconsistency rec = recorded.stream()
                            .filter(i -> f.onderdeel().equals(i.onderdeel()) && Objects.equals(y.getKey(), i.year())).findFirst().orElse(null);
                    if (rec == null) {
                        problems.add("unrecorded: " + f.onderdeel() + " " + y.getKey() + " Bijlage sums to " + plain(sum)
                                + " but the Toelichting says " + plain(figure) + " (difference " + plain(difference) + ")");
                    } else if (!same(rec.toelichting(), figure) || !same(rec.sumOfBijlage(), sum) || !same(rec.difference(), difference)) {
                        problems.add("wrong figures recorded: " + f.onderdeel() + " " + y.getKey() + " Toelichting " + plain(figure)
                                + ", Bijlage " + plain(sum) + ", difference " + plain(difference) + "; recorded " + plain(rec.toelichting())
                                + ", " + plain(rec.sumOfBijlage()) + ", " + plain(rec.difference()));
                    }
                }
            }
        }
        for (Inconsistency i : recorded) {
            if (!actual.contains(i.onderdeel() + "/" + i.year())) {
                problems.add("stale: " + i.onderdeel() + " " + i.year() + " is recorded as differing from the Toelichting but does not");
            }
        }
    }

    /** The item's payment in a year, over all its focusgebieden. */
    static BigDecimal yearTotal(BijlageEntry e, int year) {
        BigDecimal s = Money.ZERO;
        for (Map<Integer, BigDecimal> m : installmentMaps(e)) {
            BigDecimal v = m.get(year);
            if (v != null) {
                s = s.add(v);
            }
        }
        return Money.scale(s);
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a != null && b != null && a.compareTo(b) == 0;
    }

    private static String plain(BigDecimal b) {
        return b == null ? "null" : b.stripTrailingZeros().toPlainString();
    }

    private static <T> List<T> nonNull(List<T> l) {
        return l == null ? List.of() : l;
    }
}
