package nl.kansrijkewijk.pipeline.s3;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Builds the one S3 client a Lambda instance keeps for its lifetime. Everything explicit, nothing probed:
 * the region comes from AWS_REGION (Lambda always sets it), which spares the SDK its region lookup chain
 * at cold start.
 *
 * <p>Apache HTTP client, not UrlConnection: with UrlConnection a PUT right after a 412 sometimes failed
 * its first attempt and the SDK's retry then reported a false 412 (observed with s3proxy; see stack notes).
 */
public final class S3Clients {
    /** Points the client at another S3 (LocalStack, ./kw's embedded server), with path-style addressing. */
    public static final String ENV_S3_ENDPOINT = "KW_S3_ENDPOINT";

    private S3Clients() {}

    public static S3Client fromEnvironment(Map<String, String> env) {
        String region = env.get("AWS_REGION");
        if (region == null || region.isBlank()) {
            throw new IllegalStateException("AWS_REGION is not set");
        }
        String endpoint = env.get(ENV_S3_ENDPOINT);
        // Lambda's own credentials: env vars normally, container credentials under SnapStart; the default
        // chain covers both and refreshes them.
        return create(Region.of(region.strip()), DefaultCredentialsProvider.builder().build(),
                endpoint == null || endpoint.isBlank() ? null : URI.create(endpoint.strip()));
    }

    /** @param endpoint null for AWS itself */
    public static S3Client create(Region region, AwsCredentialsProvider credentials, URI endpoint) {
        S3ClientBuilder builder = S3Client.builder()
                .region(region)
                .credentialsProvider(credentials)
                .httpClientBuilder(ApacheHttpClient.builder()
                        .maxConnections(16)
                        .connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(Duration.ofSeconds(30)))
                .overrideConfiguration(c -> c.apiCallTimeout(Duration.ofSeconds(30)));
        if (endpoint != null) {
            builder.endpointOverride(endpoint).forcePathStyle(true);
        }
        return builder.build();
    }
}
