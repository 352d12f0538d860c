package nl.kansrijkewijk.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Turns fixture specs into filled forms: for every {@code <fixtures>/specs/<name>.yaml} it writes the shapes the
 * spec's {@code shapes} list asks for into {@code <fixtures>/generated/}: {@code <name>.pdf} (pdf),
 * {@code <name>-afgedrukt.pdf} (pdf-flattened) and {@code <name>.xlsx} (xlsx, with the spec's
 * {@code xlsxQuirks}). Only {@code shapes}, {@code xlsxQuirks} and {@code fields} are used; {@code expected} is for
 * the tests. Regenerating gives identical bytes.
 *
 * <p>Usage: {@code java -cp <kw-shared classpath> nl.kansrijkewijk.form.FixtureGenerator [fixtures-dir]}
 * (default {@code test-fixtures}).
 */
public final class FixtureGenerator {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private FixtureGenerator() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "test-fixtures");
        List<Path> written = generate(dir);
        System.out.println("fixtures: " + written.size() + " files written to " + dir.resolve("generated"));
    }

    /** Generates every spec under dir/specs; returns the files written, in spec-name order. */
    public static List<Path> generate(Path dir) throws IOException {
        Path specs = dir.resolve("specs");
        Path out = dir.resolve("generated");
        Files.createDirectories(out);
        List<Path> files;
        try (Stream<Path> s = Files.list(specs)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        }
        List<Path> written = new ArrayList<>();
        for (Path spec : files) {
            String name = spec.getFileName().toString().replaceFirst("\\.yaml$", "");
            try {
                for (Map.Entry<String, byte[]> e : render(Files.readAllBytes(spec)).entrySet()) {
                    Path target = out.resolve(name + e.getKey());
                    Files.write(target, e.getValue());
                    written.add(target);
                }
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("fixture spec " + spec + ": " + e.getMessage(), e);
            }
        }
        return written;
    }

    /** The shapes one spec asks for, by file-name suffix (".pdf", "-afgedrukt.pdf", ".xlsx"). */
    public static Map<String, byte[]> render(byte[] specYaml) throws IOException {
        JsonNode root = YAML.readTree(specYaml);
        Map<String, String> fields = new LinkedHashMap<>();
        JsonNode f = root.path("fields");
        f.fieldNames().forEachRemaining(k -> {
            JsonNode v = f.get(k);
            fields.put(k, v == null || v.isNull() ? "" : v.asText());
        });
        Set<XlsxQuirk> quirks = EnumSet.noneOf(XlsxQuirk.class);
        root.path("xlsxQuirks").forEach(q -> quirks.add(XlsxQuirk.fromSpecName(q.asText())));
        Map<String, byte[]> out = new LinkedHashMap<>();
        byte[] filledPdf = null;
        for (JsonNode shape : root.path("shapes")) {
            switch (shape.asText()) {
                case "pdf" -> out.put(".pdf", filledPdf = filledPdf != null ? filledPdf : FormFiller.fillPdf(fields));
                case "pdf-flattened" -> {
                    filledPdf = filledPdf != null ? filledPdf : FormFiller.fillPdf(fields);
                    out.put("-afgedrukt.pdf", FormFiller.flatten(filledPdf));
                }
                case "xlsx" -> out.put(".xlsx", FormFiller.fillXlsx(fields, quirks));
                default -> throw new IllegalArgumentException("unknown shape '" + shape.asText()
                        + "' (known: pdf, pdf-flattened, xlsx)");
            }
        }
        return out;
    }
}
