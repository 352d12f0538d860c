package nl.kansrijkewijk.functions.portal.aws;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The portal functions' SDK clients, configured explicitly (region from AWS_REGION, optional endpoint override
 * {@value #ENV_S3_ENDPOINT} with path-style addressing for LocalStack or ./kw serve), as kw-function-aanvraag does.
 */
public final class AwsClients {
    public static final String ENV_S3_ENDPOINT = "KW_S3_ENDPOINT";

    private AwsClients() {}

    public static Region region(Map<String, String> env) {
        String region = env.get("AWS_REGION");
        if (region == null || region.isBlank()) {
            throw new IllegalStateException("AWS_REGION is not set");
        }
        return Region.of(region.strip());
    }

    public static URI endpoint(Map<String, String> env) {
        String e = env.get(ENV_S3_ENDPOINT);
        return e == null || e.isBlank() ? null : URI.create(e.strip());
    }

    public static S3Client s3(Region region, AwsCredentialsProvider credentials, URI endpoint) {
        var builder = S3Client.builder().region(region).credentialsProvider(credentials)
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(8)
                        .connectionTimeout(Duration.ofSeconds(5)).socketTimeout(Duration.ofSeconds(20)))
                .overrideConfiguration(c -> c.apiCallTimeout(Duration.ofSeconds(20)));
        if (endpoint != null) {
            builder.endpointOverride(endpoint).forcePathStyle(true);
        }
        return builder.build();
    }

    public static S3Presigner presigner(Region region, AwsCredentialsProvider credentials, URI endpoint) {
        var builder = S3Presigner.builder().region(region).credentialsProvider(credentials);
        if (endpoint != null) {
            builder.endpointOverride(endpoint)
                    .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build());
        }
        return builder.build();
    }

    public static SnsClient sns(Region region) {
        return SnsClient.builder().region(region).credentialsProvider(DefaultCredentialsProvider.builder().build())
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(2)).build();
    }

    public static AwsCredentialsProvider lambdaCredentials() {
        return DefaultCredentialsProvider.builder().build();
    }
}
