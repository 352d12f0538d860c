package nl.kansrijkewijk.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import nl.kansrijkewijk.hostile.HostilePdfs;
import nl.kansrijkewijk.limits.Deadline;
import nl.kansrijkewijk.limits.Limits;
import nl.kansrijkewijk.reader.UnreadableDocumentException.Reason;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

/**
 * What PDFBox decodes while loading — object streams, cross-reference streams — is bounded like every other stream
 * ({@link PdfDecodeBudget}), and broken structure (a /Length of 100 GB or in a loop, a /Prev loop, deep nesting, a
 * page tree containing itself) gets a Dutch answer instead of an exhausted heap or stack. Time and peak heap of
 * each refusal are printed (measured in this JVM; {@code HostileCorpusTest} repeats the two bombs in a child JVM
 * with the deployed heap). The only time bound asserted is the generous deadline given to the reader.
 */
class PdfLoadBoundsTest {
    private static final Limits LIMITS = Limits.standard();

    private record Outcome(UnreadableDocumentException refusal, long millis, long peakHeapMb) {}

    private static Outcome read(String name, byte[] pdf) {
        return read(name, pdf, Duration.ofSeconds(120));
    }

    private static Outcome read(String name, byte[] pdf, Duration deadline) {
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        System.gc();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long t0 = System.nanoTime();
        UnreadableDocumentException e = assertThrows(UnreadableDocumentException.class,
                () -> AanvraagReader.read(name, pdf, LIMITS, Deadline.after(deadline)));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() >> 20;
        System.out.printf("%-32s %6d kB on disk: %-18s in %5d ms, peak heap %4d MB — %s%n", name, pdf.length >> 10,
                e.reason().code(), ms, peak, e.userMessage());
        assertFalse(e.userMessage().isBlank());
        assertTrue(e.userMessage().matches("(?s).*\\b(het|de|en|een)\\b.*"), "a Dutch message: " + e.userMessage());
        return new Outcome(e, ms, peak);
    }

    @Test
    void theFilterWrappersAreInstalled() {
        assertTrue(PdfDecodeBudget.installed(), "PDFBox's FilterFactory changed: object streams are unbounded again");
    }

    @Test
    void anObjectStreamInflatingTo4GbIsRefusedAsTooLarge() {
        byte[] pdf = HostilePdfs.objectStreamBomb(4096);
        assertTrue(pdf.length < 8 << 20, "small on disk: " + pdf.length);
        Outcome o = read("objectstroom-4gb.pdf", pdf);
        assertEquals(Reason.TE_GROOT, o.refusal().reason(), o.refusal().getMessage());
        assertTrue(o.refusal().userMessage().contains("uitgepakt veel groter"), o.refusal().userMessage());
    }

    @Test
    void aCrossReferenceStreamInflatingTo4GbIsRefusedAsTooLarge() {
        Outcome o = read("xrefstroom-4gb.pdf", HostilePdfs.xrefStreamBomb(4096));
        assertEquals(Reason.TE_GROOT, o.refusal().reason(), o.refusal().getMessage());
    }

    @Test
    void pageContentInflatingTo4GbIsRefusedBeforeAnyTextIsRead() {
        // one decode hits both bounds (PdfStreams' total and the per-stream budget): the upload must be refused
        // there, not handed to the text extraction, which streams page content outside the budget (that took
        // 125 s here and would end in te-complex at this deadline; the refusal takes about a second)
        Outcome o = read("inhoud-4gb.pdf", HostilePdfs.contentStreamBomb(4096), Duration.ofSeconds(30));
        assertEquals(Reason.TE_GROOT, o.refusal().reason(), o.refusal().getMessage());
    }

    @Test
    void theBombsAreRealPdfsThatPdfboxDecodesWithoutTheBudget() throws Exception {
        // the same construction at 2 MB loads in plain PDFBox: the refusals above are the bound, not a parse error
        try (PDDocument doc = Loader.loadPDF(HostilePdfs.objectStreamBomb(2))) {
            assertEquals(1, doc.getNumberOfPages());
        }
        try (PDDocument doc = Loader.loadPDF(HostilePdfs.xrefStreamBomb(2))) {
            assertEquals(1, doc.getNumberOfPages());
        }
    }

    @Test
    void brokenStructureGetsADutchAnswer() {
        List<Supplier<byte[]>> kinds = List.of(HostilePdfs::hugeLength, HostilePdfs::lengthLoop,
                HostilePdfs::prevLoop, () -> HostilePdfs.deepNestingInObjectStream(100_000),
                HostilePdfs::pageTreeLoop);
        List<String> names = List.of("length-100gb.pdf", "length-lus.pdf", "prev-lus.pdf", "diep-genest-objstm.pdf",
                "paginaboom-lus.pdf");
        for (int i = 0; i < kinds.size(); i++) {
            Outcome o = read(names.get(i), kinds.get(i).get());
            // none of them is the form: what matters is a refusal the gemeente can act on, not which one
            assertTrue(Set.of(Reason.NIET_HET_FORMULIER, Reason.BESCHADIGD, Reason.LEEG, Reason.TE_GROOT)
                    .contains(o.refusal().reason()), names.get(i) + ": " + o.refusal().getMessage());
        }
    }
}
