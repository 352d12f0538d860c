package nl.kansrijkewijk.pipeline.status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.kansrijkewijk.regeling.Regeling;
import nl.kansrijkewijk.regeling.RegelingCatalogus;

/** CBS code → name of the gemeenten of the regeling (from its data, every version). */
public final class Gemeenten {
    private static final Map<String, String> NAMES = load();

    private Gemeenten() {}

    private static Map<String, String> load() {
        Map<String, String> names = new LinkedHashMap<>();
        for (Regeling r : RegelingCatalogus.standard().versions()) {
            for (Regeling.Gemeente g : r.gemeenten()) {
                names.putIfAbsent(g.cbsCode(), g.name());
            }
        }
        return Map.copyOf(names);
    }

    public static Optional<String> name(String cbsCode) {
        return Optional.ofNullable(NAMES.get(cbsCode));
    }

    public static List<String> codes() {
        return NAMES.keySet().stream().sorted().toList();
    }
}
