package nl.kansrijkewijk.functions.aanvraag;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import nl.kansrijkewijk.pipeline.OutputLayout;
import nl.kansrijkewijk.pipeline.s3.S3Clients;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;
import nl.kansrijkewijk.testkit.s3.S3Events;
import nl.kansrijkewijk.testkit.ContentDerivedProcessor;
import nl.kansrijkewijk.pipeline.PipelineConfig;

/**
 * The handler against LocalStack's S3 (real AWS-compatible versioning, conditional writes and errors).
 * Needs a Docker engine; without one the class is skipped, not failed. The processor is the test double
 * {@link ContentDerivedProcessor}: this is about S3 behaviour.
 */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackPipelineTest {
    // Pinned: "latest" needs an auth token since March 2026.
    @Container
    private static final LocalStackContainer LOCALSTACK =
            new LocalStackContainer(DockerImageName.parse("localstack/localstack:4.4")).withServices(LocalStackContainer.Service.S3);

    @Test
    void anUploadIsProcessedOnceAndTheOriginalStaysAsItWas() throws Exception {
        try (S3Client s3 = S3Clients.create(Region.of(LOCALSTACK.getRegion()),
                StaticCredentialsProvider.create(AwsBasicCredentials.create(LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey())),
                LOCALSTACK.getEndpoint())) {
            for (String bucket : List.of("kw-uploads", "kw-outputs")) {
                s3.createBucket(b -> b.bucket(bucket));
                s3.putBucketVersioning(b -> b.bucket(bucket).versioningConfiguration(v -> v.status("Enabled")));
            }
            byte[] content = "%PDF-1.7 localstack".getBytes(StandardCharsets.UTF_8);
            s3.putObject(b -> b.bucket("kw-uploads").key("inbox/GM0363/aanvraag kw.pdf"), RequestBody.fromBytes(content));
            HeadObjectResponse before = s3.headObject(b -> b.bucket("kw-uploads").key("inbox/GM0363/aanvraag kw.pdf"));
            AanvraagUploadHandler handler = AanvraagUploadHandler.withoutDossier(s3, new ContentDerivedProcessor(),
                    new PipelineConfig("kw-uploads", "kw-outputs", 1024 * 1024));

            var event = S3Events.created(s3, "kw-uploads", "inbox/GM0363/aanvraag kw.pdf");
            handler.handleRequest(event, null);
            // Drop the manifest so the repeat goes through the conditional writes (412) again.
            String prefix = "GM0363/aanvraag kw.pdf/" + before.versionId() + "/";
            s3.deleteObject(b -> b.bucket("kw-outputs").key(prefix + "manifest.json"));
            handler.handleRequest(event, null);

            List<String> keys = s3.listObjectsV2(b -> b.bucket("kw-outputs")).contents().stream().map(S3Object::key)
                    .filter(k -> !k.startsWith(OutputLayout.ATTEMPTS_FOLDER)).sorted().toList();
            assertEquals(List.of(prefix + "manifest.json", prefix + "naam.txt", prefix + "omgekeerd.bin", prefix + "sha256.txt"), keys);
            assertArrayEquals(ContentDerivedProcessor.reversed(content),
                    s3.getObjectAsBytes(b -> b.bucket("kw-outputs").key(prefix + "omgekeerd.bin")).asByteArray());
            HeadObjectResponse after = s3.headObject(b -> b.bucket("kw-uploads").key("inbox/GM0363/aanvraag kw.pdf"));
            assertEquals(before.versionId(), after.versionId());
            assertEquals(before.eTag(), after.eTag());
        }
    }
}
