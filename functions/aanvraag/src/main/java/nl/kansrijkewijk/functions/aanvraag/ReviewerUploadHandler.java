package nl.kansrijkewijk.functions.aanvraag;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import nl.kansrijkewijk.dossier.DossierService;
import nl.kansrijkewijk.pipeline.PipelineConfig;
import nl.kansrijkewijk.pipeline.ReviewerActs;
import nl.kansrijkewijk.pipeline.UploadRef;
import nl.kansrijkewijk.pipeline.status.DossierStatusSource;
import nl.kansrijkewijk.pipeline.werkvoorraad.Werkvoorraad;
import nl.kansrijkewijk.pipeline.werkvoorraad.WerkvoorraadPublisher;
import nl.kansrijkewijk.pipeline.s3.S3BucketStore;
import nl.kansrijkewijk.pipeline.s3.S3Clients;
import nl.kansrijkewijk.pipeline.s3.S3DossierStore;
import nl.kansrijkewijk.pipeline.s3.S3EventRecords;
import nl.kansrijkewijk.pipeline.s3.S3ObjectStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Lambda entry point for a reviewer's uploads to {@code beoordelingen/} and {@code vaststellingen/} of the upload
 * bucket: each is recorded in the gemeente's dossier and answered in the output bucket ({@link ReviewerActs}).
 * After each recorded act the reviewers' werkvoorraad ({@code werkvoorraad/} of the output bucket) is regenerated, so
 * it shows the new stage without waiting for the next processed upload. A fault that may heal is rethrown after the
 * other records, for Lambda's bounded retry.
 */
public final class ReviewerUploadHandler implements RequestHandler<S3Event, String> {
    private static final Logger LOG = LoggerFactory.getLogger(ReviewerUploadHandler.class);

    private final ReviewerActs acts;

    public ReviewerUploadHandler() {
        this(S3Clients.fromEnvironment(System.getenv()), PipelineConfig.fromEnvironment(System.getenv()));
    }

    /** After every recorded act the reviewers' werkvoorraad is regenerated where they read it (output bucket). */
    public ReviewerUploadHandler(S3Client s3, PipelineConfig config) {
        S3BucketStore buckets = new S3BucketStore(s3);
        WerkvoorraadPublisher werkvoorraad = new WerkvoorraadPublisher(
                DossierStatusSource.over(buckets, config.uploadBucket(), config.outputBucket()), buckets, config.outputBucket());
        this.acts = new ReviewerActs(new S3ObjectStore(s3),
                new DossierService(new S3DossierStore(s3, config.outputBucket())), config, () -> {
                    Werkvoorraad w = werkvoorraad.regenerate();
                    LOG.info("werkvoorraad regenerated: {} row(s)", w.rows().size());
                });
    }

    @Override
    public String handleRequest(S3Event event, Context context) {
        List<String> done = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        RuntimeException failure = null;
        for (UploadRef upload : S3EventRecords.uploads(event)) {
            try {
                ReviewerActs.Outcome o = acts.process(upload);
                done.add(o.kind().name().toLowerCase(java.util.Locale.ROOT));
            } catch (RuntimeException e) {
                LOG.error("failed {}: {}", upload.describe(), e.toString(), e);
                failed.add(upload.describe());
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw new AanvraagUploadHandler.UploadFailedException(String.join(", ", failed), failure);
        }
        return done.stream().collect(Collectors.joining(" ", done.size() + " record(s): ", ""));
    }
}
