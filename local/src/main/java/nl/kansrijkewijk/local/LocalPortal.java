package nl.kansrijkewijk.local;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import nl.kansrijkewijk.functions.portal.AfterProcessing;
import nl.kansrijkewijk.functions.portal.Notifier;
import nl.kansrijkewijk.pipeline.status.DossierStatusSource;
import nl.kansrijkewijk.functions.portal.PortalApi;
import nl.kansrijkewijk.functions.portal.PortalConfig;
import nl.kansrijkewijk.functions.portal.aws.AwsClients;
import nl.kansrijkewijk.pipeline.s3.S3BucketStore;
import nl.kansrijkewijk.functions.portal.aws.S3UrlSigner;
import nl.kansrijkewijk.pipeline.werkvoorraad.WerkvoorraadPublisher;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The portal wired to the local pipeline: presigned URLs point at the embedded S3 exactly as they point at S3
 * in AWS, and after each processed upload the werkvoorraad is regenerated and the notification printed (where
 * AWS publishes it to SNS).
 */
public final class LocalPortal implements AutoCloseable {
    private final PortalServer server;
    private final S3Presigner presigner;
    private final AfterProcessing after;

    private LocalPortal(PortalServer server, S3Presigner presigner, AfterProcessing after) {
        this.server = server;
        this.presigner = presigner;
        this.after = after;
    }

    public static LocalPortal start(LocalPipeline pipeline, String host, int port, PortalTokens tokens, PrintStream out)
            throws IOException {
        S3Presigner presigner = AwsClients.presigner(LocalS3.REGION,
                StaticCredentialsProvider.create(AwsBasicCredentials.create(LocalS3.ACCESS_KEY, LocalS3.SECRET_KEY)),
                pipeline.server().endpoint());
        S3BucketStore store = new S3BucketStore(pipeline.s3());
        PortalConfig config = new PortalConfig(LocalPipeline.UPLOAD_BUCKET, LocalPipeline.OUTPUT_BUCKET);
        DossierStatusSource status = DossierStatusSource.over(store, config.uploadBucket(), config.outputBucket());
        PortalApi api = new PortalApi(config, new S3UrlSigner(presigner), status, store, Clock.systemUTC());
        PortalServer server = PortalServer.start(host, port, api, tokens);
        Notifier console = e -> out.println("melding  " + e.gemeente() + " " + e.trackingId() + ": " + e.status()
                + (e.kenmerk() != null ? " (" + e.kenmerk() + ")" : "") + "  ->  " + e.links().get("portaal"));
        AfterProcessing after = new AfterProcessing(status, new WerkvoorraadPublisher(status, store, config.outputBucket()),
                console, server.url().toString());
        return new LocalPortal(server, presigner, after);
    }

    /** What the PortalEventsFunction does in AWS when the manifest appears. */
    public void onDelivered(LocalPipeline.Delivery d) {
        if (d.manifest().isPresent()) {
            after.onManifest(d.outputPrefix() + "manifest.json");
        }
    }

    public URI url() {
        return server.url();
    }

    @Override
    public void close() {
        server.close();
        presigner.close();
    }
}
