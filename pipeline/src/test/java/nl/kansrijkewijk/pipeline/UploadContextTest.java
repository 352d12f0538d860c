package nl.kansrijkewijk.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import nl.kansrijkewijk.processing.DocumentKind;
import nl.kansrijkewijk.processing.DocumentProcessor;
import nl.kansrijkewijk.processing.ProcessingResult;
import nl.kansrijkewijk.processing.Receipt;
import nl.kansrijkewijk.provenance.Provenance;
import org.junit.jupiter.api.Test;

/** What the pipeline tells the processor about an upload (who, when, which gemeente), and what the manifest keeps. */
class UploadContextTest {
    private static final Instant EVENT_TIME = Instant.parse("2023-09-29T14:03:11.485Z");
    private static final String PRINCIPAL = "AWS:AROAEXAMPLE:gemeente-GM0363";
    private static final Provenance PROVENANCE = new Provenance("9.9.9", "kansrijke-wijk-2023", "ab", "cd", "KW-2023-1");

    /** Records every receipt and answers with a wijziging, so the manifest's kind and provenance can be traced. */
    private static final class RecordingProcessor implements DocumentProcessor {
        final List<Receipt> receipts = new ArrayList<>();

        @Override
        public ProcessingResult process(String documentName, byte[] content) {
            throw new AssertionError("the pipeline must pass the upload context");
        }

        @Override
        public ProcessingResult process(Receipt receipt, byte[] content) {
            receipts.add(receipt);
            TreeMap<String, byte[]> outputs = new TreeMap<>();
            outputs.put("x.txt", content);
            return new ProcessingResult(ProcessingResult.Status.VERWERKT, "Amsterdam", "toekenning", 0, 1, outputs,
                    DocumentKind.WIJZIGING, PROVENANCE);
        }
    }

    private final UploadPipelineTest.MemoryStore store = new UploadPipelineTest.MemoryStore();
    private final RecordingProcessor processor = new RecordingProcessor();
    private final UploadPipeline pipeline = new UploadPipeline(store, processor, new PipelineConfig("up", "out", 1000));

    private UploadOutcome upload(String key, Instant eventTime, String principal) {
        store.objects.put("up/" + key, "%PDF-1.7 a".getBytes(StandardCharsets.UTF_8));
        return pipeline.process(new UploadRef("up", key, "v1", "etag", 10, eventTime, principal));
    }

    @Test
    void theProcessorGetsTheFolderGemeenteTheEventTimeTheVersionAndTheUploader() {
        UploadOutcome outcome = upload("inbox/GM0363/aanvraag.pdf", EVENT_TIME, PRINCIPAL);

        assertEquals(List.of(new Receipt("aanvraag.pdf", "GM0363", EVENT_TIME, "v1", PRINCIPAL)), processor.receipts);
        Manifest manifest = Manifest.parse(store.objects.get("out/GM0363/aanvraag.pdf/v1/manifest.json"));
        assertEquals(new Manifest.Received("GM0363", "2023-09-29T14:03:11.485Z", PRINCIPAL), manifest.received());
        assertEquals("WIJZIGING", manifest.kind());
        assertEquals(PROVENANCE, manifest.provenance());
        assertEquals(outcome.manifest(), manifest);
    }

    @Test
    void withoutAnEventTimeTheObjectsLastModifiedIsTheReceiptTime() {
        store.lastModified = Instant.parse("2023-09-30T08:00:00Z");

        upload("inbox/GM0599/aanvraag.xlsx", null, null);

        Receipt receipt = processor.receipts.get(0);
        assertEquals(Instant.parse("2023-09-30T08:00:00Z"), receipt.receivedAt());
        assertEquals("GM0599", receipt.gemeenteCode());
        assertNull(receipt.uploader());
    }

    @Test
    void anUploadOutsideAGemeenteFolderIsRefusedWithoutBeingJudged() {
        for (String key : List.of("inbox/Gemeente Den Haag/a.pdf", "inbox/a.pdf", "inbox/gm0363/a.pdf", "inbox/GM363/a.pdf")) {
            UploadOutcome outcome = upload(key, EVENT_TIME, PRINCIPAL);

            assertEquals(UploadOutcome.Kind.REPORTED, outcome.kind(), key);
            assertEquals("geweigerd", outcome.manifest().status(), key);
            assertNull(outcome.manifest().received().gemeenteCode(), key);
            assertEquals(List.of("fout.json", "fout.txt"),
                    outcome.manifest().outputs().stream().map(Manifest.Output::name).toList(), key);
        }
        assertEquals(List.of(), processor.receipts, "no document outside a gemeente folder reaches the processor");
        String text = new String(store.objects.get("out/Gemeente Den Haag/a.pdf/v1/fout.txt"), StandardCharsets.UTF_8);
        assertTrue(text.contains("in de map inbox/Gemeente Den Haag/, niet in de map van een gemeente"), text);
        assertTrue(text.contains("inbox/GM0363/"), text);
    }
}
