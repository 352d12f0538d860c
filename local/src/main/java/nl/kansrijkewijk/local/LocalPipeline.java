package nl.kansrijkewijk.local;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.kansrijkewijk.functions.aanvraag.AanvraagUploadHandler;
import nl.kansrijkewijk.functions.aanvraag.ReviewerUploadHandler;
import nl.kansrijkewijk.pipeline.Manifest;
import nl.kansrijkewijk.pipeline.OutputLayout;
import nl.kansrijkewijk.pipeline.PipelineConfig;
import nl.kansrijkewijk.pipeline.ReviewerActs;
import nl.kansrijkewijk.pipeline.UploadRef;
import nl.kansrijkewijk.processing.DocumentProcessor;
import nl.kansrijkewijk.testkit.s3.S3NotificationJson;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The deployed stack in one JVM: an S3 server with the two buckets, and the two Lambda handler classes of
 * functions/aanvraag — the upload handler for {@code inbox/}, the reviewer handler for {@code beoordelingen/} and
 * {@code vaststellingen/}, routed by prefix as template.yaml routes them — which get S3 notifications as JSON
 * through the Lambda runtime's own deserializer. What S3 would do on upload (send the event) is {@link #deliver}.
 */
public final class LocalPipeline implements AutoCloseable {
    public static final String UPLOAD_BUCKET = "kw-uploads";
    public static final String OUTPUT_BUCKET = "kw-outputs";
    static final String DOSSIER_PREFIX = "dossier/";

    private final LocalS3 server;
    private final S3Client s3;
    private final AanvraagUploadHandler handler;
    private final ReviewerUploadHandler reviewer;
    private final PojoSerializer<S3Event> events =
            LambdaEventSerializers.serializerFor(S3Event.class, LocalPipeline.class.getClassLoader());

    private LocalPipeline(LocalS3 server, DocumentProcessor processor, boolean recordDossiers) {
        this.server = server;
        this.s3 = server.client();
        PipelineConfig config = new PipelineConfig(UPLOAD_BUCKET, OUTPUT_BUCKET, PipelineConfig.DEFAULT_MAX_UPLOAD_BYTES);
        this.handler = recordDossiers
                ? new AanvraagUploadHandler(s3, processor, config)
                : AanvraagUploadHandler.withoutDossier(s3, processor, config);
        this.reviewer = new ReviewerUploadHandler(s3, config);
    }

    /** Starts the server and makes sure both buckets exist; uploads are recorded in dossiers as in AWS. */
    public static LocalPipeline start(String host, int port, Path dataDir, DocumentProcessor processor) throws Exception {
        return start(host, port, dataDir, processor, true);
    }

    /**
     * @param recordDossiers false for the pipeline alone (the benchmarks, ./kw measure); true as in AWS: with the
     *                       deployed processor the dossier judges and renders an accepted aanvraag (once) and the
     *                       upload's outputs are its concept
     */
    public static LocalPipeline start(String host, int port, Path dataDir, DocumentProcessor processor,
            boolean recordDossiers) throws Exception {
        LocalS3 server = LocalS3.start(host, port, dataDir);
        LocalPipeline pipeline = new LocalPipeline(server, processor, recordDossiers);
        try {
            pipeline.createBucket(UPLOAD_BUCKET);
            pipeline.createBucket(OUTPUT_BUCKET);
        } catch (RuntimeException e) {
            pipeline.close();
            throw e;
        }
        return pipeline;
    }

    private void createBucket(String bucket) {
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (NoSuchBucketException e) {
            s3.createBucket(b -> b.bucket(bucket));
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw e;
            }
            s3.createBucket(b -> b.bucket(bucket));
        }
    }

    public S3Client s3() {
        return s3;
    }

    public LocalS3 server() {
        return server;
    }

    public void upload(String key, byte[] content, String contentType) {
        s3.putObject(b -> b.bucket(UPLOAD_BUCKET).key(key).contentType(contentType), RequestBody.fromBytes(content));
    }

    /** What one upload led to; the manifest is empty when nothing was written (ignored, gone). */
    public record Delivery(String key, String eTag, String handlerResult, String outputPrefix, Optional<Manifest> manifest) {}

    /**
     * Sends the ObjectCreated:Put notification S3 would send for this object (one record, as S3 does) to the
     * handler and waits for it to finish. Exceptions of the handler (what Lambda would retry) propagate.
     */
    public Delivery deliver(String key) {
        return deliver(key, null);
    }

    /**
     * As {@link #deliver(String)}, with the event time given rather than the object's LastModified: the event
     * time is the receipt time the processor and the manifest record, so a demo that must give the same bytes on
     * every run fixes it.
     */
    public Delivery deliver(String key, Instant eventTime) {
        HeadObjectResponse head = s3.headObject(b -> b.bucket(UPLOAD_BUCKET).key(key));
        String eTag = head.eTag().replace("\"", "");
        Instant time = eventTime != null ? eventTime : head.lastModified() != null ? head.lastModified() : Instant.EPOCH;
        String json = S3NotificationJson.event(LocalS3.REGION.id(), List.of(new S3NotificationJson.ObjectCreated(
                UPLOAD_BUCKET, key, head.contentLength(), eTag, head.versionId(), time)));
        S3Event event = events.fromJson(json);
        UploadRef ref = new UploadRef(UPLOAD_BUCKET, key, head.versionId(), eTag, head.contentLength());
        if (ReviewerActs.handles(key)) {
            // A reviewer's act: the answer in antwoorden/ is what the reviewer reads, so it is the result.
            String result = reviewer.handleRequest(event, new LocalContext(key + "@" + eTag));
            String answerKey = ReviewerActs.answerKey(ref);
            String answer = readText(answerKey).orElse(result);
            return new Delivery(key, eTag, answer.strip(), answerKey, Optional.empty());
        }
        String result = handler.handleRequest(event, new LocalContext(key + "@" + eTag));
        String prefix = OutputLayout.prefix(ref);
        return new Delivery(key, eTag, result, prefix, readManifest(prefix));
    }

    private Optional<String> readText(String key) {
        try {
            return Optional.of(s3.getObjectAsBytes(b -> b.bucket(OUTPUT_BUCKET).key(key)).asUtf8String());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    private Optional<Manifest> readManifest(String prefix) {
        try {
            return Optional.of(Manifest.parse(
                    s3.getObjectAsBytes(b -> b.bucket(OUTPUT_BUCKET).key(prefix + OutputLayout.MANIFEST)).asByteArray()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    public List<S3Object> list(String bucket, String prefix) {
        return s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream().toList();
    }

    /**
     * Every object of the output bucket but the dossiers ({@code dossier/}) as a file under dir, at its key. The
     * dossiers stay in the embedded S3, where {@code ./kw serve}'s portal reads them (the upload folders hold their
     * concepts); the demo's own dossier section writes {@code <dir>/dossier/} with a folder store.
     */
    public int copyOutputsTo(Path dir) throws IOException {
        int count = 0;
        for (S3Object o : list(OUTPUT_BUCKET, "")) {
            if (o.key().startsWith(DOSSIER_PREFIX)) {
                continue;
            }
            Path target = dir.resolve(o.key()).normalize();
            if (!target.startsWith(dir.normalize())) {
                throw new IOException("output key leaves the folder: " + o.key());
            }
            Files.createDirectories(target.getParent());
            try (ResponseInputStream<GetObjectResponse> in = s3.getObject(b -> b.bucket(OUTPUT_BUCKET).key(o.key()))) {
                Files.copy((InputStream) in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            count++;
        }
        return count;
    }

    @Override
    public void close() throws Exception {
        s3.close();
        server.close();
    }
}
