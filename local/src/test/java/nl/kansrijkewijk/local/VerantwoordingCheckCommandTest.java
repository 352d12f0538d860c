package nl.kansrijkewijk.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nl.kansrijkewijk.processing.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ./kw check with --dossier on the committed verantwoording fixtures (expectations in their spec.yaml). */
class VerantwoordingCheckCommandTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path AMSTERDAM = ROOT.resolve("test-fixtures/verantwoording/amsterdam");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return CheckCommand.run(ROOT, List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void theYear2024ShowsTheReservationFindingsWithTheirArithmetic() {
        assertEquals(0, run(AMSTERDAM.resolve("verantwoording-2024.xlsx").toString(), "--dossier", AMSTERDAM.toString()));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("verslagjaar 2024") && text.contains("ontvangen 1 juli 2025"), text);
        assertTrue(text.contains("[afwijzing] VJ-RESERVE-MAXIMUM (art. 11, eerste lid)"), text);
        // 145.000 + 10.000 = 155.000 beschikbaar; − 150.000 = 5.000 niet besteed
        assertTrue(text.contains("niet besteed = € 155.000 − € 150.000 − € 0 = € 5.000"), text);
        assertTrue(text.contains("[waarschuwing] VJ-RESERVE-DOORGESCHOVEN"), text);
    }

    @Test
    void theLastYearEndsInTheVaststellingAndWritesTheLetter(@TempDir Path tmp) throws Exception {
        assertEquals(0, run(AMSTERDAM.resolve("verantwoording-2025.xlsx").toString(), "--dossier", AMSTERDAM.toString(),
                "--out", tmp.toString()));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("Vaststelling KW-2023-GM0363-S"), text);
        assertTrue(text.contains("€ 8.900.000") && text.contains("€ 127.162"), text);
        for (String f : List.of("verantwoording.json", "vaststelling.json", "vaststelling-werkpapier.xlsx",
                "concept-vaststellingsbeschikking.pdf")) {
            assertTrue(Files.size(tmp.resolve(f)) > 0, f);
        }
        JsonNode v = Json.mapper().readTree(tmp.resolve("vaststelling.json").toFile());
        assertEquals("kw-vaststelling/1", v.get("schema").asText());
        assertEquals(0, v.get("totaalTerugTeVorderen").decimalValue().compareTo(new java.math.BigDecimal("127162")));
        assertTrue(Files.readString(tmp.resolve("vaststelling.json")).contains("\"totaalTerugTeVorderen\" : 127162.00"));
    }

    @Test
    void aForeignWorkbookIsNietPlausibelWithExitCode1() {
        Path foreign = ROOT.resolve("test-fixtures/verantwoording/niet-plausibel/andere-gemeente.xlsx");
        assertEquals(1, run(foreign.toString(), "--dossier", AMSTERDAM.toString(), "--ontvangen", "2025-07-01"));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("NIET PLAUSIBEL") && text.contains("gemeente Rotterdam"), text);
        assertTrue(!text.contains("Exception"), text);
    }

    @Test
    void usageErrorsExit2() {
        assertEquals(2, run("x.xlsx", "--dossier"));
        assertEquals(2, run(AMSTERDAM.resolve("verantwoording-2024.xlsx").toString(), "--dossier", "/bestaat/niet"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("dossier"));
    }
}
