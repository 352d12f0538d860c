package nl.kansrijkewijk.hostile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import nl.kansrijkewijk.finding.Finding;
import nl.kansrijkewijk.processing.AanvraagProcessor;
import nl.kansrijkewijk.processing.Evaluation;

/**
 * Reads each file given and prints one tab-separated line per file: name, status, reason (the error reason, or
 * the LEES-* rules found), milliseconds, message. Run in a child JVM with the deployed heap by
 * HostileCorpusTest, so that time and memory are measured from outside the JVM under test.
 */
public final class HostileRun {
    public static void main(String[] args) throws Exception {
        AanvraagProcessor processor = new AanvraagProcessor();
        for (String arg : args) {
            Path file = Path.of(arg);
            byte[] content = Files.readAllBytes(file);
            long t0 = System.nanoTime();
            Evaluation e = processor.evaluate(file.getFileName().toString(), content);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            String status = e.readable() ? "verwerkt" : "onleesbaar";
            String reason;
            String message;
            if (e.readable()) {
                TreeSet<String> rules = new TreeSet<>();
                for (Finding f : e.findings()) {
                    if (f.rule().startsWith("LEES-")) {
                        rules.add(f.rule());
                    }
                }
                reason = rules.isEmpty() ? "-" : String.join(",", rules);
                message = e.findings().stream().filter(f -> f.rule().startsWith("LEES-")).map(Finding::message)
                        .reduce((a, b) -> a + " | " + b).orElse("");
            } else {
                reason = e.errorReason();
                message = e.error();
            }
            System.out.println(file.getFileName() + "\t" + status + "\t" + reason + "\t" + ms + "\t"
                    + message.replace('\t', ' ').replace('\n', ' '));
            System.out.flush();
        }
    }
}
