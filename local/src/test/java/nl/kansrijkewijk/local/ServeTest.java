package nl.kansrijkewijk.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import nl.kansrijkewijk.pipeline.s3.S3Clients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

class ServeTest {
    @TempDir
    Path root;

    @Test
    void thePollerDeliversEachNewUploadOnceAndAgainWhenItChanges() throws Exception {
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        try (LocalPipeline pipeline = LocalPipeline.start("127.0.0.1", 0, root.resolve("data"), Processors.standard())) {
            InboxPoller poller = new InboxPoller(pipeline, new PrintStream(lines, true, StandardCharsets.UTF_8));
            pipeline.upload("inbox/GM0363/a.pdf", "%PDF-1.4 a".getBytes(StandardCharsets.UTF_8), "application/pdf");
            pipeline.upload("inbox/GM0363/notitie.docx", "PK\u0003\u0004".getBytes(StandardCharsets.ISO_8859_1), "application/octet-stream");
            pipeline.upload("elders/GM0363/b.pdf", "%PDF-1.4 b".getBytes(StandardCharsets.UTF_8), "application/pdf");

            assertEquals(2, poller.pollOnce(), "every file under inbox/ is an upload, whatever its suffix");
            assertEquals(0, poller.pollOnce(), "nothing new, nothing delivered");
            pipeline.upload("inbox/GM0363/a.pdf", "%PDF-1.4 a, verbeterd".getBytes(StandardCharsets.UTF_8), "application/pdf");
            assertEquals(1, poller.pollOnce(), "a new upload under the same name is a new event");

            List<String> manifests = pipeline.list(LocalPipeline.OUTPUT_BUCKET, "").stream().map(S3Object::key)
                    .filter(k -> k.endsWith("/manifest.json")).toList();
            assertEquals(3, manifests.size(), manifests.toString());
            assertEquals(2, manifests.stream().filter(k -> k.startsWith("GM0363/a.pdf/")).count(), manifests.toString());
            assertEquals(1, manifests.stream().filter(k -> k.startsWith("GM0363/notitie.docx/")).count());
        }
        String printed = lines.toString(StandardCharsets.UTF_8);
        assertEquals(2, printed.lines().filter(l -> l.startsWith("verwerkt  inbox/GM0363/a.pdf")).count(), printed);
        // not the form (a zip without a workbook): answered with an error report, not ignored
        assertEquals(1, printed.lines().filter(l -> l.startsWith("verwerkt  inbox/GM0363/notitie.docx  ->  onleesbaar"))
                .count(), printed);
    }

    @Test
    void serveRunsAsAProcessProcessesUploadsAndStopsCleanlyOnInterrupt() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"),
                "nl.kansrijkewijk.local.Kw", "--root", root.toString(), "serve", "--port", String.valueOf(port))
                .redirectErrorStream(true)
                .start();
        BlockingQueue<String> output = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    output.add(line);
                }
            } catch (Exception e) {
                output.add("reader: " + e);
            }
        });
        reader.start();
        List<String> seen = new ArrayList<>();
        try {
            awaitLine(output, seen, "Stoppen met Ctrl-C.");
            try (S3Client s3 = S3Clients.create(LocalS3.REGION, StaticCredentialsProvider.create(
                    AwsBasicCredentials.create("test", "test")), URI.create("http://127.0.0.1:" + port))) {
                s3.putObject(b -> b.bucket("kw-uploads").key("inbox/GM0202/arnhem.pdf"), RequestBody.fromString("%PDF-1.4 arnhem"));
                String processed = awaitLine(output, seen, "verwerkt  inbox/GM0202/arnhem.pdf");
                assertTrue(processed.contains("s3://kw-outputs/GM0202/arnhem.pdf/"), processed);
                assertTrue(s3.listObjectsV2(b -> b.bucket("kw-outputs")).contents().stream()
                        .anyMatch(o -> o.key().endsWith("/manifest.json")));
            }
        } finally {
            // What Ctrl-C sends. (Process.destroy would also close our end of its output.)
            new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).start().waitFor();
        }
        boolean stopped = process.waitFor(30, TimeUnit.SECONDS);
        if (!stopped) {
            process.destroyForcibly();
        }
        assertTrue(stopped, "serve stops on Ctrl-C");
        reader.join(5000);
        output.drainTo(seen);
        assertTrue(seen.contains("Gestopt."), seen.toString());
        try (ServerSocket again = new ServerSocket(port)) {
            assertEquals(port, again.getLocalPort(), "the port is free again");
        }
    }

    private static String awaitLine(BlockingQueue<String> output, List<String> seen, String start) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            String line = output.poll(100, TimeUnit.MILLISECONDS);
            if (line != null) {
                seen.add(line);
                if (line.startsWith(start)) {
                    return line;
                }
            }
        }
        throw new AssertionError("no line starting with \"" + start + "\" in " + seen);
    }
}
