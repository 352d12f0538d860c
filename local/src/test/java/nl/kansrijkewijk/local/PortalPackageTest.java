package nl.kansrijkewijk.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The portal's deployment package alone in a bare JVM, as Lambda runs it: the API handler configured only by
 * environment variables answers an HTTP API (payload 2.0) event with the verified claims of a gemeente, reading
 * the status of a processed upload from S3. Skipped where the jar has not been built (package phase).
 */
class PortalPackageTest {
    private static final Path JAR = Path.of("../functions/portal/target/kw-function-portal-lambda.jar");

    @TempDir
    Path tmp;

    @Test
    void theJarHoldsBothHandlersThePagesAndTheRegelingData() throws IOException {
        assumeTrue(Files.exists(JAR), "no deployment jar yet (built in the package phase)");
        try (JarFile jar = new JarFile(JAR.toFile())) {
            for (String entry : new String[] {"nl/kansrijkewijk/functions/portal/aws/PortalApiHandler.class",
                    "nl/kansrijkewijk/functions/portal/aws/PortalEventsHandler.class", "static/index.html", "static/werkvoorraad.js",
                    "regeling/index.txt", "org/yaml/snakeyaml/Yaml.class", "software/amazon/awssdk/services/sns/SnsClient.class"}) {
                assertTrue(jar.getEntry(entry) != null, entry);
            }
            assertTrue(jar.stream().noneMatch(e -> e.getName().startsWith("org/gaul/") || e.getName().startsWith("org/openqa/")
                    || e.getName().startsWith("nl/kansrijkewijk/local/")), "no embedded S3, Selenium or ./kw in the Lambda");
        }
        assertTrue(Files.size(JAR) < 50L * 1024 * 1024, "fits Lambda's direct upload limit: " + Files.size(JAR));
    }

    @Test
    void theApiHandlerAnswersAGemeenteFromTheJarAlone() throws Exception {
        assumeTrue(Files.exists(JAR), "no deployment jar yet (built in the package phase)");
        try (LocalPipeline pipeline = LocalPipeline.start("127.0.0.1", 0, null, Processors.standard())) {
            String key = "inbox/GM0363/20230915-101500-abcdef-aanvraag.pdf";
            pipeline.upload(key, Files.readAllBytes(Path.of("..", "test-fixtures", "generated", "amsterdam-correct.pdf")),
                    "application/pdf");
            pipeline.deliver(key, java.time.Instant.parse("2023-09-15T08:15:00Z")); // received in the window of art. 10(1)
            Path event = tmp.resolve("event.json");
            Files.writeString(event, """
                    {"version":"2.0","routeKey":"ANY /api/{proxy+}","rawPath":"/api/uploads","rawQueryString":"",
                     "headers":{"authorization":"Bearer x"},
                     "requestContext":{"http":{"method":"GET","path":"/api/uploads"},
                       "authorizer":{"jwt":{"claims":{"sub":"u1","custom:gemeente":"GM0363"},"scopes":null}}},
                     "isBase64Encoded":false}""");
            String classpath = String.join(File.pathSeparator, JAR.toAbsolutePath().toString(),
                    location(LambdaEventSerializers.class), location(LambdaRuntimeSim.class));
            ProcessBuilder child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", classpath, LambdaRuntimeSim.class.getName(), "nl.kansrijkewijk.functions.portal.aws.PortalApiHandler",
                    event.toString()).redirectErrorStream(true);
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
            assertTrue(output.contains("statusCode=200"), output);
            assertTrue(output.contains("\"trackingId\" : \"20230915-101500-abcdef\""), output);
            assertTrue(output.contains("\"status\" : \"concept\""), output);
            assertTrue(output.contains("\"uitkomst\" : \"toekenning\""), "amsterdam-correct is granted in full: " + output);
        }
    }

    private static String location(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
