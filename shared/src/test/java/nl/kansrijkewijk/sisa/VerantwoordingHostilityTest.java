package nl.kansrijkewijk.sisa;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import nl.kansrijkewijk.hostile.HostileXlsx;
import nl.kansrijkewijk.hostile.HostileXlsx.Measured;
import nl.kansrijkewijk.limits.Deadline;
import nl.kansrijkewijk.limits.Limits;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SiSa verantwoording reader against the hostile workbooks of {@code reader.XlsxHostilityTest}, made from
 * Amsterdam's filled bijlage: zip bomb, external and recursive entities, a shared-string table and a style table
 * far beyond a bijlage (within the 5 MB upload), a claimed string count of two billion, formulas nested deep,
 * chained, or over a whole sheet. Each gets a Dutch "niet plausibel" answer or is read; time and peak heap printed.
 */
class VerantwoordingHostilityTest {
    private static final byte[] AMSTERDAM = VerantwoordingReaderTest.amsterdam(Set.of());
    private static final Limits LIMITS = Limits.standard();

    private static Measured<Verantwoording> read(String name, byte[] xlsx) {
        Measured<Verantwoording> m = HostileXlsx.measure(() -> VerantwoordingReader.read(name, xlsx,
                SisaSamples.REGELING, SisaSamples.CONFIG, "GM0363", LIMITS, Deadline.after(Duration.ofSeconds(120))));
        String outcome = m.thrown() instanceof NietPlausibelException e ? "niet plausibel — " + e.userMessage()
                : m.thrown() != null ? "THREW " + m.thrown() : "gelezen, " + m.value().regels().size() + " regels";
        System.out.printf("%-30s %6d kB: in %5d ms, peak heap %4d MB — %s%n", name, xlsx.length >> 10, m.millis(),
                m.peakHeapMb(), outcome);
        assertTrue(m.thrown() == null || m.thrown() instanceof NietPlausibelException, name + " threw " + m.thrown());
        return m;
    }

    private static NietPlausibelException refused(Measured<Verantwoording> m, String fragment) {
        assertTrue(m.thrown() instanceof NietPlausibelException, "refused, not read");
        NietPlausibelException e = (NietPlausibelException) m.thrown();
        assertTrue(e.userMessage().contains(fragment), e.userMessage());
        return e;
    }

    /** The first besteding amount (100 000,00 in the sample). */
    private static Cell amountCell(XSSFWorkbook wb) {
        for (Row r : wb.getSheetAt(0)) {
            for (Cell c : r) {
                if (c.getCellType() == CellType.NUMERIC && c.getNumericCellValue() == 100_000) {
                    return c;
                }
            }
        }
        throw new AssertionError("no amount cell");
    }

    @Test
    void theUntouchedBijlageReads() {
        assertNotNull(read("amsterdam.xlsx", AMSTERDAM).value());
    }

    @Test
    void aZipBombIsRefused() throws Exception {
        byte[] bomb = Files.readAllBytes(Path.of("../test-fixtures/hostile/zip-bom.xlsx"));
        refused(read("zip-bom.xlsx", bomb), "uitgepakt veel te groot");
    }

    @Test
    void externalAndRecursiveEntitiesAreNeverExpanded(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("geheim.txt");
        Files.writeString(secret, HostileXlsx.SECRET, StandardCharsets.UTF_8);
        NietPlausibelException e = refused(read("xxe.xlsx",
                HostileXlsx.withEntities(AMSTERDAM, "xl/sharedStrings.xml", secret.toUri().toString())),
                "geen leesbare Excel-werkmap");
        assertFalse(e.userMessage().contains(HostileXlsx.SECRET) || String.valueOf(e.getMessage())
                .contains(HostileXlsx.SECRET));
    }

    @Test
    void aSharedStringTableBeyondSixteenMegabytesIsRefused() {
        byte[] big = HostileXlsx.withSharedStrings(AMSTERDAM, 720_000, "720000");
        assertTrue(big.length < VerantwoordingReader.MAX_BYTES, "within the 5 MB upload: " + big.length);
        refused(read("sst-17mb.xlsx", big), "veel meer tekst");
    }

    @Test
    void aClaimedStringCountOfTwoBillionAllocatesNothing() {
        assertNotNull(read("sst-telling.xlsx", HostileXlsx.withSharedStrings(AMSTERDAM, 10, "2000000000")).value());
    }

    @Test
    void aStyleTableBeyondThePartBoundIsRefused() {
        byte[] styled = HostileXlsx.withStyles(AMSTERDAM, 500_000);
        assertTrue(styled.length < VerantwoordingReader.MAX_BYTES, "within the 5 MB upload: " + styled.length);
        refused(read("stijlen-500000.xlsx", styled), "xl/styles.xml");
    }

    @Test
    void deepAndChainedFormulasAreComputedFlaggedOrRefusedNeverFatal() {
        read("formule-diep-10000.xlsx", HostileXlsx.withNestedFormula(AMSTERDAM, VerantwoordingHostilityTest::amountCell,
                10_000));
        read("formule-diep-200000.xlsx", HostileXlsx.withNestedFormula(AMSTERDAM,
                VerantwoordingHostilityTest::amountCell, 200_000));
        read("formule-keten-1900.xlsx", HostileXlsx.withFormulaChain(AMSTERDAM, VerantwoordingHostilityTest::amountCell,
                1_900));
    }

    @Test
    void aBijlageFromAStreamingWriterIsRecognisedAndRead() throws Exception {
        // Zip64 extras and data descriptors, as POI's SXSSF writes them: java.util.zip.ZipInputStream refuses them
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (org.apache.commons.compress.archivers.zip.ZipFile src = org.apache.commons.compress.archivers.zip.ZipFile
                .builder().setByteArray(AMSTERDAM).get();
                var zip = new org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream(out)) {
            zip.setUseZip64(org.apache.commons.compress.archivers.zip.Zip64Mode.Always);
            for (var e : java.util.Collections.list(src.getEntries())) {
                zip.putArchiveEntry(new org.apache.commons.compress.archivers.zip.ZipArchiveEntry(e.getName()));
                try (var in = src.getInputStream(e)) {
                    in.transferTo(zip);
                }
                zip.closeArchiveEntry();
            }
        }
        byte[] streamed = out.toByteArray();
        assertTrue(VerantwoordingReader.isVerantwoording(streamed), "recognised by its central directory");
        assertNotNull(read("gestreamd.xlsx", streamed).value());
    }

    @Test
    void aFormulaOverAWholeSheetIsRefusedAsTooComplex() {
        refused(read("formule-heel-blad.xlsx", HostileXlsx.withWholeSheetSum(AMSTERDAM,
                VerantwoordingHostilityTest::amountCell)), "te ingewikkeld");
    }
}
