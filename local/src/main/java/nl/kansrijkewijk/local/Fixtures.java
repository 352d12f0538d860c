package nl.kansrijkewijk.local;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import nl.kansrijkewijk.regeling.Names;
import nl.kansrijkewijk.regeling.Regeling;
import nl.kansrijkewijk.regeling.RegelingCatalogus;

/** The PDF and XLSX files under test-fixtures/, and the inbox key a gemeente would upload each to. */
final class Fixtures {
    static final String UNKNOWN_GEMEENTE = "onbekend";

    /** @param gemeente the gemeente the path names, or null */
    record Fixture(Path file, String relativePath, String inboxKey, Gemeente gemeente) {
        String contentType() {
            return relativePath.toLowerCase(Locale.ROOT).endsWith(".pdf")
                    ? "application/pdf" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        }
    }

    private Fixtures() {}

    /** Sorted by path, so every run uploads and reports in the same order. */
    static List<Fixture> find(Path fixturesDir) throws IOException {
        if (!Files.isDirectory(fixturesDir)) {
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(fixturesDir, FileVisitOption.FOLLOW_LINKS)) {
            // test-fixtures/verantwoording/ holds SiSa workbooks judged against a dossier, not aanvraagformulieren;
            // they are not uploaded one by one as if they were forms (their cycle runs through VerantwoordingProcessor)
            Path verantwoording = fixturesDir.resolve("verantwoording");
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> !p.startsWith(verantwoording))
                    .filter(p -> {
                        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                        return n.endsWith(".pdf") || n.endsWith(".xlsx");
                    })
                    .sorted()
                    .toList();
        }
        List<Fixture> fixtures = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (Path file : files) {
            String relative = fixturesDir.relativize(file).toString().replace('\\', '/');
            Gemeente gemeente = gemeenteIn(relative);
            String folder = "inbox/" + (gemeente != null ? gemeente.cbsCode() : UNKNOWN_GEMEENTE) + "/";
            String key = folder + file.getFileName();
            if (!keys.add(key)) {
                key = folder + relative;
                keys.add(key);
            }
            fixtures.add(new Fixture(file, relative, key, gemeente));
        }
        return fixtures;
    }

    record Gemeente(String name, String cbsCode, List<String> names) {}

    /** The gemeente whose name, alias or CBS code the path mentions: the folder it would upload to. */
    static Gemeente gemeenteIn(String relativePath) {
        String words = " " + Names.normalise(relativePath) + " ";
        for (Gemeente g : GEMEENTEN) {
            for (String name : g.names()) {
                if (words.contains(" " + Names.normalise(name) + " ")) {
                    return g;
                }
            }
        }
        return null;
    }

    private static final List<Gemeente> GEMEENTEN = gemeenten();

    /** From the regeling the processor loads anyway: its data file is parsed once per JVM. */
    private static List<Gemeente> gemeenten() {
        List<Gemeente> gemeenten = new ArrayList<>();
        for (Regeling.Gemeente g : RegelingCatalogus.standard().first().gemeenten()) {
            List<String> names = new ArrayList<>();
            names.add(g.name());
            names.addAll(g.aliases());
            names.add(g.cbsCode());
            gemeenten.add(new Gemeente(g.name(), g.cbsCode(), List.copyOf(names)));
        }
        return List.copyOf(gemeenten);
    }
}
