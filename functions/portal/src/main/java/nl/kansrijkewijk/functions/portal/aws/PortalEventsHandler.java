package nl.kansrijkewijk.functions.portal.aws;

import nl.kansrijkewijk.pipeline.s3.S3BucketStore;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import nl.kansrijkewijk.functions.portal.AfterProcessing;
import nl.kansrijkewijk.pipeline.status.DossierStatusSource;
import nl.kansrijkewijk.functions.portal.PortalConfig;
import nl.kansrijkewijk.pipeline.werkvoorraad.WerkvoorraadPublisher;
import software.amazon.awssdk.regions.Region;

/**
 * Triggered by a new {@code manifest.json} in the output bucket (the processing function writes it last): regenerates
 * the werkvoorraad and publishes the notification. It writes only the two werkvoorraad objects, never a manifest, so
 * it cannot trigger itself; S3 faults are rethrown for Lambda's bounded retries.
 */
public final class PortalEventsHandler implements RequestHandler<S3Event, String> {
    public static final String ENV_TOPIC_ARN = "KW_TOPIC_ARN";
    public static final String ENV_PORTAL_URL = "KW_PORTAL_URL";

    private final AfterProcessing after;

    public PortalEventsHandler() {
        this(fromEnvironment(System.getenv()));
    }

    public PortalEventsHandler(AfterProcessing after) {
        this.after = after;
    }

    private static AfterProcessing fromEnvironment(Map<String, String> env) {
        PortalConfig config = PortalConfig.fromEnvironment(env);
        Region region = AwsClients.region(env);
        S3BucketStore store = new S3BucketStore(AwsClients.s3(region, AwsClients.lambdaCredentials(), AwsClients.endpoint(env)));
        DossierStatusSource status = DossierStatusSource.over(store, config.uploadBucket(), config.outputBucket());
        return new AfterProcessing(status, new WerkvoorraadPublisher(status, store, config.outputBucket()),
                new SnsNotifier(AwsClients.sns(region), env.get(ENV_TOPIC_ARN)), env.getOrDefault(ENV_PORTAL_URL, ""));
    }

    @Override
    public String handleRequest(S3Event event, Context context) {
        int count = 0;
        for (S3EventNotification.S3EventNotificationRecord r : event.getRecords()) {
            String key = URLDecoder.decode(r.getS3().getObject().getKey(), StandardCharsets.UTF_8);
            if (after.onManifest(key).isPresent()) {
                count++;
            }
        }
        return count + " notification(s)";
    }
}
