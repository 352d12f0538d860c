package nl.kansrijkewijk.testkit.s3;

import java.net.URI;
import java.util.List;
import org.gaul.s3proxy.CrossOriginResourceSharing;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * s3proxy in this JVM on a free port, in memory, with versioning, signed requests required (presigned URLs too),
 * optionally with open CORS. For tests of every module that talks S3; never in a deployment jar.
 */
public final class EmbeddedS3 implements AutoCloseable {
    public static final String ACCESS_KEY = "test";
    public static final String SECRET_KEY = "test";

    /** How the code under test builds its S3 client (e.g. {@code S3Clients::create}), so tests use the same one. */
    @FunctionalInterface
    public interface ClientFactory {
        S3Client create(Region region, AwsCredentialsProvider credentials, URI endpoint);
    }

    /** How the code under test builds its presigner, so tests sign URLs exactly as the function does. */
    @FunctionalInterface
    public interface PresignerFactory {
        S3Presigner create(Region region, AwsCredentialsProvider credentials, URI endpoint);
    }

    private final S3Proxy proxy;
    private final URI endpoint;

    public EmbeddedS3() throws Exception {
        this(false);
    }

    /**
     * With CORS open to any origin for GET, PUT and HEAD (exposing ETag), as {@code ./kw serve} has it, for tests
     * where a browser page talks to S3 through presigned URLs.
     */
    public static EmbeddedS3 withOpenCors() throws Exception {
        return new EmbeddedS3(true);
    }

    private EmbeddedS3(boolean openCors) throws Exception {
        S3Proxy.Builder builder = S3Proxy.builder()
                .blobStore(new TransientNio2BlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY);
        if (openCors) {
            builder.corsRules(new CrossOriginResourceSharing(List.of("*"), List.of("GET", "PUT", "HEAD"),
                    List.of("*"), List.of("ETag"), "false"));
        }
        proxy = builder.build();
        proxy.start();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!"STARTED".equals(proxy.getState())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("s3proxy did not start: " + proxy.getState());
            }
            Thread.sleep(10);
        }
        endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    public URI endpoint() {
        return endpoint;
    }

    public static AwsCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));
    }

    /** A client built by the given factory (the production one), pointed here. */
    public S3Client client(ClientFactory factory) {
        return factory.create(Region.EU_WEST_1, credentials(), endpoint);
    }

    /** A presigner built by the given factory (the production one), pointed here. */
    public S3Presigner presigner(PresignerFactory factory) {
        return factory.create(Region.EU_WEST_1, credentials(), endpoint);
    }

    public void createVersionedBucket(S3Client s3, String bucket) {
        s3.createBucket(b -> b.bucket(bucket));
        s3.putBucketVersioning(b -> b.bucket(bucket).versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
    }

    public void stop() throws Exception {
        proxy.stop();
    }

    @Override
    public void close() throws Exception {
        if (!"STOPPED".equals(proxy.getState())) {
            proxy.stop();
        }
    }
}
