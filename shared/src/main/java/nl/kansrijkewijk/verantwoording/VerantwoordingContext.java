package nl.kansrijkewijk.verantwoording;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import nl.kansrijkewijk.money.Money;
import nl.kansrijkewijk.sisa.Verantwoording;
import nl.kansrijkewijk.sisa.VerantwoordingRegel;

/**
 * What the dossier knows that a verantwoording is judged against: the verlening as it stands after every wijziging,
 * what was paid per year, the verantwoordingen received before, and the uitstel of art. 11(3). The dossier's
 * projection implements this; {@link DossierContext} is a plain record for tests, the demo and {@code ./kw check}.
 */
public interface VerantwoordingContext {

    /** CBS code of the gemeente of the dossier ("GM0363"). */
    String cbsCode();

    /** Kenmerk of the verleningsbeschikking ("KW-2023-GM0363-V"), and of the wijzigingen after it, for the letter. */
    List<String> verleningKenmerken();

    /** Per onderdeel (per focusgebied where the Bijlage splits it): verleend after wijzigingen and paid per year. */
    List<Toekenning> toekenningen();

    /** Verantwoordingen received before the one at hand, in order of receipt (corrections included). */
    List<Ontvangst> verantwoordingen();

    /** The request for uitstel of the bestedingstermijn and the minister's decision on it, if any. */
    Optional<Uitstel> uitstel();

    default Optional<Toekenning> toekenning(String key) {
        return toekenningen().stream().filter(t -> t.key().equals(key)).findFirst();
    }

    /**
     * @param verleend  the amount granted for this group after every wijziging (inclusief btw)
     * @param uitbetaald paid per year (the voorschot termijnen of art. 13(4), inclusief the btw component paid into
     *                  the BTW-compensatiefonds on the gemeente's behalf)
     */
    record Toekenning(String onderdeel, String focusgebied, BigDecimal verleend, SortedMap<Integer, BigDecimal> uitbetaald) {
        public Toekenning {
            uitbetaald = uitbetaald == null ? new TreeMap<>() : new TreeMap<>(uitbetaald);
        }

        public String key() {
            return VerantwoordingRegel.key(onderdeel, focusgebied);
        }

        public BigDecimal uitbetaald(int year) {
            return uitbetaald.getOrDefault(year, Money.ZERO);
        }

        public BigDecimal uitbetaaldTotaal() {
            return Money.sum(uitbetaald.values());
        }
    }

    /** A verantwoording as the dossier recorded it: what it said and when the minister received it. */
    record Ontvangst(Verantwoording verantwoording, LocalDate ontvangen) {}

    /**
     * @param verzochtOp  date the college's request arrived (art. 11(3): 1 August – 1 October 2025)
     * @param beslotenOp  date of the minister's decision, null while undecided
     * @param verleend    the decision: true granted, false refused, null undecided
     * @param verleendTot the date the bestedingstermijn runs to when granted (at most 31 December 2026)
     */
    record Uitstel(LocalDate verzochtOp, LocalDate beslotenOp, Boolean verleend, LocalDate verleendTot) {}
}
