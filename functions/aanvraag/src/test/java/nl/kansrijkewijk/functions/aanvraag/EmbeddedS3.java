package nl.kansrijkewijk.functions.aanvraag;

import java.net.URI;
import nl.kansrijkewijk.functions.aanvraag.adapters.aws.S3Clients;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;

/** s3proxy in this JVM on a free port, in memory, with versioning, signed requests required. */
final class EmbeddedS3 implements AutoCloseable {
    static final String ACCESS_KEY = "test";
    static final String SECRET_KEY = "test";

    private final S3Proxy proxy;
    private final URI endpoint;

    EmbeddedS3() throws Exception {
        proxy = S3Proxy.builder()
                .blobStore(new TransientNio2BlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
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

    /** A client built exactly as the Lambda builds its own, pointed here. */
    S3Client client() {
        return S3Clients.create(Region.EU_WEST_1,
                StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)), endpoint);
    }

    void createVersionedBucket(S3Client s3, String bucket) {
        s3.createBucket(b -> b.bucket(bucket));
        s3.putBucketVersioning(b -> b.bucket(bucket).versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
    }

    void stop() throws Exception {
        proxy.stop();
    }

    @Override
    public void close() throws Exception {
        if (!"STOPPED".equals(proxy.getState())) {
            proxy.stop();
        }
    }
}
