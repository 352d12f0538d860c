package nl.kansrijkewijk.local;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.kansrijkewijk.pipeline.Manifest;
import nl.kansrijkewijk.processing.DocumentProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ./kw demo [--out DIR]}: a fresh local stack, every fixture uploaded to the inbox, one S3 event
 * each delivered to the Lambda handler, the output bucket copied to DIR, and a summary table. A fresh data
 * folder and deterministic processing make a second run write the same bytes.
 */
final class DemoCommand {
    private static final Logger LOG = LoggerFactory.getLogger(DemoCommand.class);
    /** Marks a folder as written by the demo, so a later run may empty it (and no other folder). */
    static final String MARKER = ".kw-demo";

    private final Path root;
    private final DocumentProcessor processor;
    private final PrintStream out;
    private final PrintStream err;

    DemoCommand(Path root, DocumentProcessor processor, PrintStream out, PrintStream err) {
        this.root = root;
        this.processor = processor;
        this.out = out;
        this.err = err;
    }

    int run(List<String> args) throws Exception {
        Path outDir = Path.of("out");
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("--out") && i + 1 < args.size()) {
                outDir = Path.of(args.get(++i));
            } else {
                err.println("Onbekende optie voor demo: " + args.get(i));
                err.println("Gebruik: ./kw demo [--out MAP]");
                return 2;
            }
        }
        outDir = outDir.toAbsolutePath().normalize();
        List<Fixtures.Fixture> fixtures = Fixtures.find(root.resolve("test-fixtures"));
        if (fixtures.isEmpty()) {
            err.println("Geen PDF- of XLSX-bestanden gevonden in " + root.resolve("test-fixtures") + ".");
            return 1;
        }
        if (!prepareOutDir(outDir)) {
            return 1;
        }

        Path data = root.resolve(".kw").resolve("demo-s3data");
        deleteRecursively(data);
        List<List<String>> rows = new ArrayList<>();
        int failures = 0;
        String dossierLine;
        try (LocalPipeline pipeline = LocalPipeline.start("127.0.0.1", 0, data, processor, true)) {
            err.println("Lokale S3 gestart op " + pipeline.server().endpoint() + "; " + fixtures.size()
                    + " formulier(en) naar s3://" + LocalPipeline.UPLOAD_BUCKET + "/inbox/…");
            Map<String, Instant> received = new HashMap<>();
            for (Fixtures.Fixture f : fixtures) {
                byte[] content = Files.readAllBytes(f.file());
                pipeline.upload(f.inboxKey(), content, f.contentType());
                received.put(f.inboxKey(), DemoReceipt.time(f.file().getFileName().toString(), content));
            }
            for (Fixtures.Fixture f : fixtures) {
                try {
                    LocalPipeline.Delivery d = pipeline.deliver(f.inboxKey(), received.get(f.inboxKey()));
                    rows.add(row(f, d, outDir));
                } catch (RuntimeException e) {
                    // In AWS Lambda would retry this event; here the demo reports it and goes on.
                    LOG.warn("handler failed for {}: {}", f.inboxKey(), e.toString());
                    rows.add(List.of(f.relativePath(), gemeenteName(f), "FOUT (zie log)", "-", "-", "-"));
                    failures++;
                }
            }
            pipeline.copyOutputsTo(outDir);
            // Recorded as the Lambda records them; they stay in the embedded S3 (the dossier section below writes its own).
            long dossiers = pipeline.list(LocalPipeline.OUTPUT_BUCKET, LocalPipeline.DOSSIER_PREFIX).stream()
                    .filter(o -> o.key().endsWith("/dossier.json")).count();
            long events = pipeline.list(LocalPipeline.OUTPUT_BUCKET, LocalPipeline.DOSSIER_PREFIX).stream()
                    .filter(o -> o.key().contains("/events/")).count();
            dossierLine = dossiers + " dossier(s) met " + events + " gebeurtenissen in s3://" + LocalPipeline.OUTPUT_BUCKET
                    + "/" + LocalPipeline.DOSSIER_PREFIX + " (de uitvoer per upload is het concept van het dossier)";
        }
        Files.writeString(outDir.resolve(MARKER), "Geschreven door ./kw demo; wordt bij een volgende demo geleegd.\n",
                StandardCharsets.UTF_8);

        SummaryTable table = new SummaryTable(
                List.of("document", "gemeente", "uitkomst", "afwijzingen", "waarschuwingen", "uitvoer"),
                false, false, false, true, true, false);
        rows.forEach(table::add);
        table.print(out);
        out.println(dossierLine);
        DossierDemo.run(root, outDir, out);
        VerantwoordingDemo.run(root, outDir, out);
        out.println();
        out.println(fixtures.size() + " document(en) verwerkt; uitvoer in " + display(outDir) + "/");
        return failures == 0 ? 0 : 1;
    }

    private List<String> row(Fixtures.Fixture f, LocalPipeline.Delivery d, Path outDir) {
        if (d.manifest().isEmpty()) {
            return List.of(f.relativePath(), "-", "niet verwerkt: " + d.handlerResult(), "-", "-", "-");
        }
        Manifest m = d.manifest().get();
        String gemeente = m.gemeente() != null ? m.gemeente() : gemeenteName(f);
        List<String> names = m.outputs().stream().map(Manifest.Output::name).toList();
        return List.of(f.relativePath(), gemeente, m.outcome() != null ? m.outcome() : m.status(),
                String.valueOf(m.afwijzingen()), String.valueOf(m.waarschuwingen()),
                display(outDir.resolve(d.outputPrefix())) + "/ (" + String.join(", ", names) + ")");
    }

    /** The processor's gemeente when it could read one; else the folder's, in brackets. */
    private static String gemeenteName(Fixtures.Fixture f) {
        return f.gemeente() != null ? "(" + f.gemeente().name() + ")" : "-";
    }

    private static String display(Path p) {
        Path cwd = Path.of("").toAbsolutePath();
        return p.startsWith(cwd) && !p.equals(cwd) ? cwd.relativize(p).toString() : p.toString();
    }

    /** Empty or demo-written folders only: the demo never wipes a folder it did not write. */
    private boolean prepareOutDir(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            boolean empty;
            try (Stream<Path> s = Files.list(dir)) {
                empty = s.findAny().isEmpty();
            }
            if (!empty && !Files.exists(dir.resolve(MARKER))) {
                err.println("De map " + dir + " bestaat al en is niet door ./kw demo gemaakt; kies een andere map met --out.");
                return false;
            }
            try (Stream<Path> s = Files.list(dir)) {
                for (Path p : s.toList()) {
                    deleteRecursively(p);
                }
            }
        } else if (Files.exists(dir)) {
            err.println(dir + " is geen map.");
            return false;
        }
        Files.createDirectories(dir);
        return true;
    }

    static void deleteRecursively(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }
}
