package nl.kansrijkewijk.verantwoording;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import nl.kansrijkewijk.finding.Finding;
import nl.kansrijkewijk.form.BlankFormXlsx;
import nl.kansrijkewijk.processing.VerantwoordingProcessor;
import nl.kansrijkewijk.regeling.Regeling;
import nl.kansrijkewijk.regeling.RegelingCatalogus;
import nl.kansrijkewijk.sisa.SisaConfig;
import nl.kansrijkewijk.sisa.SisaConfigLoader;
import nl.kansrijkewijk.sisa.SisaQuirk;
import nl.kansrijkewijk.sisa.SisaRows;
import nl.kansrijkewijk.sisa.Verantwoording;
import nl.kansrijkewijk.sisa.VerantwoordingRegel;
import nl.kansrijkewijk.sisa.VerantwoordingWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * The verantwoording fixtures (test-fixtures/verantwoording): specs written by hand with the expected findings and
 * amounts worked out in their comments; the committed workbooks are generated from the specs (regenerate with
 * {@code -Dkw.regenerate=true}); each gemeente's cycle is replayed year by year through the processor exactly as the
 * dossier lists it, and the outcome is compared with the spec.
 */
class VerantwoordingFixturesTest {
    static final Path ROOT = Path.of("..", "test-fixtures", "verantwoording");
    static final Regeling REGELING = RegelingCatalogus.standard().first();
    static final SisaConfig CONFIG = SisaConfigLoader.standard();
    private static final boolean REGENERATE = Boolean.getBoolean("kw.regenerate");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()).registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    record Spec(List<Levering> leveringen, VaststellingSpec vaststelling) {}

    record Levering(String bestand, int verslagjaar, List<SisaQuirk> quirks, List<RegelSpec> regels,
            List<Expected> expected, Boolean correctie) {}

    record RegelSpec(String onderdeel, String focusgebied, BigDecimal besteding, BigDecimal reserveVorigJaar,
            BigDecimal reservering, BigDecimal correctieVorigJaar, BigDecimal cumulatief, Boolean eind) {}

    record Expected(String rule, String onderdeel, String focusgebied, BigDecimal amount) {
        String text() {
            return rule + "|" + (onderdeel == null ? "" : onderdeel) + "|" + (focusgebied == null ? "" : focusgebied)
                    + "|" + (amount == null ? "" : amount.setScale(2).toPlainString());
        }
    }

    record VaststellingSpec(boolean ambtshalve, LocalDate vaststellingUiterlijk, LocalDate mededelingTerugvorderingUiterlijk,
            List<GroepSpec> regels, BigDecimal totaalVastgesteld, BigDecimal totaalTerugTeVorderen,
            List<Expected> expected) {}

    record GroepSpec(String key, BigDecimal verleend, BigDecimal uitbetaald, BigDecimal besteed, BigDecimal vastgesteld,
            BigDecimal terug) {}

    record Hostile(String bestand, String gemeente, String maak, String message) {}

    static Spec spec(String gemeente) throws IOException {
        return YAML.readValue(ROOT.resolve(gemeente).resolve("spec.yaml").toFile(), Spec.class);
    }

    /** The workbook a levering of a spec describes: the gemeente's rows op maat, values where the spec gives them. */
    static byte[] workbook(String cbs, Levering l) {
        Regeling.Gemeente g = REGELING.gemeenteByCbsCode(cbs).orElseThrow();
        List<VerantwoordingRegel> rows = new ArrayList<>();
        for (SisaRows.Row r : SisaRows.forGemeente(REGELING, g.name(), true)) {
            RegelSpec s = l.regels().stream().filter(x -> VerantwoordingRegel.key(x.onderdeel(), x.focusgebied())
                    .equals(r.key())).findFirst().orElse(null);
            rows.add(s == null
                    ? VerantwoordingRegel.of(r.onderdeel(), r.focusgebied(), null, null, null, null, null, null, null)
                    : VerantwoordingRegel.of(r.onderdeel(), r.focusgebied(), s.besteding(), s.reserveVorigJaar(),
                            s.reservering(), s.correctieVorigJaar(), s.cumulatief(), s.eind(),
                            "Besteed volgens het uitvoeringsprogramma " + l.verslagjaar() + "."));
        }
        Verantwoording v = new Verantwoording(null, null, g.name(), g.cbsCode(), l.verslagjaar(), null, null,
                Boolean.TRUE.equals(l.correctie()), rows, List.of());
        return VerantwoordingWorkbook.filled(CONFIG, REGELING, v,
                l.quirks() == null || l.quirks().isEmpty() ? Set.of() : EnumSet.copyOf(l.quirks()));
    }

    static void committed(Path file, byte[] generated) throws IOException {
        if (REGENERATE || !Files.exists(file)) {
            Files.write(file, generated);
        }
        assertArrayEquals(generated, Files.readAllBytes(file), file + " differs from its spec; regenerate with "
                + "-Dkw.regenerate=true");
    }

    @Test
    void amsterdamFullCycleEndsInAVaststellingWithATerugvordering() throws Exception {
        Vaststelling v = replay("amsterdam", "GM0363");
        assertEquals("KW-2023-GM0363-S", v.kenmerk());
    }

    @Test
    void arnhemsLateLastYearEndsInAnAmbtshalveVaststelling() throws Exception {
        Vaststelling v = replay("arnhem-laat", "GM0202");
        assertTrue(v.ambtshalve());
        assertFalse(v.jaren().get(2).meegeteld(), "2025 arrived after 30 June 2027 and does not count");
    }

    private Vaststelling replay(String dir, String cbs) throws Exception {
        Path d = ROOT.resolve(dir);
        Spec spec = spec(dir);
        VerantwoordingProcessor p = new VerantwoordingProcessor();
        Vaststelling last = null;
        for (Levering l : spec.leveringen()) {
            Path file = d.resolve(l.bestand());
            committed(file, workbook(cbs, l));
            DossierJson.Loaded loaded = DossierJson.context(d, l.bestand(), REGELING, CONFIG);
            VerantwoordingProcessor.Result r = p.process(l.bestand(), Files.readAllBytes(file),
                    loaded.currentReceived(), loaded.context());
            assertTrue(r.plausibel(), l.bestand() + ": " + r.nietPlausibel());
            assertEquals(l.verslagjaar(), r.verantwoording().verslagjaar());
            // every row the spec fills is read back with its values (quirks included)
            for (RegelSpec s : l.regels()) {
                VerantwoordingRegel read = r.verantwoording().regel(VerantwoordingRegel.key(s.onderdeel(),
                        s.focusgebied())).orElseThrow();
                assertEquals(0, s.besteding().compareTo(read.besteding()), l.bestand() + " " + read.key());
                assertEquals(0, s.cumulatief().compareTo(read.cumulatief()), l.bestand() + " " + read.key());
                assertEquals(0, s.reservering().compareTo(read.reservering()), l.bestand() + " " + read.key());
                assertEquals(s.eind(), read.eindverantwoording(), l.bestand() + " " + read.key());
            }
            assertEquals(texts(l.expected()), found(r.findings()), l.bestand());
            last = r.vaststelling();
            if (l != spec.leveringen().get(spec.leveringen().size() - 1)) {
                assertNull(last, l.bestand() + ": no vaststelling before the last year");
                assertFalse(r.outputs().containsKey("concept-vaststellingsbeschikking.pdf"));
            }
        }
        assertNotNull(last, "the last year's verantwoording completes the cycle");
        VaststellingSpec vs = spec.vaststelling();
        assertEquals(vs.ambtshalve(), last.ambtshalve());
        assertEquals(vs.vaststellingUiterlijk(), last.vaststellingUiterlijk());
        assertEquals(vs.mededelingTerugvorderingUiterlijk(), last.mededelingTerugvorderingUiterlijk());
        assertEquals(vs.regels().size(), last.regels().size());
        for (GroepSpec g : vs.regels()) {
            Vaststelling.Regel r = last.regels().stream()
                    .filter(x -> VerantwoordingRegel.key(x.onderdeel(), x.focusgebied()).equals(g.key()))
                    .findFirst().orElseThrow();
            assertMoney(g.verleend(), r.verleend(), g.key() + " verleend");
            assertMoney(g.uitbetaald(), r.uitbetaald(), g.key() + " uitbetaald");
            assertMoney(g.besteed(), r.besteed(), g.key() + " besteed");
            assertMoney(g.vastgesteld(), r.vastgesteld(), g.key() + " vastgesteld");
            assertMoney(g.terug(), r.terugTeVorderen(), g.key() + " terug");
            for (String k : List.of("verleend", "uitbetaald", "besteed", "vastgesteld", "terugTeVorderen")) {
                assertNotNull(r.trails().get(k), g.key() + " trail " + k);
            }
        }
        assertMoney(vs.totaalVastgesteld(), last.totaalVastgesteld(), "totaal vastgesteld");
        assertMoney(vs.totaalTerugTeVorderen(), last.totaalTerugTeVorderen(), "totaal terug");
        assertEquals(texts(vs.expected()), found(last.findings()), "vaststelling findings");
        return last;
    }

    @Test
    void hostileAndForeignWorkbooksAreNietPlausibelWithADutchMessageAndRecordNothing() throws Exception {
        Path d = ROOT.resolve("niet-plausibel");
        List<Hostile> specs = YAML.readValue(d.resolve("spec.yaml").toFile(), new TypeReference<List<Hostile>>() {});
        VerantwoordingProcessor p = new VerantwoordingProcessor();
        DossierContext amsterdam = DossierJson.context(ROOT.resolve("amsterdam"), "verantwoording-2024.xlsx",
                REGELING, CONFIG).context();
        for (Hostile h : specs) {
            Path file = d.resolve(h.bestand());
            committed(file, make(h.maak()));
            VerantwoordingProcessor.Result r = p.process(h.bestand(), Files.readAllBytes(file),
                    LocalDate.of(2025, 7, 1), amsterdam);
            assertFalse(r.plausibel(), h.bestand());
            assertTrue(r.nietPlausibel().contains(h.message()), h.bestand() + ": " + r.nietPlausibel());
            assertTrue(r.ontvangst().isEmpty(), "nothing is recorded in the dossier");
            assertEquals(Set.of("fout.json", "fout.txt"), r.outputs().keySet());
            String txt = new String(r.outputs().get("fout.txt"), StandardCharsets.UTF_8);
            assertTrue(txt.contains("Er is niets in het dossier vastgelegd") && !txt.contains("Exception"), txt);
        }
    }

    /** The hostile documents, each a correct workbook with one thing wrong (or another document altogether). */
    static byte[] make(String how) throws Exception {
        Spec ams = spec("amsterdam");
        Levering l2024 = ams.leveringen().get(1);
        Levering clean2024 = new Levering(l2024.bestand(), 2024, List.of(), l2024.regels(), List.of(), false);
        return switch (how) {
            case "rotterdam-2024" -> {
                Levering r = new Levering("x", 2024, List.of(), List.of(new RegelSpec("ORG", null, BigDecimal.TEN,
                        BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.TEN, false)), List.of(), false);
                yield workbook("GM0599", r);
            }
            case "versie-2024-oud" -> edit(workbook("GM0363", clean2024), (s, c) -> c.getRowIndex() == 0 && c.getColumnIndex() == 0,
                    "SiSa-bijlage verantwoordingsinformatie specifieke uitkering Regeling kansrijke wijk — verslagjaar "
                            + "2024 — versie 15 januari 2024");
            case "code-e27b" -> edit(workbook("GM0363", clean2024), (s, c) -> c.toString().startsWith("E99/"), null);
            case "jaar-2022" -> edit(workbook("GM0363", clean2024), (s, c) -> false, null, 2022);
            case "aanvraagformulier" -> BlankFormXlsx.generate();
            case "afgekapt" -> java.util.Arrays.copyOf(workbook("GM0363", clean2024), 3000);
            case "tekst" -> "Verstrekker;Uitkeringscode;Specifieke uitkering\nBZK;E99;Regeling kansrijke wijk\n"
                    .getBytes(StandardCharsets.UTF_8);
            default -> throw new IllegalArgumentException(how);
        };
    }

    interface CellMatch {
        boolean test(XSSFSheet s, Cell c);
    }

    private static byte[] edit(byte[] xlsx, CellMatch match, String replacement) throws IOException {
        return edit(xlsx, match, replacement, null);
    }

    /** Replaces matching cells (null: E99/nn becomes E27B/nn) and, with a year, the year cell and title. */
    private static byte[] edit(byte[] xlsx, CellMatch match, String replacement, Integer year) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            XSSFSheet s = wb.getSheetAt(0);
            for (Row row : s) {
                for (Cell c : row) {
                    if (year != null && c.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                            && c.getStringCellValue().contains("2024")) {
                        c.setCellValue(c.getStringCellValue().replace("2024", year.toString()));
                    } else if (c.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING && match.test(s, c)) {
                        c.setCellValue(replacement != null ? replacement : c.getStringCellValue().replace("E99/", "E27B/"));
                    }
                }
            }
            wb.getProperties().getCoreProperties().setCreated(java.util.Optional.of(new java.util.Date(0)));
            wb.getProperties().getCoreProperties().setModified(java.util.Optional.of(new java.util.Date(0)));
            return nl.kansrijkewijk.xlsx.ZipBytes.write(wb);
        }
    }

    static void assertMoney(BigDecimal expected, BigDecimal actual, String what) {
        assertEquals(0, expected.compareTo(actual), what + ": expected " + expected + " but was " + actual);
    }

    static Set<String> texts(List<Expected> e) {
        return e == null ? Set.of() : e.stream().map(Expected::text).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Findings in the spec's terms; amounts only where the finding takes one off. */
    static Set<String> found(List<Finding> findings) {
        return findings.stream()
                .map(f -> new Expected(f.rule(), f.onderdeel(), f.focusgebied(), f.refusedAmount()).text())
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
