package nl.kansrijkewijk.functions.portal;

import java.net.URI;
import java.util.List;
import nl.kansrijkewijk.functions.portal.aws.AwsClients;
import org.gaul.s3proxy.CrossOriginResourceSharing;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** s3proxy in this JVM on a free port, in memory, checking every signature, CORS open as ./kw serve has it. */
final class EmbeddedS3 implements AutoCloseable {
    static final AwsCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));

    private final S3Proxy proxy;
    final URI endpoint;

    EmbeddedS3() throws Exception {
        proxy = S3Proxy.builder()
                .blobStore(new TransientNio2BlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "test", "test")
                .corsRules(new CrossOriginResourceSharing(List.of("*"), List.of("GET", "PUT", "HEAD"), List.of("*"),
                        List.of("ETag"), "false"))
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

    S3Client client() {
        return AwsClients.s3(Region.EU_WEST_1, CREDENTIALS, endpoint);
    }

    S3Presigner presigner() {
        return AwsClients.presigner(Region.EU_WEST_1, CREDENTIALS, endpoint);
    }

    @Override
    public void close() throws Exception {
        if (!"STOPPED".equals(proxy.getState())) {
            proxy.stop();
        }
    }
}
