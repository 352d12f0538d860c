package nl.kansrijkewijk.local;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import nl.kansrijkewijk.finding.Finding;
import nl.kansrijkewijk.finding.Severity;
import nl.kansrijkewijk.money.DutchDates;
import nl.kansrijkewijk.money.Money;
import nl.kansrijkewijk.processing.OutputNames;
import nl.kansrijkewijk.processing.VerantwoordingProcessor;
import nl.kansrijkewijk.regeling.RegelingCatalogus;
import nl.kansrijkewijk.sisa.SisaConfigLoader;
import nl.kansrijkewijk.verantwoording.DossierJson;
import nl.kansrijkewijk.verantwoording.Vaststelling;

/**
 * {@code ./kw check FILE --dossier DIR [--ontvangen JJJJ-MM-DD] [--json] [--out MAP]}: one SiSa verantwoording judged
 * against a dossier directory (dossier.json, schema in README.md). The verantwoordingen the dossier lists before FILE
 * are read from DIR; the date of receipt is --ontvangen, else the dossier's entry for FILE. When FILE is the
 * verantwoording over the last year, the vaststelling follows. Exit code 0 when plausible, 1 when niet plausibel,
 * 2 for usage errors.
 */
final class VerantwoordingCheckCommand {
    private VerantwoordingCheckCommand() {}

    static int run(List<String> args, PrintStream out, PrintStream err) {
        String file = null;
        Path dossier = null;
        Path outDir = null;
        LocalDate ontvangen = null;
        boolean json = false;
        try {
            for (int i = 0; i < args.size(); i++) {
                switch (args.get(i)) {
                    case "--dossier" -> dossier = Path.of(args.get(++i));
                    case "--out" -> outDir = Path.of(args.get(++i));
                    case "--ontvangen" -> ontvangen = LocalDate.parse(args.get(++i));
                    case "--json" -> json = true;
                    default -> {
                        if (file != null || args.get(i).startsWith("-")) {
                            throw new IllegalArgumentException(args.get(i));
                        }
                        file = args.get(i);
                    }
                }
            }
        } catch (IndexOutOfBoundsException | IllegalArgumentException | DateTimeParseException e) {
            file = null;
        }
        if (file == null || dossier == null) {
            err.println("Gebruik: ./kw check BESTAND --dossier MAP [--ontvangen JJJJ-MM-DD] [--json] [--out MAP]");
            return 2;
        }
        Path path = Path.of(file);
        byte[] content;
        try {
            content = Files.readAllBytes(path);
        } catch (java.nio.file.NoSuchFileException e) {
            err.println("Het bestand '" + path + "' bestaat niet.");
            return 2;
        } catch (IOException e) {
            err.println("Kan '" + path + "' niet lezen (" + e.getClass().getSimpleName() + ").");
            return 2;
        }
        String name = path.getFileName().toString();
        DossierJson.Loaded loaded;
        try {
            loaded = DossierJson.context(dossier, name, RegelingCatalogus.standard().first(), SisaConfigLoader.standard());
        } catch (IllegalArgumentException | IOException e) {
            err.println("Het dossier in '" + dossier + "' is niet te gebruiken: " + e.getMessage());
            return 2;
        }
        LocalDate received = ontvangen != null ? ontvangen : loaded.currentReceived();
        VerantwoordingProcessor.Result r = new VerantwoordingProcessor().process(name, content, received,
                loaded.context());
        if (outDir != null) {
            try {
                Files.createDirectories(outDir);
                for (Map.Entry<String, byte[]> e : r.outputs().entrySet()) {
                    Files.write(outDir.resolve(e.getKey()), e.getValue());
                }
            } catch (IOException e) {
                err.println("Kan de uitvoer niet schrijven in " + outDir + ": " + e.getMessage());
                return 2;
            }
        }
        if (json) {
            byte[] b = r.outputs().getOrDefault(VerantwoordingProcessor.VERANTWOORDING_JSON,
                    r.outputs().get(OutputNames.FOUT_JSON));
            out.print(new String(b, StandardCharsets.UTF_8));
        } else {
            out.print(text(r));
        }
        out.flush();
        return r.plausibel() ? 0 : 1;
    }

    static String text(VerantwoordingProcessor.Result r) {
        StringBuilder b = new StringBuilder();
        if (!r.plausibel()) {
            b.append("Verantwoording ").append(r.documentName()).append(": NIET PLAUSIBEL\n\n")
                    .append(r.nietPlausibel()).append("\nEr is niets in het dossier vastgelegd.\n");
            return b.toString();
        }
        var v = r.verantwoording();
        b.append("Verantwoording ").append(r.documentName()).append(" — gemeente ").append(v.gemeente()).append(" (")
                .append(v.cbsCode()).append("), verslagjaar ").append(v.verslagjaar())
                .append(v.correctie() ? ", correctie" : "").append(", ontvangen ")
                .append(r.ontvangen() == null ? "onbekend (geef --ontvangen)" : DutchDates.format(r.ontvangen()))
                .append('\n');
        b.append("Bevindingen: ").append(r.count(Severity.AFWIJZING)).append(" afwijzing(en), ")
                .append(r.count(Severity.WAARSCHUWING)).append(" waarschuwing(en), ").append(r.count(Severity.INFO))
                .append(" info\n\n");
        findings(b, r.findings());
        Vaststelling s = r.vaststelling();
        if (s != null) {
            b.append("\n").append(s.ambtshalve() ? "Ambtshalve vaststelling " : "Vaststelling ").append(s.kenmerk())
                    .append(" (concept; uiterlijk ").append(DutchDates.format(s.vaststellingUiterlijk())).append(")\n");
            b.append(String.format("  %-40s %15s %15s %15s %15s %15s%n", "onderdeel", "verleend", "uitbetaald",
                    "besteed", "vastgesteld", "terug"));
            for (Vaststelling.Regel g : s.regels()) {
                b.append(String.format("  %-40s %15s %15s %15s %15s %15s%n",
                        g.onderdeel() + (g.focusgebied() == null ? "" : " " + g.focusgebied()), Money.format(g.verleend()),
                        Money.format(g.uitbetaald()), Money.format(g.besteed()), Money.format(g.vastgesteld()),
                        Money.format(g.terugTeVorderen())));
            }
            b.append(String.format("  %-40s %15s %15s %15s %15s %15s%n", "totaal", Money.format(s.totaalVerleend()),
                    Money.format(s.totaalUitbetaald()), Money.format(s.totaalBesteed()),
                    Money.format(s.totaalVastgesteld()), Money.format(s.totaalTerugTeVorderen())));
            findings(b, s.findings());
        }
        return b.toString();
    }

    private static void findings(StringBuilder b, List<Finding> findings) {
        for (Finding f : findings) {
            b.append("  [").append(f.severity().label()).append("] ").append(f.rule()).append(" (").append(f.article())
                    .append(")\n    ").append(f.message()).append('\n');
            if (f.location() != null) {
                b.append("    plaats: ").append(f.location().describe()).append('\n');
            }
            if (f.trail() != null) {
                f.trail().computation().forEach(c -> b.append("    · ").append(c).append('\n'));
            }
        }
    }
}
