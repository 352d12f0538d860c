package nl.kansrijkewijk.pipeline;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.kansrijkewijk.hash.Sha256;
import nl.kansrijkewijk.testkit.ContentDerivedProcessor;
import java.util.concurrent.atomic.AtomicInteger;
import nl.kansrijkewijk.processing.DocumentProcessor;
import nl.kansrijkewijk.processing.ProcessingResult;
import org.junit.jupiter.api.Test;

/** Order and conflict rules of the pipeline, on an in-memory store that records every write. */
class UploadPipelineTest {

    /** Minimal in-memory {@link ObjectStore} with S3's conditional-write semantics. */
    static final class MemoryStore implements ObjectStore {
        final Map<String, byte[]> objects = new HashMap<>();
        final Map<String, Map<String, String>> metadata = new HashMap<>();
        final List<String> writes = new ArrayList<>();
        Instant lastModified;

        @Override
        public Optional<ObjectInfo> head(String bucket, String key) {
            byte[] b = objects.get(bucket + "/" + key);
            return b == null ? Optional.empty()
                    : Optional.of(new ObjectInfo(b.length, "etag", null, metadata.get(bucket + "/" + key)));
        }

        @Override
        public Fetched read(String bucket, String key, String versionId, String expectedETag, long maxBytes) {
            byte[] b = objects.get(bucket + "/" + key);
            return b == null ? new Fetched.Missing() : new Fetched.Content(b, "etag", versionId, lastModified);
        }

        @Override
        public boolean putIfAbsent(String bucket, String key, byte[] content, String contentType, Map<String, String> meta) {
            writes.add(key);
            if (objects.containsKey(bucket + "/" + key)) {
                return false;
            }
            objects.put(bucket + "/" + key, content);
            metadata.put(bucket + "/" + key, meta);
            return true;
        }
    }

    private final MemoryStore store = new MemoryStore();
    private final UploadPipeline pipeline =
            new UploadPipeline(store, new ContentDerivedProcessor(), new PipelineConfig("up", "out", 1000));
    private final UploadRef upload = new UploadRef("up", "inbox/GM0363/a.pdf", "v1", "etag", 10);

    @Test
    void theManifestIsWrittenAfterEveryOutput() {
        store.objects.put("up/inbox/GM0363/a.pdf", "%PDF-1.7 a".getBytes(StandardCharsets.UTF_8));

        pipeline.process(upload);

        assertEquals(List.of("verwerking/GM0363/a.pdf/v1/poging-1.json", "GM0363/a.pdf/v1/naam.txt", "GM0363/a.pdf/v1/omgekeerd.bin", "GM0363/a.pdf/v1/sha256.txt",
                "GM0363/a.pdf/v1/manifest.json"), store.writes);
    }

    @Test
    void anExistingOutputWithOtherContentIsKeptAndTheManifestDescribesWhatIsStored() {
        store.objects.put("up/inbox/GM0363/a.pdf", "%PDF-1.7 a".getBytes(StandardCharsets.UTF_8));
        byte[] older = "oudere versie".getBytes(StandardCharsets.UTF_8);
        String olderSha = Sha256.hex(older);
        store.objects.put("out/GM0363/a.pdf/v1/naam.txt", older);
        store.metadata.put("out/GM0363/a.pdf/v1/naam.txt", Map.of(UploadPipeline.SHA256_METADATA, olderSha));

        UploadOutcome outcome = pipeline.process(upload);

        Manifest.Output naam = outcome.manifest().outputs().get(0);
        assertEquals("naam.txt", naam.name());
        assertEquals(olderSha, naam.sha256());
        assertEquals(older.length, naam.size());
        assertEquals("oudere versie", new String(store.objects.get("out/GM0363/a.pdf/v1/naam.txt"), StandardCharsets.UTF_8));
    }

    @Test
    void onlyAnAcceptedUploadIsRecordedBeforeItsManifestAndARefusalIsAnsweredNotThrown() {
        store.objects.put("up/inbox/GM0363/a.pdf", "%PDF-1.7 a".getBytes(StandardCharsets.UTF_8));
        store.objects.put("up/inbox/GM0363/b.pdf", "CORRUPT".getBytes(StandardCharsets.UTF_8));
        List<String> recorded = new java.util.ArrayList<>();
        UploadPipeline recording = new UploadPipeline(store, new ContentDerivedProcessor(),
                new PipelineConfig("up", "out", 1000), (receipt, content) -> {
                    // The manifest is not there yet: a fault here leaves the event to be retried whole.
                    assertTrue(store.objects.keySet().stream().noneMatch(k -> k.endsWith("/manifest.json")));
                    recorded.add(receipt.gemeenteCode() + " " + receipt.documentName() + " " + receipt.versionId()
                            + " " + new String(content, StandardCharsets.UTF_8));
                    return java.util.Optional.of("het dossier weigert dit");
                });

        UploadOutcome a = recording.process(upload);
        UploadOutcome b = recording.process(new UploadRef("up", "inbox/GM0363/b.pdf", "v2", "etag2", 7));

        assertEquals(List.of("GM0363 a.pdf v1 %PDF-1.7 a"), recorded, "the unreadable upload is not recorded");
        // What the dossier refuses is answered with its Dutch message instead of the outputs, and not retried.
        assertEquals(UploadOutcome.Kind.REPORTED, a.kind());
        assertEquals("dossier: het dossier weigert dit", a.detail());
        assertTrue(new String(store.objects.get("out/GM0363/a.pdf/v1/fout.txt"), StandardCharsets.UTF_8)
                .contains("het dossier weigert dit"));
        assertEquals(UploadOutcome.Kind.REPORTED, b.kind());
    }

    @Test
    void aFaultWhileRecordingLeavesNoManifestSoTheRetryRecordsAgain() {
        store.objects.put("up/inbox/GM0363/a.pdf", "%PDF-1.7 a".getBytes(StandardCharsets.UTF_8));
        int[] calls = {0};
        UploadPipeline failingOnce = new UploadPipeline(store, new ContentDerivedProcessor(),
                new PipelineConfig("up", "out", 1000), (receipt, content) -> {
                    if (calls[0]++ == 0) {
                        throw new IllegalStateException("S3 onbereikbaar");
                    }
                    return java.util.Optional.empty();
                });

        assertThrows(IllegalStateException.class, () -> failingOnce.process(upload));
        assertFalse(store.objects.containsKey("out/GM0363/a.pdf/v1/manifest.json"));
        assertEquals(UploadOutcome.Kind.PROCESSED, failingOnce.process(upload).kind());
        assertEquals(2, calls[0]);
    }

    @Test
    void aRepeatedEventStopsAtTheManifest() {
        store.objects.put("up/inbox/GM0363/a.pdf", "%PDF-1.7 a".getBytes(StandardCharsets.UTF_8));
        pipeline.process(upload);
        store.writes.clear();

        assertEquals(UploadOutcome.Kind.ALREADY_DONE, pipeline.process(upload).kind());
        assertEquals(List.of(), store.writes);
    }

    /**
     * An upload that exhausts the heap is not caught (the container must go); the markers of the attempts that
     * died make the third attempt answer with a "te complex" report without processing again.
     */
    @Test
    void attemptsThatDieLeaveMarkersAndTheNextAttemptReports() {
        store.objects.put("up/inbox/GM0363/a.pdf", "%PDF-1.7 a".getBytes(StandardCharsets.UTF_8));
        AtomicInteger calls = new AtomicInteger();
        DocumentProcessor exhausting = new DocumentProcessor() {
            @Override
            public ProcessingResult process(String documentName, byte[] content) {
                calls.incrementAndGet();
                throw new OutOfMemoryError("simulated");
            }
        };
        UploadPipeline dying = new UploadPipeline(store, exhausting, new PipelineConfig("up", "out", 1000));

        assertThrows(OutOfMemoryError.class, () -> dying.process(upload));
        assertThrows(OutOfMemoryError.class, () -> dying.process(upload));
        UploadOutcome third = dying.process(upload);

        assertEquals(2, calls.get(), "the third attempt does not process");
        assertEquals(UploadOutcome.Kind.REPORTED, third.kind());
        String fout = new String(store.objects.get("out/GM0363/a.pdf/v1/fout.json"), StandardCharsets.UTF_8);
        assertTrue(fout.contains("\"te-complex\""), fout);
        String txt = new String(store.objects.get("out/GM0363/a.pdf/v1/fout.txt"), StandardCharsets.UTF_8);
        assertTrue(txt.contains("te groot of te ingewikkeld"), txt);
        assertTrue(store.objects.containsKey("out/GM0363/a.pdf/v1/manifest.json"));
        assertTrue(store.objects.containsKey("out/verwerking/GM0363/a.pdf/v1/poging-2.json"));
    }

    /** Every object under inbox/ is taken, whatever its suffix or the suffix's case; folder markers are not. */
    @Test
    void everyUploadUnderTheInboxIsTakenWhateverItsSuffix() {
        for (String key : List.of("inbox/GM0363/aanvraag.PDF", "inbox/GM0363/aanvraag.Xlsx", "inbox/GM0363/a.xls",
                "inbox/GM0363/a.ods", "inbox/GM0363/a.xlsm", "inbox/GM0363/foto.jpg", "inbox/GM0363/zonder-achtervoegsel")) {
            assertTrue(TriggerFilter.matches(key), key);
        }
        assertTrue(TriggerFilter.hasFormSuffix("inbox/x/AANVRAAG.Pdf"));
        assertEquals(false, TriggerFilter.matches("inbox/GM0363/"));
        assertEquals(false, TriggerFilter.matches("outbox/a.pdf"));
    }
}
