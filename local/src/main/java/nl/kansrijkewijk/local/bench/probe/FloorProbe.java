package nl.kansrijkewijk.local.bench.probe;

import java.nio.file.Files;
import java.nio.file.Path;
import nl.kansrijkewijk.pipeline.PipelineConfig;
import nl.kansrijkewijk.pipeline.s3.S3Clients;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The floor: the least a Lambda function that writes to S3 does in a fresh JVM — build the S3 client exactly as
 * the function does (S3Clients, from the same environment) and put one object (the same bytes as the upload).
 * Usage: FloorProbe KEY FILE
 */
public final class FloorProbe {
    private FloorProbe() {}

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        byte[] body = Files.readAllBytes(Path.of(args[1]));
        String bucket = System.getenv(PipelineConfig.ENV_OUTPUT_BUCKET);
        try (S3Client s3 = S3Clients.fromEnvironment(System.getenv())) {
            long t1 = System.nanoTime();
            ProbeOutput.print("init_ms", ProbeOutput.ms(t0, t1));
            s3.putObject(b -> b.bucket(bucket).key(args[0]).contentType("application/octet-stream"),
                    RequestBody.fromBytes(body));
            ProbeOutput.print("first_invoke_ms", ProbeOutput.ms(t1, System.nanoTime()));
        }
        ProbeOutput.print("peak_rss_kb", ProbeOutput.peakRssKb());
    }
}
