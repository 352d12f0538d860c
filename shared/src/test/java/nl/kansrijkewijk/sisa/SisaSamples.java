package nl.kansrijkewijk.sisa;

import java.math.BigDecimal;
import java.util.List;
import nl.kansrijkewijk.regeling.Regeling;
import nl.kansrijkewijk.regeling.RegelingCatalogus;

/** Hand-made verantwoordingen for the workbook and reader tests. */
final class SisaSamples {
    static final Regeling REGELING = RegelingCatalogus.standard().first();
    static final SisaConfig CONFIG = SisaConfigLoader.standard();

    private SisaSamples() {}

    static BigDecimal eur(String s) {
        return new BigDecimal(s).setScale(2);
    }

    /** Amsterdam 2024: eleven rows (ORG once, five split onderdelen per focusgebied). */
    static Verantwoording amsterdam2024() {
        List<VerantwoordingRegel> rows = new java.util.ArrayList<>();
        for (SisaRows.Row r : SisaRows.forGemeente(REGELING, "Amsterdam", true)) {
            rows.add(VerantwoordingRegel.of(r.onderdeel(), r.focusgebied(), eur("100000"), eur("2500.50"),
                    eur("0"), eur("-1250.25"), eur("180000.75"), false, "Toelichting bij " + r.key()));
        }
        return new Verantwoording(null, null, "Amsterdam", "GM0363", 2024, "E99", null, false, rows, List.of());
    }
}
