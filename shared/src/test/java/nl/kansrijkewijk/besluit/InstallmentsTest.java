package nl.kansrijkewijk.besluit;

import static nl.kansrijkewijk.check.Checks.eur;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import nl.kansrijkewijk.money.Money;
import nl.kansrijkewijk.regeling.Regeling;
import nl.kansrijkewijk.regeling.Regeling.BijlageEntry;
import nl.kansrijkewijk.check.Checks;
import org.junit.jupiter.api.Test;

class InstallmentsTest {

    private static SortedMap<Integer, BigDecimal> w(long... v) {
        SortedMap<Integer, BigDecimal> m = new TreeMap<>();
        for (int i = 0; i < v.length; i++) {
            m.put(2023 + i, Money.euros(v[i]));
        }
        return m;
    }

    @Test
    void grantedEqualToTheTermijnenIsPaidExactlyInThem() {
        assertEquals(w(510000, 170000, 170000), Installments.spread(eur("850.000"), w(510000, 170000, 170000), eur("850.000"), null));
    }

    @Test
    void betweenSumAndStatedTheLastTermijnAbsorbsTheDifference() {
        // INT Leeuwarden: termijnen 328.155 + 646.755 + 582.773 = 1.557.683; stated 1.557.682.
        assertEquals(w(328155, 646755, 582772), Installments.spread(eur("1.557.682"), w(328155, 646755, 582773), eur("1.557.682"), null));
        // INT Lelystad: termijnen 183.432 + 309.822 + 311.164 = 804.418; stated 804.419.
        assertEquals(w(183432, 309822, 311165), Installments.spread(eur("804.419"), w(183432, 309822, 311164), eur("804.419"), null));
    }

    @Test
    void lessBtwSumsToPayable() {
        SortedMap<Integer, BigDecimal> inst = w(183432, 309822, 311165);
        BigDecimal payable = eur("804.419").subtract(Money.percent(eur("804.419"), BigDecimal.valueOf(5)));
        SortedMap<Integer, BigDecimal> p = Installments.lessBtw(inst, BigDecimal.valueOf(5), payable);
        assertEquals(eur("174.260,40"), p.get(2023)); // 183.432 − 9.171,60
        assertEquals(payable, Money.sum(p.values()));
    }

    @Test
    void everyBijlageItemSpreadsAnyAmountExactly() {
        Random random = new Random(20230701);
        Regeling r = Checks.TRANCHE_1;
        int cases = 0;
        for (List<BijlageEntry> entries : r.bijlage().values()) {
            for (BijlageEntry e : entries) {
                List<SortedMap<Integer, BigDecimal>> weights = new ArrayList<>();
                if (e.splitPerFocusgebied()) {
                    e.installmentsPerFocusgebied().values().forEach(m -> weights.add(scaled(m)));
                } else {
                    weights.add(scaled(e.installments()));
                }
                for (SortedMap<Integer, BigDecimal> wt : weights) {
                    BigDecimal max = Money.sum(wt.values()).max(Money.scale(e.total()));
                    for (int i = 0; i < 25; i++) {
                        BigDecimal amount = BigDecimal.valueOf((long) (random.nextDouble() * max.movePointRight(2).longValue()), 2);
                        SortedMap<Integer, BigDecimal> s = Installments.spread(amount, wt, Money.scale(e.total()), null);
                        assertEquals(amount, Money.sum(s.values()), e.gemeenten() + " " + amount);
                        assertEquals(wt.keySet(), s.keySet());
                        s.values().forEach(v -> assertTrue(v.signum() >= 0 && v.scale() == 2, e.gemeenten() + " " + s));
                        cases++;
                    }
                }
            }
        }
        assertTrue(cases > 1000, "cases: " + cases);
    }

    private static SortedMap<Integer, BigDecimal> scaled(java.util.Map<Integer, BigDecimal> m) {
        SortedMap<Integer, BigDecimal> s = new TreeMap<>();
        m.forEach((k, v) -> s.put(k, Money.scale(v)));
        return s;
    }
}
