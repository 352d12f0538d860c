package nl.kansrijkewijk.local;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import nl.kansrijkewijk.pipeline.Manifest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ./kw demo end to end, with the processor ./kw really runs: the fixtures of the repository when there are
 * any, plus a few small files of each kind made here (a PDF, an XLSX, a corrupt "PDF", a spec to skip).
 */
class DemoCommandTest {
    @TempDir
    static Path root;

    @BeforeAll
    static void fixtures() throws IOException {
        Path fixtures = root.resolve("test-fixtures");
        Path repoFixtures = Path.of("../test-fixtures");
        if (Files.isDirectory(repoFixtures)) {
            try (Stream<Path> walk = Files.walk(repoFixtures)) {
                for (Path p : walk.filter(Files::isRegularFile).toList()) {
                    Path target = fixtures.resolve("repo").resolve(repoFixtures.relativize(p).toString());
                    Files.createDirectories(target.getParent());
                    Files.copy(p, target);
                }
            }
        }
        write(fixtures.resolve("pdf/amsterdam-klein.pdf"), "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
        write(fixtures.resolve("xlsx/Den Haag formulier.xlsx"), "PK\u0003\u0004 geen echte werkmap");
        write(fixtures.resolve("kapot/utrecht.pdf"), "dit is geen pdf");
        write(fixtures.resolve("geen-gemeente.pdf"), "%PDF-1.4 zonder gemeente in de naam");
        write(fixtures.resolve("specs/amsterdam.yaml"), "verwacht: []\n");
    }

    private static void write(Path p, String content) throws IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, content, StandardCharsets.ISO_8859_1);
    }

    private record Run(int exitCode, String out, String err) {}

    private static Run demo(Path outDir) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new DemoCommand(root, Processors.standard(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(List.of("--out", outDir.toString()));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Map<String, byte[]> files(Path dir) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return files;
    }

    private static Run firstRun;

    /**
     * One full demo over every fixture, shared by the tests that only read its result: a run costs seconds per
     * dozen documents, and the repeat-run test compares against it instead of making its own.
     */
    private static synchronized Run firstRun() throws Exception {
        if (firstRun == null) {
            firstRun = demo(root.resolve("uitvoer-1"));
        }
        return firstRun;
    }

    @Test
    void everyFixtureGetsAManifestedOutputFolderAndARowInTheSummary() throws Exception {
        Path out = root.resolve("uitvoer-1");
        Run run = firstRun();

        assertEquals(0, run.exitCode(), run.err());
        Map<String, byte[]> files = files(out);
        List<String> manifests = files.keySet().stream().filter(k -> k.endsWith("/manifest.json")).toList();
        List<Fixtures.Fixture> fixtures = Fixtures.find(root.resolve("test-fixtures"));
        assertEquals(fixtures.size(), manifests.size());
        assertFalse(fixtures.stream().anyMatch(f -> f.relativePath().toLowerCase(Locale.ROOT).endsWith(".yaml")));
        for (String m : manifests) {
            Manifest manifest = Manifest.parse(files.get(m));
            String folder = m.substring(0, m.length() - "manifest.json".length());
            for (Manifest.Output o : manifest.outputs()) {
                assertTrue(files.containsKey(folder + o.name()), folder + o.name());
                assertEquals(o.size(), files.get(folder + o.name()).length);
            }
            assertTrue(run.out().contains(manifest.source().key().substring(manifest.source().key().indexOf('/', 6) + 1)),
                    "summary names " + manifest.source().key());
        }
        assertTrue(files.keySet().stream().anyMatch(k -> k.startsWith("GM0363/amsterdam-klein.pdf/")), files.keySet().toString());
        assertTrue(files.keySet().stream().anyMatch(k -> k.startsWith("GM0518/Den Haag formulier.xlsx/")));
        assertTrue(files.keySet().stream().anyMatch(k -> k.startsWith("onbekend/geen-gemeente.pdf/")));
        // A folder of no gemeente is refused unread; the receipt names no gemeente.
        Manifest onbekend = manifestUnder(files, "onbekend/geen-gemeente.pdf/");
        assertEquals("geweigerd", onbekend.status());
        assertEquals(null, onbekend.received().gemeenteCode());
        if (Files.isDirectory(Path.of("../test-fixtures/verkeerde-map"))) {
            // The folder's gemeente is the receipt's; the receipt time is the typed date (28-09-2023) at noon in
            // Amsterdam, 10:00 UTC in summer time.
            Manifest amsterdam = manifestUnder(files, "GM0363/amsterdam-correct.pdf/");
            assertEquals(new Manifest.Received("GM0363", "2023-09-28T10:00:00Z", "AWS:KWLOCAL"), amsterdam.received());
            assertEquals("AANVRAAG", amsterdam.kind());
            assertEquals("KW-2023-1", amsterdam.provenance().formVersion());

            // Rotterdam's form in Amsterdam's folder: refused with the Dutch explanation, no concept.
            String prefix = "GM0363/amsterdam-map-formulier-van-rotterdam.xlsx/";
            Manifest refused = manifestUnder(files, prefix);
            assertEquals("geweigerd", refused.status());
            assertEquals(List.of("fout.json", "fout.txt"), refused.outputs().stream().map(Manifest.Output::name).toList());
            String fout = files.entrySet().stream().filter(e -> e.getKey().startsWith(prefix) && e.getKey().endsWith("fout.txt"))
                    .map(e -> new String(e.getValue(), StandardCharsets.UTF_8)).findFirst().orElseThrow();
            assertTrue(fout.contains("Dit formulier is van de gemeente Rotterdam, maar is geüpload in de map van Amsterdam "
                    + "(GM0363)."), fout);
        }
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith("kapot/utrecht.pdf") && l.contains("onleesbaar")), run.out());
        assertTrue(run.out().startsWith("document "), run.out());
        // The dossier loop: Amsterdam and Dordrecht fixed by a second reviewer, then a wijziging judged against it.
        for (String cbs : List.of("GM0363", "GM0505")) {
            assertTrue(files.keySet().stream().anyMatch(k -> k.startsWith("dossier/" + cbs + "/KW-2023-" + cbs + "-V/definitief-")
                    && k.endsWith("verleningsbeschikking.docx")), cbs);
            assertTrue(files.keySet().stream().anyMatch(k -> k.startsWith("dossier/" + cbs + "/KW-2023-" + cbs + "-W1/wijziging-")), cbs);
            assertTrue(new String(files.get("dossier/" + cbs + "/dossier.json"), StandardCharsets.UTF_8).contains("\"vastgesteld\""));
        }
        assertTrue(run.out().contains("Dossiers (aanvraag → beoordeling → vaststelling → wijziging)"), run.out());
    }

    private static Manifest manifestUnder(Map<String, byte[]> files, String prefix) {
        return files.entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix) && e.getKey().endsWith("/manifest.json"))
                .map(e -> Manifest.parse(e.getValue())).findFirst().orElseThrow(() -> new AssertionError("no manifest under " + prefix));
    }

    @Test
    void aSecondRunWritesTheSameFilesWithTheSameBytes() throws Exception {
        // Each run starts a fresh S3 store, so a rerun into the same folder is as independent as one elsewhere.
        Path first = root.resolve("uitvoer-1");
        Run a = firstRun();
        Map<String, byte[]> one = files(first);
        Run again = demo(first);

        assertEquals(0, again.exitCode(), again.err());
        Map<String, byte[]> two = files(first);
        assertEquals(one.keySet(), two.keySet(), "the rerun replaced the folder's content, nothing piled up");
        one.forEach((name, bytes) -> assertArrayEquals(bytes, two.get(name), name));
        assertEquals(a.out(), again.out());
    }

    @Test
    void aFolderTheDemoDidNotWriteIsNotEmptied() throws Exception {
        Path mine = root.resolve("eigen-map");
        write(mine.resolve("belangrijk.txt"), "niet weggooien");

        Run run = demo(mine);

        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("niet door ./kw demo gemaakt"), run.err());
        assertEquals("niet weggooien", Files.readString(mine.resolve("belangrijk.txt")));
    }
}
