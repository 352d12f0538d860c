package nl.kansrijkewijk.verantwoording;

import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import nl.kansrijkewijk.regeling.Regeling;
import nl.kansrijkewijk.verantwoording.VerantwoordingContext.Ontvangst;

/** Which delivery counts per year, and the dates the regeling hangs on a delivery. */
final class Deliveries {
    private Deliveries() {}

    /**
     * The verantwoording that counts per verslagjaar: the first delivery, replaced by a later one only when that one
     * says it is a correction (CBS: a correction after a plausible delivery is its own dated event).
     */
    static SortedMap<Integer, Ontvangst> effective(List<Ontvangst> received) {
        SortedMap<Integer, Ontvangst> m = new TreeMap<>();
        for (Ontvangst o : received) {
            int y = o.verantwoording().verslagjaar();
            if (!m.containsKey(y) || o.verantwoording().correctie()) {
                m.put(y, o);
            }
        }
        return m;
    }

    /** Art. 11(2), (3): 31 December 2025, or the date uitstel was granted to (never past 31 December 2026). */
    static LocalDate endOfTermijn(Regeling r, VerantwoordingContext ctx) {
        Regeling.Deadlines d = r.deadlines();
        return ctx.uitstel().filter(u -> Boolean.TRUE.equals(u.verleend())).map(u -> {
            LocalDate t = u.verleendTot() == null ? d.extensionThrough() : u.verleendTot();
            return t.isAfter(d.extensionThrough()) ? d.extensionThrough() : t;
        }).orElse(d.spendBy());
    }

    /** Art. 15(3): the last day the information over a year may arrive (31 December + 18 months). */
    static LocalDate lastTimelyDay(Regeling r, int year) {
        return LocalDate.of(year, 12, 31).plusMonths(r.deadlines().verantwoordingWithinMonths());
    }

    static boolean timely(Regeling r, Ontvangst o) {
        return o.ontvangen() == null || !o.ontvangen().isAfter(lastTimelyDay(r, o.verantwoording().verslagjaar()));
    }
}
