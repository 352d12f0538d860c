package nl.kansrijkewijk.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import nl.kansrijkewijk.form.FormFiller;
import nl.kansrijkewijk.form.XlsxKeyIndex;
import nl.kansrijkewijk.hostile.HostileFiles;
import nl.kansrijkewijk.hostile.HostileXlsx;
import nl.kansrijkewijk.hostile.HostileXlsx.Measured;
import nl.kansrijkewijk.limits.Deadline;
import nl.kansrijkewijk.limits.Limits;
import nl.kansrijkewijk.reader.UnreadableDocumentException.Reason;
import org.apache.poi.ss.usermodel.Cell;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The aanvraag XLSX reader against hostile workbooks (generated from the filled form, {@link HostileXlsx}): each is
 * refused with a Dutch message, or — where the hostile part does not matter — read, never answered with an
 * exhausted heap, a hang or a leaked file. Time and peak heap of each are printed; the only time bound asserted is
 * the generous deadline handed to the reader. The same kinds for the SiSa reader: sisa.VerantwoordingHostilityTest.
 */
class XlsxHostilityTest {
    private static final Limits LIMITS = Limits.standard();
    private static final String AMOUNT = "B.ARM.fg1.2024"; // filled with 1.000
    private static byte[] form;

    @BeforeAll
    static void fill() {
        form = FormFiller.fillXlsx(HostileFiles.values(), Set.of());
    }

    private static Measured<ReadResult> read(String name, byte[] xlsx) {
        Measured<ReadResult> m = HostileXlsx.measure(
                () -> AanvraagReader.read(name, xlsx, LIMITS, Deadline.after(Duration.ofSeconds(120))));
        String outcome = m.thrown() instanceof UnreadableDocumentException e ? e.reason().code() + " — " + e.userMessage()
                : m.thrown() != null ? "THREW " + m.thrown() : "gelezen, " + m.value().findings().size()
                        + " bevindingen, ARM 2024 " + armAmount(m.value());
        System.out.printf("%-28s %6d kB: in %5d ms, peak heap %4d MB — %s%n", name, xlsx.length >> 10, m.millis(),
                m.peakHeapMb(), outcome);
        assertTrue(m.thrown() == null || m.thrown() instanceof UnreadableDocumentException,
                name + " threw " + m.thrown());
        return m;
    }

    private static UnreadableDocumentException refused(Measured<ReadResult> m) {
        assertTrue(m.thrown() instanceof UnreadableDocumentException, "refused, not read");
        UnreadableDocumentException e = (UnreadableDocumentException) m.thrown();
        assertTrue(e.userMessage().matches("(?s).*\\b(het|de|een)\\b.*"), "Dutch: " + e.userMessage());
        return e;
    }

    private static Cell amountCell(org.apache.poi.xssf.usermodel.XSSFWorkbook wb) {
        XlsxKeyIndex.CellPos p = XlsxKeyIndex.of(wb).get(AMOUNT);
        return p.sheet().getRow(p.row()).getCell(p.col());
    }

    @Test
    void theUntouchedFormReads() {
        assertNotNull(read("ingevuld.xlsx", form).value());
    }

    @Test
    void aZipBombIsRefusedBeforeInflating() throws Exception {
        byte[] bomb = Files.readAllBytes(Path.of("../test-fixtures/hostile/zip-bom.xlsx"));
        assertEquals(Reason.TE_GROOT, refused(read("zip-bom.xlsx", bomb)).reason());
    }

    @Test
    void externalAndRecursiveEntitiesAreNeverExpanded(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("geheim.txt");
        Files.writeString(secret, HostileXlsx.SECRET, StandardCharsets.UTF_8);
        byte[] xxe = HostileXlsx.withEntities(form, "xl/sharedStrings.xml", secret.toUri().toString());
        Measured<ReadResult> m = read("xxe.xlsx", xxe);
        // POI's parsers refuse a DOCTYPE: the workbook is damaged, and the file's content appears nowhere
        UnreadableDocumentException e = refused(m);
        assertFalse(e.userMessage().contains(HostileXlsx.SECRET));
        assertFalse(String.valueOf(e.getMessage()).contains(HostileXlsx.SECRET));
        assertFalse(e.userMessage().contains("lollol"));
    }

    @Test
    void aSharedStringTableBeyondSixteenMegabytesIsRefused() {
        byte[] big = HostileXlsx.withSharedStrings(form, 720_000, "720000");
        assertTrue(big.length < LIMITS.maxUploadBytes(), "within the upload limit: " + big.length);
        UnreadableDocumentException e = refused(read("sst-17mb.xlsx", big));
        assertEquals(Reason.TE_GROOT, e.reason());
        assertTrue(e.userMessage().contains("veel meer tekst"), e.userMessage());
    }

    @Test
    void aClaimedStringCountOfTwoBillionAllocatesNothing() {
        Measured<ReadResult> m = read("sst-telling.xlsx", HostileXlsx.withSharedStrings(form, 10, "2000000000"));
        assertNotNull(m.value(), "the strings that are there are read: " + m.thrown());
    }

    @Test
    void aStyleTableBeyondThePartBoundIsRefused() {
        byte[] styled = HostileXlsx.withStyles(form, 500_000);
        assertTrue(styled.length < LIMITS.maxUploadBytes(), "within the upload limit: " + styled.length);
        UnreadableDocumentException e = refused(read("stijlen-500000.xlsx", styled));
        assertEquals(Reason.TE_GROOT, e.reason());
        assertTrue(e.userMessage().contains("xl/styles.xml"), e.userMessage());
    }

    @Test
    void manyStylesWithinTheBoundAreRead() {
        assertNotNull(read("stijlen-100000.xlsx", HostileXlsx.withStyles(form, 100_000)).value());
    }

    /** The amount read for ARM 2024 (the field the formulas are put in), or null when the field was not read. */
    private static java.math.BigDecimal armAmount(ReadResult r) {
        return r.aanvraag().budget().stream().filter(b -> b.fieldPrefix().equals("B.ARM.fg1")).findFirst()
                .map(b -> b.perYear().get(2024)).orElse(null);
    }

    private static boolean flagged(ReadResult r) {
        return r.findings().stream().anyMatch(f -> AMOUNT.equals(f.location().field()));
    }

    @Test
    void deeplyNestedFormulasAreComputedOrFlaggedNeverFatal() {
        // Excel stops at 64 levels; POI computes thousands; deeper ones exhaust the stack, which the reader answers
        // from the cell's cached result (none here, so the field is flagged)
        for (int depth : new int[] {10_000, 200_000}) {
            Measured<ReadResult> m = read("formule-diep-" + depth + ".xlsx",
                    HostileXlsx.withNestedFormula(form, XlsxHostilityTest::amountCell, depth));
            if (m.thrown() != null) {
                // 400 kB of parentheses inflate more than 200-fold: refused as a zip bomb before any parsing
                assertEquals(Reason.TE_GROOT, refused(m).reason(), m.thrown().getMessage());
                continue;
            }
            ReadResult r = m.value();
            // computed (1), or the cached result Excel showed (POI keeps the typed 1.000 as the formula's cached value)
            assertTrue(flagged(r) || Set.of(new java.math.BigDecimal("1.00"), new java.math.BigDecimal("1000.00"))
                    .contains(armAmount(r)),
                    depth + ": " + armAmount(r) + " " + r.findings());
        }
    }

    @Test
    void aChainOfFormulasThroughFiveThousandCellsIsComputedOrFlagged() {
        ReadResult r = read("formule-keten.xlsx",
                HostileXlsx.withFormulaChain(form, XlsxHostilityTest::amountCell, 5_000)).value();
        assertNotNull(r);
        // each link adds one to the blank cell past the end: 5 000, unless the chain outgrew the stack (then the
        // cached 1.000); a sheet beyond maxRows (5 000) is refused as a whole
        assertTrue(flagged(r) || Set.of(new java.math.BigDecimal("5000.00"), new java.math.BigDecimal("1000.00"))
                .contains(armAmount(r)),
                armAmount(r) + " " + r.findings());
    }

    @Test
    void aFormulaOverAWholeSheetIsRefusedAsTooComplex() {
        UnreadableDocumentException e = refused(read("formule-heel-blad.xlsx",
                HostileXlsx.withWholeSheetSum(form, XlsxHostilityTest::amountCell)));
        assertEquals(Reason.TE_COMPLEX, e.reason(), e.getMessage());
        assertTrue(e.userMessage().contains("formules"), e.userMessage());
    }

    @Test
    void theAmountsOfTheFormStillComputeFromTheirFormulas() {
        // the budget must not cost the ordinary case: a SUM over a few values is evaluated, not refused
        byte[] summed = HostileXlsx.editCell(form, XlsxHostilityTest::amountCell, "SUM(400,600)");
        ReadResult r = read("formule-som.xlsx", summed).value();
        assertEquals(Shapes.content(read("ingevuld.xlsx", form).value()).budget(), Shapes.content(r).budget());
    }
}
