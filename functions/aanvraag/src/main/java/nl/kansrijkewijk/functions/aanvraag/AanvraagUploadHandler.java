package nl.kansrijkewijk.functions.aanvraag;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import nl.kansrijkewijk.dossier.DossierProcessor;
import nl.kansrijkewijk.dossier.DossierService;
import nl.kansrijkewijk.pipeline.CaseRecorder;
import nl.kansrijkewijk.pipeline.DossierRecorder;
import nl.kansrijkewijk.pipeline.PipelineConfig;
import nl.kansrijkewijk.pipeline.UploadOutcome;
import nl.kansrijkewijk.pipeline.UploadPipeline;
import nl.kansrijkewijk.pipeline.UploadRef;
import nl.kansrijkewijk.pipeline.s3.S3Clients;
import nl.kansrijkewijk.pipeline.s3.S3DossierStore;
import nl.kansrijkewijk.pipeline.s3.S3EventRecords;
import nl.kansrijkewijk.pipeline.s3.S3ObjectStore;
import nl.kansrijkewijk.limits.Deadline;
import nl.kansrijkewijk.limits.Limits;
import nl.kansrijkewijk.processing.AanvraagProcessor;
import nl.kansrijkewijk.processing.DocumentProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Lambda entry point for uploads to {@code inbox/} of the upload bucket. Unpacks every record of the S3
 * event, hands each to {@link UploadPipeline}, logs one line per upload, and rethrows when any upload
 * failed for a reason that may heal, so that Lambda's bounded retry (then the on-failure queue) applies.
 * A retry repeats the whole event; the pipeline is idempotent, so records that already succeeded cost a
 * HEAD each.
 */
public final class AanvraagUploadHandler implements RequestHandler<S3Event, String> {
    private static final Logger LOG = LoggerFactory.getLogger(AanvraagUploadHandler.class);
    /**
     * Of the function's remaining time, kept back from processing for writing the error report (and the other
     * outputs) to S3: the S3 client gives up a call after 30 s, but a handful of small PUTs normally take well
     * under a second.
     */
    static final Duration REPORT_RESERVE = Duration.ofSeconds(10);

    private final UploadPipeline pipeline;
    /** Held here because CRaC holds its resources weakly; null outside Lambda. */
    @SuppressWarnings("unused")
    private SnapStartPriming priming;

    /**
     * For Lambda: one S3 client and one processor per execution environment, built at init; with SnapStart the
     * processor is primed before the snapshot.
     */
    public AanvraagUploadHandler() {
        this(DefaultProcessor.create());
    }

    private AanvraagUploadHandler(DocumentProcessor processor) {
        this(S3Clients.fromEnvironment(System.getenv()), processor, PipelineConfig.fromEnvironment(System.getenv()));
        this.priming = SnapStartPriming.register(processor);
    }

    /**
     * The deployed wiring: every accepted upload is also recorded in its gemeente's dossier. With the deployed
     * processor the dossier judges and renders an accepted aanvraag (once) and the upload's outputs are its concept
     * ({@link DossierProcessor}); any other processor is followed by a recorder that judges the case itself.
     */
    public AanvraagUploadHandler(S3Client s3, DocumentProcessor processor, PipelineConfig config) {
        this.pipeline = processor instanceof AanvraagProcessor aanvraag
                ? new UploadPipeline(new S3ObjectStore(s3), new DossierProcessor(aanvraag, dossier(s3, config.outputBucket())),
                        config, CaseRecorder.NONE)
                : new UploadPipeline(new S3ObjectStore(s3), processor, config, dossierIn(s3, config.outputBucket()));
    }

    /** The pipeline alone, no dossier: for tests of the S3 plumbing. */
    public static AanvraagUploadHandler withoutDossier(S3Client s3, DocumentProcessor processor, PipelineConfig config) {
        return new AanvraagUploadHandler(s3, processor, config, CaseRecorder.NONE);
    }

    /** @param recorder what else happens with an accepted upload; {@link CaseRecorder#NONE} for the plumbing alone */
    public AanvraagUploadHandler(S3Client s3, DocumentProcessor processor, PipelineConfig config, CaseRecorder recorder) {
        this.pipeline = new UploadPipeline(new S3ObjectStore(s3), processor, config, recorder);
    }

    /** The deployed recorder: the gemeente's dossier under {@code dossier/} of the output bucket. */
    public static CaseRecorder dossierIn(S3Client s3, String outputBucket) {
        return new DossierRecorder(dossier(s3, outputBucket));
    }

    private static DossierService dossier(S3Client s3, String outputBucket) {
        return new DossierService(new S3DossierStore(s3, outputBucket));
    }

    @Override
    public String handleRequest(S3Event event, Context context) {
        List<UploadRef> uploads = S3EventRecords.uploads(event);
        Map<UploadOutcome.Kind, Integer> counts = new EnumMap<>(UploadOutcome.Kind.class);
        List<UploadRef> failed = new ArrayList<>();
        RuntimeException failure = null;
        for (UploadRef upload : uploads) {
            try {
                UploadOutcome outcome = pipeline.process(upload, deadline(context));
                counts.merge(outcome.kind(), 1, Integer::sum);
                log(outcome);
            } catch (RuntimeException e) {
                // Carry on with the other records; the event as a whole is retried below.
                LOG.error("failed {}: {}", upload.describe(), e.toString(), e);
                failed.add(upload);
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw new UploadFailedException(failed.stream().map(UploadRef::describe).collect(Collectors.joining(", ")), failure);
        }
        return counts.entrySet().stream()
                .map(e -> e.getKey().name().toLowerCase(Locale.ROOT) + "=" + e.getValue())
                .collect(Collectors.joining(" ", uploads.size() + " record(s):" + (counts.isEmpty() ? "" : " "), ""));
    }

    /**
     * The time one upload may take: what Lambda has left less the reserve for writing the answer, and never more
     * than the configured processing time.
     */
    static Deadline deadline(Context context) {
        Deadline configured = Deadline.after(Limits.standard().maxProcessingTime());
        if (context == null || context.getRemainingTimeInMillis() <= 0) {
            return configured;
        }
        return configured.within(Duration.ofMillis(context.getRemainingTimeInMillis()).minus(REPORT_RESERVE));
    }

    private static void log(UploadOutcome o) {
        switch (o.kind()) {
            case PROCESSED, REPORTED -> LOG.info("{} {} -> {} ({}, {} afwijzingen, {} waarschuwingen, {} outputs in {})",
                    o.kind() == UploadOutcome.Kind.PROCESSED ? "processed" : "reported",
                    o.upload().describe(), o.manifest().status(), o.manifest().outcome(), o.manifest().afwijzingen(),
                    o.manifest().waarschuwingen(), o.manifest().outputs().size(), o.outputPrefix());
            case ALREADY_DONE -> LOG.info("already done {} ({})", o.upload().describe(), o.outputPrefix());
            case IGNORED -> LOG.warn("ignored {}: {}", o.upload().describe(), o.detail());
            case GONE -> LOG.warn("skipped {}: {}", o.upload().describe(), o.detail());
        }
    }

    /** Thrown to make Lambda retry the event; the cause is the first failure, the others are suppressed. */
    public static final class UploadFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UploadFailedException(String uploads, RuntimeException cause) {
            super("processing failed for " + uploads + ": " + cause, cause);
        }
    }
}
