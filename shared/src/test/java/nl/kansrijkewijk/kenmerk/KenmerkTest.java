package nl.kansrijkewijk.kenmerk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import nl.kansrijkewijk.regeling.Regeling;
import nl.kansrijkewijk.regeling.RegelingCatalogus;
import org.junit.jupiter.api.Test;

class KenmerkTest {
    private final Regeling regeling = RegelingCatalogus.standard().first();

    @Test
    void verleningDependsOnlyOnRegelingAndGemeente() {
        assertEquals("KW-2023-GM0363-V", Kenmerk.verlening(regeling, "gm0363 "));
        assertEquals("KW-2023-GM0363", Kenmerk.dossier(regeling, "GM0363"));
    }

    @Test
    void wijzigingIsNumberedByTheWindowOfArticle10Lid3() {
        assertEquals("KW-2023-GM0599-W1", Kenmerk.wijziging(regeling, "GM0599", LocalDate.of(2024, 3, 1)));
        assertEquals("KW-2023-GM0599-W2", Kenmerk.wijziging(regeling, "GM0599", LocalDate.of(2024, 10, 31)));
        assertEquals("KW-2023-GM0599-W3", Kenmerk.wijziging(regeling, "GM0599", LocalDate.of(2025, 4, 30)));
        assertEquals("KW-2023-GM0599-W-20240515", Kenmerk.wijziging(regeling, "GM0599", LocalDate.of(2024, 5, 15)));
    }

    @Test
    void anUnusableCodeNeverLeaksIntoAKenmerk() {
        assertEquals("KW-2023-GM0000-V", Kenmerk.verlening(regeling, "../GM1"));
    }
}
