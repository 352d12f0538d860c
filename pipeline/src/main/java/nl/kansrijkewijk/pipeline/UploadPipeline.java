package nl.kansrijkewijk.pipeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import nl.kansrijkewijk.hash.Sha256;
import nl.kansrijkewijk.limits.Deadline;
import nl.kansrijkewijk.processing.DocumentProcessor;
import nl.kansrijkewijk.processing.ErrorOutputs;
import nl.kansrijkewijk.processing.Json;
import nl.kansrijkewijk.processing.ProcessingResult;
import nl.kansrijkewijk.processing.Receipt;
import nl.kansrijkewijk.provenance.Provenance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One upload in, its outputs out. Safe to repeat: S3 delivers events at least once and Lambda retries,
 * so every step is idempotent. Output keys derive from the upload's identity; each object is written with
 * If-None-Match: * and an existing one is checked, not overwritten; the manifest goes last, and its
 * presence short-cuts a repeated event. The upload itself is only ever read.
 *
 * <p>Hopeless inputs (unreadable, too large, gone) end normally so Lambda does not retry them; storage
 * faults and faults of the processor propagate so that Lambda's bounded retry and the on-failure queue apply.
 *
 * <p>An upload that kills its attempt (the heap exhausted, the function timed out) cannot be answered by that
 * attempt. Each attempt therefore first leaves a marker; when {@link PipelineConfig#attemptsBeforeReport()}
 * markers are already there without a manifest, the upload is answered with a "te complex" error report instead
 * of being processed again. Errors are not caught here: the JVM must go so that Lambda starts a fresh container.
 */
public final class UploadPipeline {
    private static final Logger LOG = LoggerFactory.getLogger(UploadPipeline.class);
    static final String SHA256_METADATA = "sha256";

    private final ObjectStore store;
    private final DocumentProcessor processor;
    private final PipelineConfig config;
    private final CaseRecorder recorder;

    public UploadPipeline(ObjectStore store, DocumentProcessor processor, PipelineConfig config) {
        this(store, processor, config, CaseRecorder.NONE);
    }

    /** @param recorder told of every upload that was read and accepted (status verwerkt), before its manifest */
    public UploadPipeline(ObjectStore store, DocumentProcessor processor, PipelineConfig config, CaseRecorder recorder) {
        this.store = store;
        this.processor = processor;
        this.config = config;
        this.recorder = recorder;
    }

    public UploadOutcome process(UploadRef upload) {
        return process(upload, Deadline.none());
    }

    /** @param deadline by when the upload must be answered (the processor gives up reading before it) */
    public UploadOutcome process(UploadRef upload, Deadline deadline) {
        if (!config.uploadBucket().equals(upload.bucket())) {
            return ignored(upload, "not the upload bucket " + config.uploadBucket());
        }
        if (!TriggerFilter.matches(upload.key())) {
            return ignored(upload, "key outside " + TriggerFilter.INBOX_PREFIX);
        }
        if (upload.pinnedVersionId() == null && (upload.eTag() == null || upload.eTag().isBlank())) {
            Optional<ObjectStore.ObjectInfo> info = store.head(upload.bucket(), upload.key());
            if (info.isEmpty()) {
                return new UploadOutcome(UploadOutcome.Kind.GONE, upload, null, null, "object no longer exists");
            }
            upload = upload.withETag(info.get().eTag(), info.get().size());
        }

        String prefix = OutputLayout.prefix(upload);
        if (store.head(config.outputBucket(), prefix + OutputLayout.MANIFEST).isPresent()) {
            return new UploadOutcome(UploadOutcome.Kind.ALREADY_DONE, upload, prefix, null, "manifest exists");
        }

        if (upload.size() > config.maxUploadBytes()) {
            return tooLarge(upload, prefix, upload.size());
        }
        ObjectStore.Fetched fetched = store.read(
                upload.bucket(), upload.key(), upload.pinnedVersionId(), upload.eTag(), config.maxUploadBytes());
        return switch (fetched) {
            case ObjectStore.Fetched.TooLarge t -> tooLarge(upload, prefix, t.size());
            case ObjectStore.Fetched.Missing m ->
                    new UploadOutcome(UploadOutcome.Kind.GONE, upload, null, null, "object or version no longer exists");
            case ObjectStore.Fetched.Replaced r ->
                    new UploadOutcome(UploadOutcome.Kind.GONE, upload, null, null, "key now holds a newer upload");
            case ObjectStore.Fetched.Content c -> processContent(upload, prefix, c, deadline);
        };
    }

    private UploadOutcome processContent(UploadRef upload, String prefix, ObjectStore.Fetched.Content content,
            Deadline deadline) {
        byte[] bytes = content.bytes();
        int attempt = markAttempt(upload, prefix);
        if (attempt > config.attemptsBeforeReport()) {
            return tooComplex(upload, prefix, content, attempt - 1);
        }
        if (!TriggerFilter.hasFormSuffix(upload.key())) {
            LOG.info("{} has no .pdf or .xlsx suffix; read by its content", upload.describe());
        }
        Manifest.Source source = new Manifest.Source(upload.bucket(), upload.key(), upload.pinnedVersionId(),
                upload.eTag() != null ? upload.eTag() : content.eTag(), bytes.length, Sha256.hex(bytes));
        Optional<String> gemeente = GemeenteFolder.of(upload.key());
        Instant receivedAt = upload.eventTime() != null ? upload.eventTime() : content.lastModified();
        if (gemeente.isEmpty()) {
            Manifest manifest = writeAll(prefix, new Written(source, received(null, receivedAt, upload), "geweigerd",
                    null, null, "map onbekend", 0, 0, null,
                    ErrorReport.notInGemeenteFolder(upload.fileName(), GemeenteFolder.folderName(upload.key()))));
            return new UploadOutcome(UploadOutcome.Kind.REPORTED, upload, prefix, manifest, "not in a gemeente folder");
        }
        Receipt receipt = new Receipt(upload.fileName(), gemeente.get(), receivedAt,
                upload.pinnedVersionId() != null ? upload.pinnedVersionId() : source.eTag(), upload.uploader());
        ProcessingResult result = processor.process(receipt, bytes, deadline);
        UploadOutcome.Kind kind = result.status() == ProcessingResult.Status.VERWERKT
                ? UploadOutcome.Kind.PROCESSED : UploadOutcome.Kind.REPORTED;
        // Only what was read in the right folder (the processor refuses another gemeente's form) becomes part of the
        // case; recorded before the manifest so that a storage fault here is retried rather than short-cut.
        Optional<String> refused = kind == UploadOutcome.Kind.PROCESSED ? recorder.record(receipt, bytes) : Optional.empty();
        if (refused.isPresent()) {
            // The dossier did not accept it: the gemeente gets the dossier's Dutch answer instead of the outputs.
            Manifest manifest = writeAll(prefix, new Written(source, received(gemeente.get(), receivedAt, upload),
                    "geweigerd", result.kind() == null ? null : result.kind().name(), result.gemeente(),
                    "niet opgenomen in het dossier", 0, 0, result.provenance(),
                    ErrorOutputs.refused(upload.fileName(), source.sha256(), "dossier", refused.get())));
            return new UploadOutcome(UploadOutcome.Kind.REPORTED, upload, prefix, manifest, "dossier: " + refused.get());
        }
        Manifest manifest = writeAll(prefix, new Written(source, received(gemeente.get(), receivedAt, upload),
                status(result.status()), result.kind() == null ? null : result.kind().name(), result.gemeente(),
                result.outcome(), result.afwijzingen(), result.waarschuwingen(), result.provenance(), result.outputs()));
        return new UploadOutcome(kind, upload, prefix, manifest, result.outcome());
    }

    private static Manifest.Received received(String gemeenteCode, Instant receivedAt, UploadRef upload) {
        return new Manifest.Received(gemeenteCode, receivedAt == null ? null : receivedAt.toString(), upload.uploader());
    }

    /**
     * Leaves the marker of this attempt: the first free one of poging-1.json, -2, … under
     * {@link OutputLayout#ATTEMPTS_FOLDER}.
     *
     * @return this attempt's number; above {@link PipelineConfig#attemptsBeforeReport()} when that many attempts
     *         started before without finishing
     */
    private int markAttempt(UploadRef upload, String prefix) {
        for (int n = 1; n <= config.attemptsBeforeReport(); n++) {
            Map<String, Object> marker = new java.util.LinkedHashMap<>();
            marker.put("upload", upload.key());
            marker.put("versie", OutputLayout.token(upload));
            marker.put("poging", n);
            if (store.putIfAbsent(config.outputBucket(), OutputLayout.attemptMarker(prefix, n), Json.bytes(marker),
                    OutputLayout.contentType(".json"), Map.of())) {
                return n;
            }
        }
        return config.attemptsBeforeReport() + 1;
    }

    private UploadOutcome tooComplex(UploadRef upload, String prefix, ObjectStore.Fetched.Content content, int died) {
        byte[] bytes = content.bytes();
        LOG.warn("{}: {} earlier attempt(s) ended without an answer (out of memory or time); reporting, not processing",
                upload.describe(), died);
        Manifest.Source source = new Manifest.Source(upload.bucket(), upload.key(), upload.pinnedVersionId(),
                upload.eTag() != null ? upload.eTag() : content.eTag(), bytes.length, Sha256.hex(bytes));
        Manifest manifest = writeAll(prefix, new Written(source,
                received(GemeenteFolder.of(upload.key()).orElse(null), upload.eventTime(), upload),
                status(ProcessingResult.Status.ONLEESBAAR), null, null, "te complex", 0, 0, null,
                ErrorReport.tooComplex(upload.fileName(), Sha256.hex(bytes))));
        return new UploadOutcome(UploadOutcome.Kind.REPORTED, upload, prefix, manifest,
                "too complex: " + died + " attempt(s) died while processing");
    }

    private UploadOutcome tooLarge(UploadRef upload, String prefix, long size) {
        Manifest.Source source = new Manifest.Source(upload.bucket(), upload.key(), upload.pinnedVersionId(),
                upload.eTag(), size, null);
        Manifest manifest = writeAll(prefix, new Written(source,
                received(GemeenteFolder.of(upload.key()).orElse(null), upload.eventTime(), upload),
                status(ProcessingResult.Status.ONLEESBAAR), null, null, "te groot", 0, 0, null,
                ErrorReport.tooLarge(upload.fileName(), size, config.maxUploadBytes())));
        return new UploadOutcome(UploadOutcome.Kind.REPORTED, upload, prefix, manifest,
                "too large: " + size + " > " + config.maxUploadBytes() + " bytes, not downloaded");
    }

    /** What goes into the manifest besides the list of outputs. */
    private record Written(Manifest.Source source, Manifest.Received received, String status, String kind,
            String gemeente, String outcome, long afwijzingen, long waarschuwingen, Provenance provenance,
            SortedMap<String, byte[]> outputs) {}

    private Manifest writeAll(String prefix, Written w) {
        List<Manifest.Output> listed = new ArrayList<>();
        for (Map.Entry<String, byte[]> output : w.outputs().entrySet()) {
            String name = output.getKey();
            if (!OutputLayout.isValidOutputName(name)) {
                throw new IllegalStateException("processor produced an output with an unusable name: " + name);
            }
            String key = prefix + name;
            String contentType = OutputLayout.contentType(name);
            Stored stored = writeOnce(key, output.getValue(), contentType);
            listed.add(new Manifest.Output(name, key, contentType, stored.size(), stored.sha256()));
        }
        Manifest manifest = new Manifest(w.source(), w.status(), w.gemeente(), w.outcome(), w.afwijzingen(),
                w.waarschuwingen(), List.copyOf(listed), w.received(), w.kind(), w.provenance());
        writeOnce(prefix + OutputLayout.MANIFEST, manifest.toJson(), OutputLayout.contentType(OutputLayout.MANIFEST));
        return manifest;
    }

    private record Stored(long size, String sha256) {}

    /** @return size and SHA-256 of what the key now holds */
    private Stored writeOnce(String key, byte[] content, String contentType) {
        String sha256 = Sha256.hex(content);
        if (store.putIfAbsent(config.outputBucket(), key, content, contentType, Map.of(SHA256_METADATA, sha256))) {
            return new Stored(content.length, sha256);
        }
        // An earlier attempt of this same event got this far. Same input, same bytes: normally identical.
        ObjectStore.ObjectInfo existing = store.head(config.outputBucket(), key)
                .orElseThrow(() -> new IllegalStateException("conditional write refused but no object at " + key));
        String existingSha = existing.metadata().get(SHA256_METADATA);
        if (!sha256.equals(existingSha)) {
            // First write wins: someone may already have read it. Logged loudly; the manifest tells the truth.
            LOG.warn("output s3://{}/{} already exists with different content (sha256 {} vs {}); kept the existing object",
                    config.outputBucket(), key, existingSha, sha256);
            return new Stored(existing.size(), existingSha);
        }
        return new Stored(content.length, sha256);
    }

    private static String status(ProcessingResult.Status status) {
        return switch (status) {
            case VERWERKT -> "verwerkt";
            case ONLEESBAAR -> "onleesbaar";
            case GEWEIGERD -> "geweigerd";
        };
    }

    private static UploadOutcome ignored(UploadRef upload, String why) {
        return new UploadOutcome(UploadOutcome.Kind.IGNORED, upload, null, null, why);
    }
}
