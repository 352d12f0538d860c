package nl.kansrijkewijk.sisa;

import java.util.ArrayList;
import java.util.List;
import nl.kansrijkewijk.finding.Texts;
import nl.kansrijkewijk.regeling.Regeling;

/** Which rows a gemeente's SiSa bijlage has, and how a row's key cell reads. */
public final class SisaRows {
    private SisaRows() {}

    /** A row: an onderdeel, and the focusgebied where the Bijlage splits the onderdeel over focusgebieden. */
    public record Row(String onderdeel, String focusgebied) {
        public String key() {
            return VerantwoordingRegel.key(onderdeel, focusgebied);
        }
    }

    /** The gemeente's rows "op maat": every onderdeel the Bijlage gives it, per focusgebied where it splits. */
    public static List<Row> forGemeente(Regeling r, String gemeente, boolean perFocusgebied) {
        List<Row> rows = new ArrayList<>();
        for (Regeling.Onderdeel o : r.onderdelen()) {
            r.bijlageEntry(o.code(), gemeente).ifPresent(e -> {
                if (perFocusgebied && e.splitPerFocusgebied()) {
                    e.installmentsPerFocusgebied().keySet().forEach(fg -> rows.add(new Row(o.code(), fg)));
                } else {
                    rows.add(new Row(o.code(), null));
                }
            });
        }
        return List.copyOf(rows);
    }

    /** The blank bijlage before CBS makes it "op maat": one row per onderdeel. */
    public static List<Row> generic(Regeling r) {
        return r.onderdelen().stream().map(o -> new Row(o.code(), null)).toList();
    }

    /** "ARM — preventie van armoede en schulden (artikel 5) — Zuidoost". */
    public static String label(Regeling r, String onderdeel, String focusgebied) {
        String name = r.onderdeel(onderdeel)
                .map(o -> Texts.capitalise(o.name()) + " (artikel " + o.article() + ")").orElse("");
        return onderdeel + (name.isEmpty() ? "" : " — " + name) + (focusgebied == null ? "" : " — " + focusgebied);
    }
}
