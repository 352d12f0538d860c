package nl.kansrijkewijk.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.kansrijkewijk.hash.Sha256;
import nl.kansrijkewijk.testkit.ContentDerivedProcessor;
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

        assertEquals(List.of("GM0363/a.pdf/v1/naam.txt", "GM0363/a.pdf/v1/omgekeerd.bin", "GM0363/a.pdf/v1/sha256.txt",
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
    void aRepeatedEventStopsAtTheManifest() {
        store.objects.put("up/inbox/GM0363/a.pdf", "%PDF-1.7 a".getBytes(StandardCharsets.UTF_8));
        pipeline.process(upload);
        store.writes.clear();

        assertEquals(UploadOutcome.Kind.ALREADY_DONE, pipeline.process(upload).kind());
        assertEquals(List.of(), store.writes);
    }
}
