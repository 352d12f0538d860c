package nl.kansrijkewijk.local;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.kansrijkewijk.dossier.Beoordeling;
import nl.kansrijkewijk.dossier.BeoordelingFile;
import nl.kansrijkewijk.dossier.DossierException;
import nl.kansrijkewijk.dossier.DossierService;
import nl.kansrijkewijk.dossier.DossierState;
import nl.kansrijkewijk.dossier.DossierStore;
import nl.kansrijkewijk.dossier.EventKeys;
import nl.kansrijkewijk.dossier.FileSystemDossierStore;
import nl.kansrijkewijk.dossier.FolderDossierVerlening;
import nl.kansrijkewijk.processing.Receipt;
import nl.kansrijkewijk.verantwoording.DossierJson;

/**
 * The verantwoording part of {@code ./kw demo}: for Amsterdam the years 2023 (a reservation), 2024 and 2025 (a
 * correction of 2024's spending) through {@link DossierService#ontvang} ending in a concept vaststelling with a
 * terugvordering; for Arnhem a verantwoording over 2025 received after 18 months, ending in an ambtshalve
 * vaststelling (art. 15(3)). The workbooks and the verlening are the SiSa fixtures' ({@code
 * test-fixtures/verantwoording/…}, amounts worked out by hand in their spec.yaml): their verlening is recorded as a
 * second reviewer would have fixed it, in a dossier of its own ({@code <out>/cyclus/}) — the aanvraag loop's
 * verlening for Amsterdam has other amounts, for which no hand-derived workbooks exist yet. Amsterdam's vaststelling
 * is then judged by one reviewer, refused to her under another spelling of her name, and fixed by a second.
 */
final class VerantwoordingDemo {
    private record Cycle(String map, String naam) {}

    private static final List<Cycle> CYCLES = List.of(new Cycle("amsterdam", "Amsterdam"), new Cycle("arnhem-laat", "Arnhem"));

    private VerantwoordingDemo() {}

    static void run(Path root, Path outDir, PrintStream out) throws IOException {
        Path fixtures = root.resolve("test-fixtures/verantwoording");
        if (!Files.isDirectory(fixtures)) {
            out.println();
            out.println("Verantwoording: de SiSa-voorbeelden ontbreken in " + fixtures + "; overgeslagen.");
            return;
        }
        Path storeRoot = outDir.resolve("cyclus");
        FileSystemDossierStore store = new FileSystemDossierStore(storeRoot);
        DossierService service = new DossierService(store);
        SummaryTable table = new SummaryTable(List.of("gemeente", "stap", "kenmerk", "status", "uitvoer"),
                false, false, false, false, false);
        Path cwd = Path.of("").toAbsolutePath();
        for (Cycle c : CYCLES) {
            Path dir = fixtures.resolve(c.map());
            DossierJson.Dossier d = DossierJson.read(dir);
            recordVerlening(store, d);
            for (DossierJson.Levering l : d.verantwoordingen()) {
                Receipt r = new Receipt(l.bestand(), d.gemeente(), Instant.parse(l.ontvangen() + "T08:00:00Z"),
                        "demo-" + l.bestand(), "gemeente-" + d.gemeente());
                DossierService.Intake in = service.ontvang(r, Files.readAllBytes(dir.resolve(l.bestand())));
                DossierState s = service.state(d.gemeente());
                DossierState.VerantwoordingZaak z = s.verantwoordingen().stream()
                        .filter(x -> x.sha256().equals(in.sha256())).findFirst().orElseThrow();
                table.add(List.of(c.naam(), "verantwoording " + z.verslagjaar() + " (ontvangen " + l.ontvangen() + ")",
                        z.kenmerk(), z.status(), shown(cwd, storeRoot.resolve(EventKeys.view(d.gemeente(), z.kenmerk(), z.versie())))));
            }
            DossierState.VaststellingZaak v = service.state(d.gemeente()).vaststelling();
            if (v != null && c.map().equals("amsterdam")) {
                table.add(vaststellingRow(c, store, storeRoot, cwd, v));
                v = judgeAndFix(service, d.gemeente(), c, table, folder -> shown(cwd, storeRoot.resolve(folder)));
            }
            if (v != null) {
                table.add(vaststellingRow(c, store, storeRoot, cwd, v));
            }
        }
        out.println();
        out.println("Verantwoording en vaststelling (verlening uit test-fixtures/verantwoording, vastgelegd als door een tweede beoordelaar):");
        table.print(out);
    }

    private static List<String> vaststellingRow(Cycle c, DossierStore store, Path storeRoot, Path cwd,
                                                DossierState.VaststellingZaak v) throws IOException {
        String cbs = v.kenmerk().substring(v.kenmerk().indexOf("GM"), v.kenmerk().indexOf("GM") + 6);
        byte[] json = store.read(EventKeys.view(cbs, v.kenmerk(), v.versie()) + "vaststelling.json").orElseThrow();
        var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        String soort = node.path("ambtshalve").asBoolean() ? "ambtshalve vaststelling" : "vaststelling";
        return List.of(c.naam(), soort + ", terug te vorderen "
                + nl.kansrijkewijk.money.Money.format(new BigDecimal(node.path("totaalTerugTeVorderen").asText())), v.kenmerk(),
                v.status(), shown(cwd, storeRoot.resolve(EventKeys.view(cbs, v.kenmerk(), v.versie()))));
    }

    /**
     * Amsterdam's vaststelling judged and fixed as a reviewer would: the beoordeling of
     * {@code demo/beoordeling-vaststelling-amsterdam.yaml} (one waarschuwing turned into a refusal, one info accepted,
     * a paragraph of motivering), the same reviewer's attempt to fix it refused (four eyes, her name in another
     * spelling), and a second reviewer's vaststelling. Fixed moments, so a rerun gives the same bytes.
     */
    private static DossierState.VaststellingZaak judgeAndFix(DossierService service, String cbs, Cycle c, SummaryTable table,
                                                             java.util.function.Function<String, String> shown) {
        String kenmerk = service.vaststellingKenmerk(cbs);
        Beoordeling b = BeoordelingFile.read(resource("beoordeling-vaststelling-amsterdam.yaml"))
                .withDefaults(kenmerk, null, null).resolve(service.bevindingen(cbs, kenmerk));
        service.beoordeel(cbs, b, Instant.parse("2026-07-01T09:00:00Z"));
        DossierState.VaststellingZaak judged = service.state(cbs).vaststelling();
        table.add(List.of(c.naam(), "beoordeling door " + b.door().naam(), kenmerk, judged.status(),
                shown.apply(EventKeys.view(cbs, kenmerk, judged.versie()))));
        String same = "Á. (anouk) JANSEN";
        try {
            service.stelVaststellingVast(cbs, new Beoordeling.Reviewer(same, "vaststeller"), LocalDate.of(2026, 7, 2),
                    Instant.parse("2026-07-02T09:00:00Z"));
            throw new IllegalStateException("four eyes let the beoordelaar fix her own vaststelling");
        } catch (DossierException e) {
            table.add(List.of(c.naam(), "vaststelling door \"" + same + "\": geweigerd (vier ogen)", kenmerk,
                    service.state(cbs).vaststelling().status(), ""));
        }
        service.stelVaststellingVast(cbs, new Beoordeling.Reviewer("B. (Bram) de Groot", "senior beoordelaar"),
                LocalDate.of(2026, 7, 3), Instant.parse("2026-07-03T09:00:00Z"));
        return service.state(cbs).vaststelling();
    }

    private static byte[] resource(String name) {
        try (java.io.InputStream in = VerantwoordingDemo.class.getResourceAsStream("/demo/" + name)) {
            if (in == null) {
                throw new IllegalStateException("demo resource missing: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String shown(Path cwd, Path folder) {
        return (folder.startsWith(cwd) ? cwd.relativize(folder).toString() : folder.toString()) + "/";
    }

    /** The fixture's verlening as the dossier records one fixed by a second reviewer (fixed time: same bytes). */
    private static void recordVerlening(DossierStore store, DossierJson.Dossier d) {
        FolderDossierVerlening.record(store, d, Instant.parse("2023-10-20T09:00:00Z"), LocalDate.of(2023, 10, 20),
                new Beoordeling.Reviewer("A. (Anouk) Jansen", "beoordelaar"),
                new Beoordeling.Reviewer("B. (Bram) de Groot", "senior beoordelaar"));
    }
}
