package nl.kansrijkewijk.local;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import nl.kansrijkewijk.processing.DocumentProcessor;

/**
 * {@code ./kw measure}: what sizing the Lambda (MemorySize, Timeout) is based on. Runs the handler over every
 * fixture in this JVM, on an in-memory S3, and prints the time per document (the first includes the cold
 * start: class loading, regeling, fonts), the heap high-water mark and the process's peak resident memory.
 * Run it with the Lambda's JVM flags and a heap cap: scripts/measure-lambda.sh.
 */
final class MeasureCommand {
    private final Path root;
    private final DocumentProcessor processor;
    private final PrintStream out;
    private final PrintStream err;

    MeasureCommand(Path root, DocumentProcessor processor, PrintStream out, PrintStream err) {
        this.root = root;
        this.processor = processor;
        this.out = out;
        this.err = err;
    }

    int run(List<String> args) throws Exception {
        if (!args.isEmpty()) {
            err.println("Gebruik: ./kw measure");
            return 2;
        }
        List<Fixtures.Fixture> fixtures = Fixtures.find(root.resolve("test-fixtures"));
        if (fixtures.isEmpty()) {
            err.println("Geen PDF- of XLSX-bestanden gevonden in " + root.resolve("test-fixtures") + ".");
            return 1;
        }
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        try (LocalPipeline pipeline = LocalPipeline.start("127.0.0.1", 0, null, processor, false)) {
            for (Fixtures.Fixture f : fixtures) {
                pipeline.upload(f.inboxKey(), Files.readAllBytes(f.file()), f.contentType());
            }
            long heapBefore = heapPeak();
            SummaryTable table = new SummaryTable(List.of("document", "ms", "bytes"), false, true, true);
            long slowest = 0;
            long total = 0;
            for (int i = 0; i < fixtures.size(); i++) {
                Fixtures.Fixture f = fixtures.get(i);
                long t0 = System.nanoTime();
                pipeline.deliver(f.inboxKey());
                long ms = (System.nanoTime() - t0) / 1_000_000;
                total += ms;
                slowest = Math.max(slowest, i == 0 ? 0 : ms);
                table.add(List.of(f.relativePath() + (i == 0 ? " (koud)" : ""), String.valueOf(ms),
                        String.valueOf(Files.size(f.file()))));
            }
            table.print(out);
            out.println();
            out.printf(Locale.ROOT, "documenten: %d, totaal %d ms, traagste warm %d ms, JVM-start tot nu %d ms%n",
                    fixtures.size(), total, slowest, System.currentTimeMillis() - jvmStart);
            out.printf(Locale.ROOT, "heap: max %d MB, piek gebruikt %d MB (na S3-opstart %d MB); piek RSS %s%n",
                    Runtime.getRuntime().maxMemory() >> 20, heapPeak() >> 20, heapBefore >> 20, peakRss());
        }
        return 0;
    }

    /** Sum of the heap pools' peaks: an upper bound of the heap the process needed at any one time. */
    private static long heapPeak() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    private static String peakRss() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(l -> l.startsWith("VmHWM:")).map(l -> l.substring(6).strip()).findFirst().orElse("onbekend");
        } catch (IOException | RuntimeException e) {
            return "onbekend";
        }
    }
}
