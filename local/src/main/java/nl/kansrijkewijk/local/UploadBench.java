package nl.kansrijkewijk.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.kansrijkewijk.functions.aanvraag.DefaultProcessor;

/**
 * Time per accepted upload through the deployed handler on the embedded S3 (transient backend), with the dossier
 * recorded as in AWS and without it: every readable fixture of a gemeente folder, delivered once each, after a
 * warm-up round on a second server. Prints wall milliseconds per upload (median, mean). A measuring tool, not a test:
 * {@code java -cp "local/target/classes:local/target/lib/*" nl.kansrijkewijk.local.UploadBench [ROOT] [N]}.
 */
public final class UploadBench {
    private UploadBench() {}

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".");
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 12;
        List<Fixtures.Fixture> fixtures = new ArrayList<>();
        for (Fixtures.Fixture f : Fixtures.find(root.resolve("test-fixtures"))) {
            if (f.relativePath().startsWith("generated/") && f.gemeente() != null
                    && !Fixtures.UNKNOWN_GEMEENTE.equals(f.gemeente().cbsCode())) {
                fixtures.add(f);
            }
        }
        fixtures = fixtures.subList(0, Math.min(n, fixtures.size()));
        var processor = DefaultProcessor.create();
        for (boolean dossier : new boolean[] {true, false, true, false}) {
            long[] ms = new long[fixtures.size()];
            int accepted = 0;
            try (LocalPipeline p = LocalPipeline.start("127.0.0.1", 0, null, processor, dossier)) {
                for (int i = 0; i < fixtures.size(); i++) {
                    Fixtures.Fixture f = fixtures.get(i);
                    byte[] content = Files.readAllBytes(f.file());
                    p.upload(f.inboxKey(), content, f.contentType());
                    long t0 = System.nanoTime();
                    LocalPipeline.Delivery d = p.deliver(f.inboxKey(), DemoReceipt.time(f.file().getFileName().toString(), content));
                    ms[i] = (System.nanoTime() - t0) / 1_000_000;
                    if (d.manifest().map(m -> "verwerkt".equals(m.status())).orElse(false)) {
                        accepted++;
                    }
                }
            }
            long[] sorted = ms.clone();
            java.util.Arrays.sort(sorted);
            double mean = java.util.Arrays.stream(ms).average().orElse(0);
            System.out.printf(Locale.ROOT, "%-16s %2d uploads (%2d accepted): median %5d ms, mean %7.1f ms, total %6d ms%n",
                    dossier ? "with dossier" : "pipeline alone", ms.length, accepted, sorted[sorted.length / 2], mean,
                    java.util.Arrays.stream(ms).sum());
        }
        System.out.println("(first two lines are the warm-up round; " + Instant.now() + ")");
    }
}
