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

    /**
     * What the deployed ReviewerFunction does, serve does too: the poller hands beoordelingen/ and vaststellingen/ to
     * the same handler class (ReviewerUploadHandler), so Dordrecht's concept is judged from the filled workbook and
     * fixed by a second reviewer's YAML, each act answered in antwoorden/.
     */
    @Test
    void thePollerTakesTheReviewersActsFromTheirPrefixes() throws Exception {
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        try (LocalPipeline pipeline = LocalPipeline.start("127.0.0.1", 0, root.resolve("data"), Processors.standard())) {
            InboxPoller poller = new InboxPoller(pipeline, new PrintStream(lines, true, StandardCharsets.UTF_8));
            pipeline.upload("inbox/GM0505/aanvraag.pdf", fixture("generated/dordrecht-jonge-kind-veerkracht.pdf"), "application/pdf");
            assertEquals(1, poller.pollOnce());
            nl.kansrijkewijk.dossier.DossierService dossier = new nl.kansrijkewijk.dossier.DossierService(
                    new nl.kansrijkewijk.pipeline.s3.S3DossierStore(pipeline.s3(), LocalPipeline.OUTPUT_BUCKET));
            nl.kansrijkewijk.dossier.DossierState.Zaak concept = dossier.state("GM0505").zaken().get(0);
            assertEquals("concept", concept.status());
            byte[] workbook = pipeline.s3().getObjectAsBytes(r -> r.bucket(LocalPipeline.OUTPUT_BUCKET).key(
                    nl.kansrijkewijk.dossier.EventKeys.view("GM0505", concept.kenmerk(), concept.versie()) + "bevindingen.xlsx"))
                    .asByteArray();

            pipeline.upload("beoordelingen/GM0505/bevindingen.xlsx", signed(workbook, "E. Smit", "16-10-2023"),
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            pipeline.upload("vaststellingen/GM0505/eigen.yaml", "door: {naam: \"e. smit\"}\ndatum: 20-10-2023\n"
                    .getBytes(StandardCharsets.UTF_8), "application/yaml");
            pipeline.upload("vaststellingen/GM0505/vaststelling.yaml",
                    "door: {naam: \"B. de Groot\", rol: vaststeller}\ndatum: 20-10-2023\n".getBytes(StandardCharsets.UTF_8),
                    "application/yaml");
            assertEquals(3, poller.pollOnce(), "the beoordeling first, then both vaststellingen");
            assertEquals(0, poller.pollOnce(), "each act once");
            assertEquals("vastgesteld", dossier.state("GM0505").zaken().get(0).status());
        }
        String printed = lines.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("beoordelaar  beoordelingen/GM0505/bevindingen.xlsx  ->  Beoordeling "), printed);
        assertTrue(printed.contains("beoordelaar  vaststellingen/GM0505/eigen.yaml  ->  Niet verwerkt: Vier ogen"), printed);
        assertTrue(printed.contains("beoordelaar  vaststellingen/GM0505/vaststelling.yaml  ->  Verlening KW-2023-GM0505-V "
                + "vastgesteld op 20 oktober 2023 door B. de Groot."), printed);
    }

    private static byte[] signed(byte[] workbook, String naam, String datum) throws Exception {
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(workbook))) {
            for (var r : wb.getSheet("Beoordeling")) {
                String label = new org.apache.poi.ss.usermodel.DataFormatter().formatCellValue(r.getCell(0));
                if (label.equals("Naam beoordelaar")) {
                    r.createCell(1).setCellValue(naam);
                } else if (label.startsWith("Datum")) {
                    r.createCell(1).setCellValue(datum);
                } else if (label.startsWith("Aanvullende motivering")) {
                    wb.getSheet("Beoordeling").getRow(r.getRowNum() + 1).createCell(0)
                            .setCellValue("De activiteiten sluiten aan op het uitvoeringsprogramma.");
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        }
    }

    private static byte[] fixture(String name) throws Exception {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (java.nio.file.Files.isDirectory(p.resolve("test-fixtures/generated"))) {
                return java.nio.file.Files.readAllBytes(p.resolve("test-fixtures").resolve(name));
            }
        }
        throw new IllegalStateException("test-fixtures not found");
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
