package nl.kansrijkewijk.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import nl.kansrijkewijk.testkit.s3.S3NotificationJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * The deployment package (the shaded jar template.yaml deploys) on its own: what it contains, and that the
 * handler starts from environment variables alone and processes an upload, in a JVM that sees nothing else.
 * The jar is made in the package phase of functions/aanvraag; a plain `mvn test` has none, and skips.
 */
class LambdaPackageTest {
    private static final Path JAR = Path.of("../functions/aanvraag/target/kw-function-aanvraag-lambda.jar");

    @TempDir
    Path tmp;

    @Test
    void theJarHoldsTheHandlerAndOneHttpClientAndNothingLocal() throws IOException {
        assumeTrue(Files.exists(JAR), "no deployment jar yet (built in the package phase)");
        try (JarFile jar = new JarFile(JAR.toFile())) {
            assertTrue(jar.getEntry("nl/kansrijkewijk/functions/aanvraag/AanvraagUploadHandler.class") != null);
            assertTrue(jar.getEntry("nl/kansrijkewijk/processing/DocumentProcessor.class") != null, "kw-shared inside");
            assertTrue(jar.getEntry("regeling/index.txt") != null, "regeling data inside");
            ZipEntry services = jar.getEntry("META-INF/services/software.amazon.awssdk.http.SdkHttpService");
            String httpClients = new String(jar.getInputStream(services).readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(httpClients.contains("software.amazon.awssdk.http.apache.ApacheSdkHttpService"), httpClients);
            assertFalse(httpClients.contains("UrlConnection") || httpClients.contains("apache5") || httpClients.contains("netty"),
                    httpClients);
            assertTrue(jar.getEntry("nl/kansrijkewijk/pipeline/UploadPipeline.class") != null, "kw-pipeline inside");
            assertTrue(jar.stream().noneMatch(e -> e.getName().startsWith("org/gaul/") || e.getName().startsWith("org/junit/")
                    || e.getName().startsWith("nl/kansrijkewijk/local/") || e.getName().startsWith("nl/kansrijkewijk/testkit/")),
                    "no embedded S3, tests, test kit or ./kw in the Lambda");
            for (String tooling : List.of("FormFiller", "FixtureGenerator", "XlsxQuirk")) {
                assertTrue(jar.getEntry("nl/kansrijkewijk/form/" + tooling + ".class") == null, tooling + " is test tooling");
            }
        }
        assertTrue(Files.size(JAR) < 50L * 1024 * 1024, "fits Lambda's direct upload limit: " + Files.size(JAR));
    }

    @Test
    void theHandlerRunsFromTheJarAloneWithItsConfigurationFromTheEnvironment() throws Exception {
        assumeTrue(Files.exists(JAR), "no deployment jar yet (built in the package phase)");
        try (LocalPipeline pipeline = LocalPipeline.start("127.0.0.1", 0, null, Processors.standard())) {
            pipeline.upload("inbox/GM0363/uit-de-jar.pdf", Files.readAllBytes(Path.of("..", "test-fixtures", "generated",
                    "amsterdam-correct.pdf")), "application/pdf");
            HeadObjectResponse head = pipeline.s3().headObject(b -> b.bucket(LocalPipeline.UPLOAD_BUCKET).key("inbox/GM0363/uit-de-jar.pdf"));
            String eTag = head.eTag().replace("\"", "");
            Path event = tmp.resolve("event.json");
            Files.writeString(event, S3NotificationJson.event("eu-west-1", List.of(new S3NotificationJson.ObjectCreated(
                    LocalPipeline.UPLOAD_BUCKET, "inbox/GM0363/uit-de-jar.pdf", head.contentLength(), eTag, null,
                    Instant.parse("2023-09-01T10:00:00Z")))));

            String classpath = String.join(File.pathSeparator, JAR.toAbsolutePath().toString(),
                    location(LambdaEventSerializers.class), location(LambdaRuntimeSim.class));
            ProcessBuilder child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", classpath, LambdaRuntimeSim.class.getName(),
                    "nl.kansrijkewijk.functions.aanvraag.AanvraagUploadHandler", event.toString())
                    .redirectErrorStream(true);
            Map<String, String> env = child.environment();
            env.clear();
            env.putAll(Map.of(
                    "AWS_REGION", "eu-west-1",
                    "AWS_ACCESS_KEY_ID", LocalS3.ACCESS_KEY,
                    "AWS_SECRET_ACCESS_KEY", LocalS3.SECRET_KEY,
                    "KW_S3_ENDPOINT", pipeline.server().endpoint().toString(),
                    "KW_UPLOAD_BUCKET", LocalPipeline.UPLOAD_BUCKET,
                    "KW_OUTPUT_BUCKET", LocalPipeline.OUTPUT_BUCKET,
                    "JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1"));
            Process process = child.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(60, TimeUnit.SECONDS));

            assertEquals(0, process.exitValue(), output);
            assertTrue(output.contains("RESULT 1 record(s): processed=1"), output);
            assertTrue(output.contains("toekenning"), "the real core judged the form inside the jar: " + output);
            assertTrue(pipeline.list(LocalPipeline.OUTPUT_BUCKET, "GM0363/uit-de-jar.pdf/" + eTag + "/").stream()
                    .anyMatch(o -> o.key().endsWith("/manifest.json")));
        }
    }

    private static String location(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
