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

/** ./kw check and ./kw form on real files: a committed fixture, an unreadable upload, the blank form. */
class CheckAndFormCommandTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path BREDA = ROOT.resolve("test-fixtures/generated/breda-boven-maximum-reintegratie-2023.xlsx");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return CheckCommand.run(ROOT, List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void textOutputNamesEveryFindingWithItsArticleAndTheOutline() {
        assertEquals(0, run(BREDA.toString()));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("Gemeente: Breda (GM0758)"), text);
        assertTrue(text.contains("[AFWIJZING] MAXIMUM-OVERSCHREDEN — art. 5, tweede lid"), text);
        assertTrue(text.contains("[WAARSCHUWING] TERMIJN-JAAR — art. 13, vierde lid"), text);
        assertTrue(text.contains("BESLUIT (concept)"), text);
        assertTrue(text.contains("(intern, niet de datum van de brief): zaterdag 23 december 2023"), text);
        assertTrue(text.contains("Termijn getoetst op: 25 september 2023 (ingevulde datum van indiening (datum van ontvangst onbekend)"), text);
    }

    @Test
    void ontvangenDecidesTimelinessAndADifferentTypedDateIsAWaarschuwing() throws Exception {
        // Breda typed 25-09-2023; received Monday 2 October 2023, after the window that ended on Saturday 30 September.
        assertEquals(0, run(BREDA.toString(), "--ontvangen", "02-10-2023", "--json"));
        JsonNode report = Json.mapper().readTree(out.toByteArray());
        assertEquals("2023-10-02", report.get("besluit").get("receivedOn").asText());
        assertEquals("datum van ontvangst", report.get("besluit").get("timelinessBasis").asText());
        List<String> rules = new java.util.ArrayList<>();
        report.get("findings").forEach(f -> rules.add(f.get("rule").asText()));
        assertTrue(rules.contains("AANVRAAG-TERMIJN") && rules.contains("DATUM-AFWIJKEND"), rules.toString());
        // money as plain decimals with two places
        assertTrue(report.get("besluit").get("totalRequested").isBigDecimal() || report.get("besluit").get("totalRequested").isNumber());
        assertTrue(new String(out.toByteArray(), StandardCharsets.UTF_8).matches("(?s).*\"totalRequested\" : \\d+\\.\\d{2},.*"));
        assertEquals(2, run(BREDA.toString(), "--ontvangen", "gisteren"));
    }

    @Test
    void jsonOutputFollowsTheDocumentedSchema() throws Exception {
        assertEquals(0, run(BREDA.toString(), "--json"));
        JsonNode report = Json.mapper().readTree(out.toByteArray());
        assertEquals("kw-bevindingen/1", report.get("schema").asText());
        assertEquals("Breda", report.get("gemeente").asText());
        JsonNode first = report.get("findings").get(0);
        for (String key : List.of("rule", "article", "severity", "message", "location", "trail")) {
            assertTrue(first.has(key), key + " missing in " + first);
        }
        assertEquals("afwijzing", first.get("severity").asText());
        assertTrue(report.get("besluit").get("onderdelen").size() > 0);
    }

    @Test
    void anUnreadableFileGivesADutchMessageAndExitCode1(@TempDir Path tmp) throws Exception {
        Path junk = tmp.resolve("aanvraag.pdf");
        Files.writeString(junk, "dit is geen pdf");
        assertEquals(1, run(junk.toString()));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("Uitkomst: onleesbaar"), text);
        assertTrue(!text.contains("Exception"), text);
    }

    @Test
    void formWritesTheBlankPdfAndWorkbook(@TempDir Path tmp) throws Exception {
        int code = FormCommand.run(List.of(tmp.toString()), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        try (var files = Files.list(tmp)) {
            List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
            // the aanvraagformulier in two shapes, and the SiSa bijlage per verslagjaar of the SiSa data (2026: uitstel)
            assertEquals(List.of("aanvraagformulier-kansrijke-wijk-KW-2023-1.pdf",
                    "aanvraagformulier-kansrijke-wijk-KW-2023-1.xlsx", "verantwoording-kansrijke-wijk-2023.xlsx",
                    "verantwoording-kansrijke-wijk-2024.xlsx", "verantwoording-kansrijke-wijk-2025.xlsx",
                    "verantwoording-kansrijke-wijk-2026.xlsx"), names);
            assertTrue(nl.kansrijkewijk.processing.VerantwoordingProcessor.isVerantwoording(
                    Files.readAllBytes(tmp.resolve("verantwoording-kansrijke-wijk-2024.xlsx"))));
        }
    }
}
