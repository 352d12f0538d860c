package nl.kansrijkewijk.local.bench.probe;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import nl.kansrijkewijk.functions.aanvraag.DefaultProcessor;
import nl.kansrijkewijk.pipeline.PipelineConfig;
import nl.kansrijkewijk.pipeline.UploadOutcome;
import nl.kansrijkewijk.pipeline.UploadPipeline;
import nl.kansrijkewijk.pipeline.UploadRef;

/**
 * Warm timings: the deployed processor inside the real UploadPipeline (hashing, manifest, every output) on an
 * in-memory store, so the numbers are the function's own work without the network. The shapes take turns, so a
 * burst of load on the machine hits all of them alike. Exit code 3 when any document was not processed
 * ("verwerkt"): a reader that turns an out-of-memory into "onleesbaar" must not pass a heap probe.
 * Usage: WarmProbe GEMEENTE_CODE WARMUP ITERATIONS SHAPE=[GEMEENTE_CODE:]FILE...
 */
public final class WarmProbe {
    private static final String UPLOADS = "kw-uploads";

    private WarmProbe() {}

    public static void main(String[] args) throws Exception {
        String gemeente = args[0];
        int warmup = Integer.parseInt(args[1]);
        int iterations = Integer.parseInt(args[2]);
        List<String> shapes = new ArrayList<>();
        List<byte[]> contents = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> folders = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            // FILE or GEMEENTE_CODE:FILE — a form is uploaded to its own gemeente's folder
            String file = kv[1];
            String folder = gemeente;
            if (file.matches("GM\\d{4}:.*")) {
                folder = file.substring(0, 6);
                file = file.substring(7);
            }
            shapes.add(kv[0]);
            contents.add(Files.readAllBytes(Path.of(file)));
            names.add(Path.of(file).getFileName().toString());
            folders.add(folder);
        }
        MemoryStore store = new MemoryStore();
        UploadPipeline pipeline = new UploadPipeline(store, DefaultProcessor.create(),
                new PipelineConfig(UPLOADS, "kw-outputs", PipelineConfig.DEFAULT_MAX_UPLOAD_BYTES));
        List<StringJoiner> times = new ArrayList<>();
        List<StringJoiner> cpuTimes = new ArrayList<>();
        shapes.forEach(s -> {
            times.add(new StringJoiner(","));
            cpuTimes.add(new StringJoiner(","));
        });
        // This thread's CPU time per document: on a machine shared with other work, wall time also counts the
        // time the thread waited for a core; CPU time does not (GC and JIT threads are left out of it).
        var threads = ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = 0;
        int timedDocs = 0;
        for (int round = 0; round < warmup + iterations; round++) {
            if (round == warmup) {
                cpuStart = os.getProcessCpuTime();
            }
            for (int s = 0; s < shapes.size(); s++) {
                store.clear();
                String key = "inbox/" + folders.get(s) + "/" + round + "-" + names.get(s);
                store.put(UPLOADS, key, contents.get(s));
                long c0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                UploadOutcome outcome = pipeline.process(new UploadRef(UPLOADS, key, null, null, -1,
                        Instant.parse("2023-09-01T10:00:00Z"), "bench"));
                long t1 = System.nanoTime();
                long c1 = threads.getCurrentThreadCpuTime();
                if (outcome.manifest() == null || !"verwerkt".equals(outcome.manifest().status())) {
                    ProbeOutput.print("failed", shapes.get(s) + " " + outcome.kind() + " " + outcome.detail());
                    System.exit(3);
                }
                if (round >= warmup) {
                    times.get(s).add(String.format(Locale.ROOT, "%.1f", ProbeOutput.ms(t0, t1)));
                    cpuTimes.get(s).add(String.format(Locale.ROOT, "%.1f", ProbeOutput.ms(c0, c1)));
                    timedDocs++;
                }
            }
        }
        long cpu = os.getProcessCpuTime() - cpuStart;
        for (int s = 0; s < shapes.size(); s++) {
            ProbeOutput.print("warm_ms." + shapes.get(s), times.get(s));
            ProbeOutput.print("warm_cpu_ms." + shapes.get(s), cpuTimes.get(s));
        }
        ProbeOutput.print("docs", timedDocs);
        ProbeOutput.print("cpu_ms", cpu / 1_000_000);
        ProbeOutput.print("peak_rss_kb", ProbeOutput.peakRssKb());
    }
}
