package nl.kansrijkewijk.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Every kind in test-fixtures/hostile/ gets its expected answer (expected.tsv) within its bounds. Time and memory
 * are measured from outside: the files are read in a child JVM with the deployed function's heap and collector
 * (Lambda: 85 % of 1 024 MB, serial GC, exit on out-of-memory), under a wall-clock timeout. A kind that needed more
 * heap would end that JVM (exit code 3) instead of being answered; one that took too long would hit the timeout.
 */
class HostileCorpusTest {
    static final Path DIR = Path.of("../test-fixtures/hostile");
    /** The deployed function's heap: 85 % of MemorySize 1024 in template.yaml. */
    static final String DEPLOYED_HEAP = "-Xmx870m";

    record Expected(String file, String status, String reason, String fragment, int maxSeconds) {}

    static List<Expected> expected() throws IOException {
        List<Expected> out = new ArrayList<>();
        for (String line : Files.readAllLines(DIR.resolve("expected.tsv"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            out.add(new Expected(f[0], f[1], f[2], f[3], Integer.parseInt(f[4])));
        }
        return out;
    }

    @Test
    void everyHostileKindGetsItsAnswerWithinTheDeployedHeapAndItsTime() throws Exception {
        List<Expected> expected = expected();
        HostileCorpus.main(new String[] {DIR.toString(), "--large-if-missing"}); // the small kinds are committed
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), DEPLOYED_HEAP,
                "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "-XX:TieredStopAtLevel=1",
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                HostileRun.class.getName()));
        int total = 0;
        for (Expected e : expected) {
            command.add(DIR.resolve(e.file()).toString());
            total += e.maxSeconds();
        }
        Path log = Files.createTempFile("hostile", ".out");
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectOutput(log.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        boolean finished = p.waitFor(total, TimeUnit.SECONDS);
        long wallMs = (System.nanoTime() - t0) / 1_000_000;
        if (!finished) {
            p.destroyForcibly();
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        Files.delete(log);
        assertTrue(finished, "the corpus was not answered within " + total + " s; answered: " + lines);
        assertEquals(0, p.exitValue(), "the reading JVM ended abnormally (3 = out of memory at " + DEPLOYED_HEAP
                + "); answered: " + lines);

        Map<String, String[]> answers = new HashMap<>();
        for (String line : lines) {
            String[] f = line.split("\t", -1);
            if (f.length == 5) {
                answers.put(f[0], f);
            }
        }
        for (Expected e : expected) {
            String[] a = answers.get(Path.of(e.file()).getFileName().toString());
            assertTrue(a != null, e.file() + " was answered");
            assertEquals(e.status(), a[1], e.file());
            assertEquals(e.reason(), a[2], e.file() + ": " + a[4]);
            assertTrue(a[4].contains(e.fragment()), e.file() + ": " + a[4]);
            assertTrue(Long.parseLong(a[3]) <= e.maxSeconds() * 1000L, e.file() + " took " + a[3] + " ms");
        }
        System.out.println("hostile corpus: " + expected.size() + " kinds in " + wallMs + " ms (child JVM, "
                + DEPLOYED_HEAP + ")");
    }
}
