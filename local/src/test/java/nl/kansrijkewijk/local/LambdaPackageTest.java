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
import nl.kansrijkewijk.pipeline.OutputLayout;
import nl.kansrijkewijk.pipeline.UploadRef;
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

    /**
     * Every shape and an unreadable upload in one S3 event, through the jar alone: the jar is minimized
     * (maven-shade minimizeJar), so this is what proves that no class the read, check and render paths load by
     * name was dropped — PDF form, printed PDF (text extraction), XLSX (POI, XMLBeans schema types), the
     * beschikking (openhtmltopdf, fonts), bevindingen.xlsx, JSON and YAML (Jackson), S3 (SDK service files).
     */
    @Test
    void theHandlerRunsFromTheJarAloneWithItsConfigurationFromTheEnvironment() throws Exception {
        assumeTrue(Files.exists(JAR), "no deployment jar yet (built in the package phase)");
        Map<String, Path> uploads = new java.util.LinkedHashMap<>();
        Path generated = Path.of("..", "test-fixtures", "generated");
        uploads.put("inbox/GM0363/uit-de-jar.pdf", generated.resolve("amsterdam-correct.pdf"));
        uploads.put("inbox/GM0363/uit-de-jar-afgedrukt.pdf", generated.resolve("amsterdam-correct-afgedrukt.pdf"));
        uploads.put("inbox/GM0363/uit-de-jar.xlsx", generated.resolve("amsterdam-correct.xlsx"));
        uploads.put("inbox/GM0363/geen-pdf.pdf", Path.of("..", "test-fixtures", "onleesbaar", "arnhem-geen-pdf.pdf"));
        try (LocalPipeline pipeline = LocalPipeline.start("127.0.0.1", 0, null, Processors.standard())) {
            List<S3NotificationJson.ObjectCreated> records = new java.util.ArrayList<>();
            Map<String, String> eTags = new java.util.HashMap<>();
            for (Map.Entry<String, Path> u : uploads.entrySet()) {
                pipeline.upload(u.getKey(), Files.readAllBytes(u.getValue()),
                        u.getKey().endsWith(".xlsx") ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "application/pdf");
                HeadObjectResponse head = pipeline.s3().headObject(b -> b.bucket(LocalPipeline.UPLOAD_BUCKET).key(u.getKey()));
                String eTag = head.eTag().replace("\"", "");
                eTags.put(u.getKey(), eTag);
                records.add(new S3NotificationJson.ObjectCreated(LocalPipeline.UPLOAD_BUCKET, u.getKey(), head.contentLength(),
                        eTag, null, Instant.parse("2023-09-01T10:00:00Z")));
            }
            Path event = tmp.resolve("event.json");
            Files.writeString(event, S3NotificationJson.event("eu-west-1", records));

            String classpath = String.join(File.pathSeparator, JAR.toAbsolutePath().toString(),
                    location(LambdaEventSerializers.class), location(LambdaRuntimeSim.class));
            ProcessBuilder child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:+UseSerialGC", "-Xmx870m", "-cp", classpath, LambdaRuntimeSim.class.getName(),
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
            assertTrue(process.waitFor(120, TimeUnit.SECONDS));

            assertEquals(0, process.exitValue(), output);
            assertTrue(output.contains("RESULT 4 record(s): processed=3 reported=1"), output);
            assertFalse(output.contains("NoClassDefFoundError") || output.contains("ClassNotFoundException"), output);
            for (String key : uploads.keySet()) {
                String prefix = OutputLayout.prefix(new UploadRef(LocalPipeline.UPLOAD_BUCKET, key, null, eTags.get(key), -1));
                List<String> written = pipeline.list(LocalPipeline.OUTPUT_BUCKET, prefix).stream()
                        .map(o -> o.key().substring(prefix.length())).toList();
                assertTrue(written.contains("manifest.json"), key + ": " + written);
                if (key.contains("geen-pdf")) {
                    assertTrue(written.contains("fout.json"), key + ": " + written);
                } else {
                    assertTrue(written.containsAll(List.of("concept-verleningsbeschikking.pdf", "bevindingen.xlsx",
                            "bevindingen.json")), key + ": " + written);
                    String json = new String(pipeline.s3().getObjectAsBytes(b -> b.bucket(LocalPipeline.OUTPUT_BUCKET)
                            .key(prefix + "bevindingen.json")).asByteArray(), StandardCharsets.UTF_8);
                    assertTrue(json.contains("\"toekenning\""),
                            "the real core judged " + key + " inside the jar: " + json.substring(0, Math.min(400, json.length())));
                }
            }
        }
    }

    private static String location(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
