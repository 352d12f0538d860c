package nl.kansrijkewijk.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.kansrijkewijk.dossier.Beoordeling;
import nl.kansrijkewijk.dossier.BeoordelingFile;
import nl.kansrijkewijk.dossier.DossierService;
import nl.kansrijkewijk.dossier.DossierState;
import nl.kansrijkewijk.dossier.EventKeys;
import nl.kansrijkewijk.dossier.FileSystemDossierStore;
import nl.kansrijkewijk.form.FormFiller;
import nl.kansrijkewijk.processing.Receipt;

/**
 * The dossier part of {@code ./kw demo}: for Amsterdam and Dordrecht the whole loop — aanvraag (Amsterdam: a first
 * upload and a corrected one that supersedes it) → concept → beoordeling (one waarschuwing turned into an
 * afwijzing, one accepted, one art. 12 judgement) → regenerated concept under the same kenmerk → vaststelling by a
 * second reviewer → a wijziging judged against the recorded verlening; and Zaanstad's aanvraag left as a concept
 * for the reader's own {@code ./kw beoordeel}. Every time is fixed, so a rerun writes the same bytes.
 *
 * <p>It runs against the dossier core with a folder as store ({@code <out>/dossier/…}); in AWS the pipeline feeds
 * the same {@link DossierService} from the upload events.
 */
final class DossierDemo {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern TOTAL = Pattern.compile("B\\.(\\w+)\\.(fg\\d)\\.totaal");

    private record Loop(String cbs, String naam, List<String> uploads, String spec, String beoordeling) {}

    private static final List<Loop> LOOPS = List.of(
            new Loop("GM0363", "Amsterdam", List.of("amsterdam-boven-maximum.pdf", "amsterdam-boven-maximum.xlsx"),
                    "amsterdam-boven-maximum", "beoordeling-amsterdam.yaml"),
            new Loop("GM0505", "Dordrecht", List.of("dordrecht-jonge-kind-veerkracht.pdf"),
                    "dordrecht-jonge-kind-veerkracht", "beoordeling-dordrecht.yaml"),
            new Loop("GM0479", "Zaanstad", List.of("zaanstad-seo-uitsluitingen.xlsx"), null, null));

    private DossierDemo() {}

    static void run(Path root, Path outDir, PrintStream out) throws IOException {
        Path fixtures = root.resolve("test-fixtures");
        if (LOOPS.stream().flatMap(l -> l.uploads().stream()).anyMatch(u -> find(fixtures, "generated/" + u) == null)) {
            out.println();
            out.println("Dossiers: de voorbeeldformulieren van de demo ontbreken in " + fixtures + "; overgeslagen.");
            return;
        }
        DossierService service = new DossierService(new FileSystemDossierStore(outDir));
        SummaryTable table = new SummaryTable(List.of("gemeente", "stap", "kenmerk", "status", "uitvoer"),
                false, false, false, false, false);
        for (Loop l : LOOPS) {
            int day = 14;
            for (String upload : l.uploads()) {
                Receipt r = new Receipt(upload, l.cbs(), Instant.parse("2023-09-" + day++ + "T08:00:00Z"),
                        "demo-" + upload, "gemeente-" + l.cbs());
                service.ontvang(r, Files.readAllBytes(find(fixtures, "generated/" + upload)));
            }
            String kenmerk = service.aanvraagKenmerk(l.cbs()).orElseThrow();
            table.add(row(service, l, "aanvraag (" + l.uploads().size() + " upload" + (l.uploads().size() > 1 ? "s" : "") + ")",
                    kenmerk, outDir));
            if (l.beoordeling() == null) {
                continue;
            }
            BeoordelingFile.Draft draft = BeoordelingFile.read(resource(l.beoordeling())).withDefaults(kenmerk, null, null);
            Beoordeling b = draft.resolve(service.bevindingen(l.cbs(), kenmerk));
            service.beoordeel(l.cbs(), b, Instant.parse("2023-10-16T09:00:00Z"));
            table.add(row(service, l, "beoordeling (" + b.door().naam() + ")", kenmerk, outDir));
            service.stelVast(l.cbs(), kenmerk, new Beoordeling.Reviewer("B. (Bram) de Groot", "senior beoordelaar"),
                    LocalDate.of(2023, 10, 20), Instant.parse("2023-10-20T09:00:00Z"));
            table.add(row(service, l, "vaststelling (B. (Bram) de Groot)", kenmerk, outDir));
            byte[] wijziging = wijziging(find(fixtures, "specs/" + l.spec() + ".yaml"), kenmerk);
            var in = service.ontvang(new Receipt(l.spec() + "-wijziging.xlsx", l.cbs(), Instant.parse("2024-04-15T08:00:00Z"),
                    "demo-wijziging", "gemeente-" + l.cbs()), wijziging);
            table.add(row(service, l, "wijziging", in.kenmerk(), outDir));
        }
        out.println();
        out.println("Dossiers (aanvraag → beoordeling → vaststelling → wijziging):");
        table.print(out);
        out.println("Zaanstad staat klaar voor uw eigen beoordeling: ./kw beoordeel --gemeente GM0479 --lijst");
    }

    private static List<String> row(DossierService service, Loop l, String step, String kenmerk, Path outDir) {
        DossierState.Zaak z = service.state(l.cbs()).zaken().stream().filter(x -> x.kenmerk().equals(kenmerk))
                .findFirst().orElseThrow();
        long vervangen = z.uploads().stream().filter(u -> "vervangen".equals(u.status())).count();
        String status = z.status() + (vervangen > 0 ? " (" + vervangen + " upload vervangen)" : "");
        Path folder = outDir.resolve(EventKeys.view(l.cbs(), kenmerk, z.versie()));
        Path cwd = Path.of("").toAbsolutePath();
        String shown = folder.startsWith(cwd) ? cwd.relativize(folder).toString() : folder.toString();
        return List.of(l.naam(), step, kenmerk, status, shown + "/");
    }

    /**
     * A wijziging made from the aanvraag's own spec: soort wijziging, the verlening's kenmerk, received in the first
     * wijziging window; the "verleend" column typed as what was requested (so where the verlening refused something
     * it differs from the recorded verlening: a waarschuwing), and the last activity marked new (art. 10(4)(b)).
     */
    static byte[] wijziging(Path spec, String kenmerk) throws IOException {
        JsonNode fields = YAML.readTree(spec.toFile()).path("fields");
        Map<String, String> values = new LinkedHashMap<>();
        fields.fieldNames().forEachRemaining(k -> values.put(k, fields.get(k).isNull() ? "" : fields.get(k).asText()));
        values.put("A.soort", "wijziging");
        values.put("A.kenmerk", kenmerk);
        values.put("A.datum", "15-04-2024");
        List<String> keys = new ArrayList<>(values.keySet());
        int lastActivity = 0;
        for (String k : keys) {
            Matcher m = TOTAL.matcher(k);
            if (m.matches()) {
                values.put("B." + m.group(1) + "." + m.group(2) + ".verleend", values.get(k));
            }
            Matcher a = Pattern.compile("C\\.(\\d+)\\.naam").matcher(k);
            if (a.matches()) {
                lastActivity = Math.max(lastActivity, Integer.parseInt(a.group(1)));
            }
        }
        for (int i = 1; i <= lastActivity; i++) {
            values.put("C." + i + ".nieuweActiviteit", i == lastActivity ? "ja" : "nee");
        }
        return FormFiller.fillXlsx(values);
    }

    /** A fixture by the end of its path, wherever under the fixtures folder it is (the tests nest them). */
    private static Path find(Path fixtures, String suffix) {
        Path direct = fixtures.resolve(suffix);
        if (Files.isRegularFile(direct)) {
            return direct;
        }
        if (!Files.isDirectory(fixtures)) {
            return null;
        }
        try (var walk = Files.walk(fixtures)) {
            return walk.filter(p -> p.toString().replace('\\', '/').endsWith("/" + suffix)).sorted().findFirst().orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = DossierDemo.class.getResourceAsStream("/demo/" + name)) {
            if (in == null) {
                throw new IllegalStateException("demo resource missing: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
