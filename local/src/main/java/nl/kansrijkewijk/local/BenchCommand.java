package nl.kansrijkewijk.local;

import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import nl.kansrijkewijk.local.bench.probe.ColdProbe;
import nl.kansrijkewijk.local.bench.probe.FloorProbe;
import nl.kansrijkewijk.local.bench.probe.WarmProbe;
import nl.kansrijkewijk.testkit.s3.S3NotificationJson;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * {@code ./kw bench}: the function's speed against the floor, Lambda-like, as {@code name=value} lines.
 *
 * <p>Every measured JVM is a fresh child with the deployment jar alone (plus the runtime's event serializer and
 * the probe jar), the flags of Lambda's java21 runtime ({@code -XX:+UseSerialGC -Xshare:auto}, the template's
 * JAVA_TOOL_OPTIONS, a heap of 85 % of the template's MemorySize) and Lambda's environment variables. The S3
 * server (s3proxy, in memory) runs in this JVM. Cold runs and floor runs alternate in pairs, so load on this
 * shared machine hits both alike; the ratio is the median of the per-pair ratios.
 *
 * <p>With {@code --train-archive} it instead builds the class-data archive (the AOT cache on JDK 25+, a dynamic
 * AppCDS archive on 21–24) from a training run over the fixtures; later benches then also time cold starts with it.
 */
final class BenchCommand {
    static final String USAGE = "Gebruik: ./kw bench [--quick] [--pairs N] [--no-heap] [--profile] | ./kw bench --train-archive";
    private static final String HANDLER = "nl.kansrijkewijk.functions.aanvraag.AanvraagUploadHandler";
    private static final String GEMEENTE = "GM0363";
    private static final String COLD_FIXTURE = "generated/amsterdam-correct.pdf";
    /** Shape name → fixture: the three shapes of one correct Amsterdam aanvraag. */
    private static final Map<String, String> SHAPES = shapes();
    private static final String GRONINGEN = "GM0014";
    /** The largest forms (Groningen's, uploaded to its folder) on top of the shapes: what the heap must hold. */
    private static final List<String> HEAP_EXTRA = List.of("generated/groningen-lang-45-activiteiten.pdf",
            "generated/groningen-lang-45-activiteiten-afgedrukt.pdf", "generated/groningen-lang-45-activiteiten.xlsx");

    private final Path root;
    private final PrintStream out;
    private final PrintStream err;
    private final Path work;
    private int sequence;

    BenchCommand(Path root, PrintStream out, PrintStream err) {
        this.root = root;
        this.out = out;
        this.err = err;
        this.work = root.resolve("local/target/bench");
    }

    private static Map<String, String> shapes() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("pdf_form", "generated/amsterdam-correct.pdf");
        m.put("pdf_printed", "generated/amsterdam-correct-afgedrukt.pdf");
        m.put("xlsx", "generated/amsterdam-correct.xlsx");
        return m;
    }

    int run(List<String> args) throws Exception {
        boolean quick = false;
        boolean heap = true;
        boolean train = false;
        boolean profile = false;
        int pairs = 7;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--quick" -> quick = true;
                case "--no-heap" -> heap = false;
                case "--train-archive" -> train = true;
                case "--profile" -> profile = true;
                case "--pairs" -> {
                    if (i + 1 >= args.size()) {
                        err.println(USAGE);
                        return 2;
                    }
                    pairs = Integer.parseInt(args.get(++i));
                }
                default -> {
                    err.println(USAGE);
                    return 2;
                }
            }
        }
        if (quick && !args.contains("--pairs")) {
            pairs = 3;
        }
        LambdaSettings lambda = LambdaSettings.fromTemplate(root.resolve("template.yaml"));
        Path jar = root.resolve("functions/aanvraag/target/kw-function-aanvraag-lambda.jar");
        Path probeJar = probeJar();
        if (!Files.isRegularFile(jar) || probeJar == null) {
            err.println("Geen deployment-jar of probe-jar gevonden: bouw eerst (mvn -B package -DskipTests).");
            return 1;
        }
        Files.createDirectories(work);
        String classpath = String.join(File.pathSeparator, jar.toAbsolutePath().toString(),
                location(LambdaEventSerializers.class), probeJar.toAbsolutePath().toString());
        int jdk = Runtime.version().feature();
        Path archive = work.resolve(jdk >= 25 ? "kw-function-aanvraag.aot" : "kw-function-aanvraag.jsa");

        try (LocalS3 server = LocalS3.start("127.0.0.1", 0, null); S3Client s3 = server.client()) {
            s3.createBucket(b -> b.bucket(LocalPipeline.UPLOAD_BUCKET));
            s3.createBucket(b -> b.bucket(LocalPipeline.OUTPUT_BUCKET));
            Children children = new Children(lambda, classpath, server.endpoint().toString());
            if (train) {
                return train(children, s3, archive, jdk);
            }
            printHeader(lambda, quick, pairs);
            cold(children, s3, pairs, archive, jdk, jar);
            if (profile) {
                profile(children, s3, archive, jdk, jar);
            }
            warm(children, quick);
            if (heap) {
                minHeap(children, lambda, quick);
            } else {
                line("min_heap_mb", "n/a (--no-heap)");
            }
        }
        try (Stream<Path> functions = Files.list(root.resolve("functions"))) {
            for (Path f : functions.sorted().toList()) {
                Path fjar = f.resolve("target/kw-function-" + f.getFileName() + "-lambda.jar");
                line("jar_mb_" + f.getFileName(), Files.isRegularFile(fjar) ? mb(Files.size(fjar)) : "n/a (not built)");
            }
        }
        String end = loadavg();
        line("loadavg_end", end);
        line("under_load", underLoad(end) || underLoad(startLoad) ? "yes (load average above the core count: numbers are inflated)" : "no");
        return 0;
    }

    private String startLoad = "";

    private void printHeader(LambdaSettings lambda, boolean quick, int pairs) {
        Runtime.Version v = Runtime.version();
        line("jdk", v + (v.feature() == 21 ? "" : " (the Lambda runtime is java21; no JDK 21 on this machine, so JDK " + v.feature() + ")"));
        line("cores", Runtime.getRuntime().availableProcessors());
        startLoad = loadavg();
        line("loadavg_start", startLoad);
        line("flags", String.join(" ", lambda.jvmFlags()) + " + JAVA_TOOL_OPTIONS=\"" + lambda.javaToolOptions() + "\"");
        line("memory_mb", lambda.memoryMb() + " (heap " + lambda.heapMb() + " MB = 85 %)");
        line("pairs", pairs + (quick ? " (--quick)" : ""));
    }

    // ---- cold start against the floor

    private void cold(Children children, S3Client s3, int pairs, Path archive, int jdk, Path jar) throws Exception {
        byte[] upload = Files.readAllBytes(root.resolve("test-fixtures").resolve(COLD_FIXTURE));
        Path uploadFile = root.resolve("test-fixtures").resolve(COLD_FIXTURE);
        boolean withArchive = Files.isRegularFile(archive) && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) > 0;
        List<String> archiveFlags = jdk >= 25
                ? List.of("-XX:AOTCache=" + archive, "-XX:AOTMode=on")
                : List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:on");
        List<Run> cold = new ArrayList<>();
        List<Run> floor = new ArrayList<>();
        List<Run> coldArchive = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            // Rotate the order within a round, so neither kind always runs first after a pause.
            int kinds = withArchive ? 3 : 2;
            for (int k = 0; k < kinds; k++) {
                switch ((i + k) % kinds) {
                    case 0 -> cold.add(children.cold(List.of(), event(s3, upload)));
                    case 1 -> floor.add(children.floor("floor/" + (sequence++), uploadFile));
                    default -> coldArchive.add(children.cold(archiveFlags, event(s3, upload)));
                }
            }
        }
        double coldMs = median(cold.stream().mapToDouble(Run::wallMs).toArray());
        double floorMs = median(floor.stream().mapToDouble(Run::wallMs).toArray());
        line("cold_ms", fmt(coldMs));
        line("floor_ms", fmt(floorMs));
        line("cold_ratio", fmt2(pairRatio(cold, floor)));
        line("init_ms", fmt(median(cold.stream().mapToDouble(r -> r.value("init_ms")).toArray())));
        line("first_invoke_ms", fmt(median(cold.stream().mapToDouble(r -> r.value("first_invoke_ms")).toArray())));
        line("floor_client_ms", fmt(median(floor.stream().mapToDouble(r -> r.value("init_ms")).toArray())));
        line("peak_rss_mb", fmt(median(cold.stream().mapToDouble(r -> r.value("peak_rss_kb") / 1024).toArray())));
        line("floor_peak_rss_mb", fmt(median(floor.stream().mapToDouble(r -> r.value("peak_rss_kb") / 1024).toArray())));
        line("cold_runs_ms", join(cold));
        line("floor_runs_ms", join(floor));
        if (withArchive) {
            line("cold_ms_archive", fmt(median(coldArchive.stream().mapToDouble(Run::wallMs).toArray())));
            line("cold_ratio_archive", fmt2(pairRatio(coldArchive, floor)));
            line("init_ms_archive", fmt(median(coldArchive.stream().mapToDouble(r -> r.value("init_ms")).toArray())));
            line("first_invoke_ms_archive", fmt(median(coldArchive.stream().mapToDouble(r -> r.value("first_invoke_ms")).toArray())));
            line("cold_runs_ms_archive", join(coldArchive));
            line("archive", root.relativize(archive) + " (" + mb(Files.size(archive)) + " MB, " + String.join(" ", archiveFlags.get(0).replace(archive.toString(), "…")) + ")");
        } else {
            line("cold_ms_archive", "n/a (no class-data archive newer than the jar: scripts/class-archive.sh builds it)");
        }
    }

    /**
     * Where a cold start's time goes: one more cold run with class loading logged (counted per library) and a
     * JFR recording, summarised by the JDK's own {@code jfr view hot-methods}; with a usable archive, once more
     * with it, to count how many classes then come from the archive.
     */
    private void profile(Children children, S3Client s3, Path archive, int jdk, Path jar) throws Exception {
        byte[] upload = Files.readAllBytes(root.resolve("test-fixtures").resolve(COLD_FIXTURE));
        Path classLog = work.resolve("class-load.log");
        Path jfr = work.resolve("cold.jfr");
        Files.deleteIfExists(classLog);
        children.cold(List.of("-Xlog:class+load=info:file=" + classLog, "-XX:StartFlightRecording=filename=" + jfr
                + ",settings=profile"), event(s3, upload));
        printClassCounts("", classLog);
        line("profile_jfr", root.relativize(jfr));
        ProcessBuilder view = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jfr").toString(),
                "view", "--width", "160", "hot-methods", jfr.toString()).redirectErrorStream(true);
        Process p = view.start();
        List<String> hot = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                .filter(l -> !l.isBlank()).limit(28).toList();
        p.waitFor();
        hot.forEach(l -> out.println("profile_hot_methods| " + l));
        boolean withArchive = Files.isRegularFile(archive) && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) > 0;
        if (withArchive) {
            Files.deleteIfExists(classLog);
            children.cold(List.of(jdk >= 25 ? "-XX:AOTCache=" + archive : "-XX:SharedArchiveFile=" + archive,
                    "-Xlog:class+load=info:file=" + classLog), event(s3, upload));
            printClassCounts("_archive", classLog);
        }
    }

    /** Loaded classes per library, and how many came from a CDS archive or the AOT cache. */
    private void printClassCounts(String suffix, Path classLog) throws IOException {
        Map<String, Integer> perGroup = new HashMap<>();
        int total = 0;
        int shared = 0;
        for (String l : Files.readAllLines(classLog)) {
            int tag = l.indexOf("[class,load]");
            if (tag < 0) {
                continue;
            }
            String rest = l.substring(tag + "[class,load]".length()).strip();
            String name = rest.split(" ", 2)[0];
            total++;
            if (rest.contains("shared objects file") || rest.contains("AOT cache")) {
                shared++;
            }
            perGroup.merge(group(name), 1, Integer::sum);
        }
        line("classes_loaded" + suffix, total + " (" + shared + " from the CDS archive / AOT cache)");
        line("classes_by_library" + suffix, String.join(",", perGroup.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .map(e -> e.getKey() + ":" + e.getValue()).toList()));
    }

    private static final List<String[]> GROUPS = List.of(
            new String[] {"software.amazon.awssdk.", "aws-sdk"}, new String[] {"org.apache.poi.", "poi"},
            new String[] {"org.openxmlformats.", "ooxml-schemas"}, new String[] {"org.apache.xmlbeans.", "xmlbeans"},
            new String[] {"com.fasterxml.jackson.", "jackson"}, new String[] {"com.openhtmltopdf.", "openhtmltopdf"},
            new String[] {"org.apache.pdfbox.", "pdfbox"}, new String[] {"org.apache.fontbox.", "pdfbox"},
            new String[] {"org.apache.xmpbox.", "pdfbox"}, new String[] {"org.apache.http.", "httpclient"},
            new String[] {"org.apache.commons.", "commons"}, new String[] {"org.yaml.", "snakeyaml"},
            new String[] {"org.joda.", "joda"}, new String[] {"com.amazonaws.", "lambda-events"},
            new String[] {"nl.kansrijkewijk.", "kw"}, new String[] {"org.slf4j.", "logging"},
            new String[] {"org.apache.logging.", "logging"}, new String[] {"java.", "jdk"}, new String[] {"javax.", "jdk"},
            new String[] {"jdk.", "jdk"}, new String[] {"sun.", "jdk"}, new String[] {"com.sun.", "jdk"});

    private static String group(String className) {
        for (String[] g : GROUPS) {
            if (className.startsWith(g[0])) {
                return g[1];
            }
        }
        return "other";
    }

    /** Uploads the fixture under a fresh key and writes the S3 event for it, as S3 would send it. */
    private Path event(S3Client s3, byte[] content) throws IOException {
        String key = "inbox/" + GEMEENTE + "/bench-" + (sequence++) + ".pdf";
        s3.putObject(b -> b.bucket(LocalPipeline.UPLOAD_BUCKET).key(key).contentType("application/pdf"), RequestBody.fromBytes(content));
        HeadObjectResponse head = s3.headObject(b -> b.bucket(LocalPipeline.UPLOAD_BUCKET).key(key));
        Path event = work.resolve("event-" + sequence + ".json");
        Files.writeString(event, S3NotificationJson.event(LocalS3.REGION.id(), List.of(new S3NotificationJson.ObjectCreated(
                LocalPipeline.UPLOAD_BUCKET, key, head.contentLength(), head.eTag().replace("\"", ""), head.versionId(),
                Instant.parse("2023-09-01T10:00:00Z")))));
        return event;
    }

    private static double pairRatio(List<Run> a, List<Run> b) {
        int n = Math.min(a.size(), b.size());
        double[] ratios = new double[n];
        for (int i = 0; i < n; i++) {
            ratios[i] = a.get(i).wallMs() / b.get(i).wallMs();
        }
        return median(ratios);
    }

    // ---- warm

    private void warm(Children children, boolean quick) throws Exception {
        List<String> args = new ArrayList<>(List.of(GEMEENTE, quick ? "3" : "5", quick ? "8" : "20"));
        SHAPES.forEach((shape, file) -> args.add(shape + "=" + root.resolve("test-fixtures").resolve(file)));
        Run run = children.warm(List.of(), args);
        if (run.exit() != 0) {
            throw new IllegalStateException("warm probe failed: " + run.output());
        }
        double meanSum = 0;
        for (String shape : SHAPES.keySet()) {
            double[] ms = Arrays.stream(run.text("warm_ms." + shape).split(",")).mapToDouble(Double::parseDouble).toArray();
            Arrays.sort(ms);
            line("warm_p50_ms_" + shape, fmt(percentile(ms, 0.50)));
            line("warm_p95_ms_" + shape, fmt(percentile(ms, 0.95)));
            double[] cpu = Arrays.stream(run.text("warm_cpu_ms." + shape).split(",")).mapToDouble(Double::parseDouble).toArray();
            Arrays.sort(cpu);
            line("warm_cpu_p50_ms_" + shape, fmt(percentile(cpu, 0.50)) + " (the request thread's CPU time: what load on the machine inflates least)");
            meanSum += Arrays.stream(ms).average().orElse(0);
        }
        line("warm_p50_ms_sisa", "n/a (no verantwoording reader on this branch: DocumentKind.VERANTWOORDING is not recognised yet)");
        double docs = run.value("docs");
        double cpuS = run.value("cpu_ms") / 1000.0;
        line("docs_per_s_per_core", fmt2(docs / cpuS) + " (" + (long) docs + " warm documents, " + fmt2(cpuS)
                + " s process CPU incl. GC and JIT; wall " + fmt2(1000.0 / (meanSum / SHAPES.size())) + " docs/s)");
        line("warm_peak_rss_mb", fmt(run.value("peak_rss_kb") / 1024));
    }

    // ---- smallest heap

    private void minHeap(Children children, LambdaSettings lambda, boolean quick) throws Exception {
        List<String> args = new ArrayList<>(List.of(GEMEENTE, "0", "1"));
        SHAPES.forEach((shape, file) -> args.add(shape + "=" + root.resolve("test-fixtures").resolve(file)));
        for (int i = 0; i < HEAP_EXTRA.size(); i++) {
            args.add("extra" + i + "=" + GRONINGEN + ":" + root.resolve("test-fixtures").resolve(HEAP_EXTRA.get(i)));
        }
        int step = quick ? 8 : 4;
        Map<Integer, Boolean> tried = new HashMap<>();
        String[] lastFailure = {""};
        java.util.function.IntPredicate works = mb -> tried.computeIfAbsent(mb, m -> {
            try {
                Run run = children.warm(List.of("-Xmx" + m + "m"), args);
                if (run.exit() != 0) {
                    lastFailure[0] = run.values().getOrDefault("failed", run.output().lines()
                            .filter(l -> l.contains("Error") || l.contains("Exception")).findFirst().orElse("exit " + run.exit()));
                }
                return run.exit() == 0;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        int lo;
        int hi;
        if (works.test(64)) {
            lo = 8;
            hi = 64;
        } else if (works.test(lambda.heapMb())) {
            lo = 64;
            hi = lambda.heapMb();
        } else {
            line("min_heap_mb", "n/a (fails even with the deployed heap of " + lambda.heapMb() + " MB: " + lastFailure[0] + ")");
            return;
        }
        while (hi - lo > step) {
            int mid = (lo + hi) / 2;
            if (works.test(mid)) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        line("min_heap_mb", hi + " (every shape of " + COLD_FIXTURE.substring(COLD_FIXTURE.indexOf('/') + 1)
                + " and the 45-activity Groningen forms processed; " + (tried.containsKey(lo) ? lo + " MB fails (" + lastFailure[0] + ")" : "not tried below " + lo + " MB") + "; tried " + tried.keySet().stream().sorted().toList() + ")");
    }

    // ---- the class-data archive

    private int train(Children children, S3Client s3, Path archive, int jdk) throws Exception {
        List<Fixtures.Fixture> fixtures = Fixtures.find(root.resolve("test-fixtures"));
        List<String> events = new ArrayList<>();
        for (Fixtures.Fixture f : fixtures) {
            String key = f.inboxKey();
            s3.putObject(b -> b.bucket(LocalPipeline.UPLOAD_BUCKET).key(key).contentType(f.contentType()),
                    RequestBody.fromBytes(Files.readAllBytes(f.file())));
            HeadObjectResponse head = s3.headObject(b -> b.bucket(LocalPipeline.UPLOAD_BUCKET).key(key));
            Path event = work.resolve("train-" + events.size() + ".json");
            Files.writeString(event, S3NotificationJson.event(LocalS3.REGION.id(), List.of(new S3NotificationJson.ObjectCreated(
                    LocalPipeline.UPLOAD_BUCKET, key, head.contentLength(), head.eTag().replace("\"", ""), head.versionId(),
                    Instant.parse("2023-09-01T10:00:00Z")))));
            events.add(event.toString());
        }
        Files.deleteIfExists(archive);
        List<String> flags = jdk >= 25 ? List.of("-XX:AOTCacheOutput=" + archive) : List.of("-XX:ArchiveClassesAtExit=" + archive);
        Run run = children.cold(flags, events.toArray(String[]::new));
        if (run.exit() != 0 || !Files.isRegularFile(archive)) {
            err.println(run.output());
            err.println("Het trainen van het class-data-archief is mislukt.");
            return 1;
        }
        line("archive", root.relativize(archive));
        line("archive_mb", mb(Files.size(archive)));
        line("training_documents", events.size());
        line("training_ms", fmt(run.wallMs()));
        return 0;
    }

    // ---- child JVMs

    private record Run(double wallMs, int exit, Map<String, String> values, String output) {
        double value(String name) {
            String v = values.get(name);
            if (v == null) {
                throw new IllegalStateException("probe printed no " + name + ": " + output);
            }
            return Double.parseDouble(v);
        }

        String text(String name) {
            String v = values.get(name);
            if (v == null) {
                throw new IllegalStateException("probe printed no " + name + ": " + output);
            }
            return v;
        }
    }

    private final class Children {
        private final LambdaSettings lambda;
        private final String classpath;
        private final String endpoint;

        Children(LambdaSettings lambda, String classpath, String endpoint) {
            this.lambda = lambda;
            this.classpath = classpath;
            this.endpoint = endpoint;
        }

        Run cold(List<String> extraFlags, Path event) throws Exception {
            Run run = cold(extraFlags, new String[] {event.toString()});
            if (run.exit() != 0 || !run.values().getOrDefault("result", "").contains("processed=1")) {
                throw new IllegalStateException("cold run did not process the upload: " + run.output());
            }
            return run;
        }

        Run cold(List<String> extraFlags, String[] events) throws Exception {
            List<String> args = new ArrayList<>(List.of(HANDLER));
            args.addAll(List.of(events));
            return start(extraFlags, ColdProbe.class.getName(), args, 600);
        }

        Run floor(String key, Path file) throws Exception {
            Run run = start(List.of(), FloorProbe.class.getName(), List.of(key, file.toString()), 120);
            if (run.exit() != 0) {
                throw new IllegalStateException("floor run failed: " + run.output());
            }
            return run;
        }

        Run warm(List<String> extraFlags, List<String> args) throws Exception {
            return start(extraFlags, WarmProbe.class.getName(), args, 900);
        }

        private Run start(List<String> extraFlags, String main, List<String> args, int timeoutS) throws Exception {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            // JDK 25 refuses -Xshare:* next to the AOT cache flags; the AOT cache takes CDS's place.
            boolean aot = extraFlags.stream().anyMatch(f -> f.startsWith("-XX:AOT"));
            command.addAll(lambda.jvmFlags().stream().filter(f -> !(aot && f.startsWith("-Xshare"))).toList());
            command.addAll(extraFlags);   // a later -Xmx wins over the deployed one
            command.addAll(List.of("-cp", classpath, main));
            command.addAll(args);
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            Map<String, String> env = pb.environment();
            env.clear();
            env.putAll(lambda.environment());
            env.put("AWS_ACCESS_KEY_ID", LocalS3.ACCESS_KEY);
            env.put("AWS_SECRET_ACCESS_KEY", LocalS3.SECRET_KEY);
            env.put("AWS_REGION", LocalS3.REGION.id());
            env.put("KW_S3_ENDPOINT", endpoint);
            env.put("KW_UPLOAD_BUCKET", LocalPipeline.UPLOAD_BUCKET);
            env.put("KW_OUTPUT_BUCKET", LocalPipeline.OUTPUT_BUCKET);
            long t0 = System.nanoTime();
            Process p = pb.start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(timeoutS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("child JVM did not finish in " + timeoutS + " s: " + output);
            }
            double wall = (System.nanoTime() - t0) / 1e6;
            Map<String, String> values = new HashMap<>();
            for (String l : output.split("\n")) {
                if (l.startsWith("probe.") && l.contains("=")) {
                    values.put(l.substring(6, l.indexOf('=')), l.substring(l.indexOf('=') + 1).strip());
                }
            }
            return new Run(wall, p.exitValue(), values, output);
        }
    }

    // ---- helpers

    private Path probeJar() throws IOException {
        try (Stream<Path> files = Files.list(root.resolve("local/target"))) {
            return files.filter(p -> p.getFileName().toString().matches("kw-local-.*-probe\\.jar")).findFirst().orElse(null);
        } catch (java.nio.file.NoSuchFileException e) {
            return null;
        }
    }

    private static String location(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    private void line(String name, Object value) {
        out.println(name + "=" + value);
        out.flush();
    }

    private static String loadavg() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).strip().split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    private static boolean underLoad(String loadavg) {
        try {
            return Double.parseDouble(loadavg.split(" ")[0]) > Runtime.getRuntime().availableProcessors();
        } catch (RuntimeException e) {
            return false;
        }
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static String join(List<Run> runs) {
        return String.join(",", runs.stream().map(r -> fmt(r.wallMs())).toList());
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }

    private static String fmt2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / 1024.0 / 1024.0);
    }
}
