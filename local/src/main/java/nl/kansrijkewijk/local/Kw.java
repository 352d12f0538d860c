package nl.kansrijkewijk.local;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The ./kw command: {@code Kw --root <repository> <subcommand> [arguments]}. */
public final class Kw {
    private static final Logger LOG = LoggerFactory.getLogger(Kw.class);

    static final String USAGE = """
            Gebruik: ./kw OPDRACHT [OPTIES]

              check BESTAND [--json]   lees één aanvraagformulier (PDF of XLSX) en toon de bevindingen
              check BESTAND --dossier MAP [--ontvangen JJJJ-MM-DD] [--json] [--out MAP]
                                       toets een SiSa-verantwoording aan het dossier (dossier.json in MAP);
                                       na het laatste jaar volgt de vaststelling
              demo [--out MAP]         verwerk alle voorbeeldformulieren via lokale S3 en de Lambda-handler
                                       (uitvoer standaard in ./out)
              serve [--port POORT] [--portal-port POORT]
                                       houd lokale S3 draaiende op 127.0.0.1:4566, verwerk elke upload
                                       naar s3://kw-uploads/inbox/ (sleutel test, geheim test) en start
                                       het portaal (uploadpagina en werkvoorraad)
              beoordeel --gemeente GM… …   leg het oordeel van een beoordelaar vast in het dossier (zie --help)
              vaststel --gemeente GM… --door NAAM   stel de verlening vast (vier ogen: een tweede beoordelaar)
              beoordeel|vaststel --vaststelling …   hetzelfde voor de vaststelling van de uitkering (artikel 15)
              uitstel --gemeente GM… verzocht|verleend|geweigerd --datum DD-MM-JJJJ --door NAAM
                                       leg een verzoek om uitstel of het besluit daarop vast (artikel 11,
                                       derde lid; zie ./kw uitstel --help)
              form [MAP]               schrijf het lege aanvraagformulier (PDF en XLSX) en de lege
                                       SiSa-verantwoordingsbijlage per verslagjaar (XLSX)
              measure                  meet tijd en geheugen per voorbeeldformulier (voor de Lambda-instellingen)
              bench [--quick]          koude start tegen de ondergrens, warme tijden, kleinste heap, jar-grootte
                                       (name=value-regels; --train-archive bouwt het class-data-archief)
            """;

    private Kw() {}

    private static int usage(PrintStream out) {
        out.print(DossierCommands.USAGE);
        return 0;
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        System.out.flush();
        System.exit(code);
    }

    static int run(String[] argv, PrintStream out, PrintStream err) {
        List<String> args = new ArrayList<>(List.of(argv));
        Path root = Path.of("").toAbsolutePath();
        if (args.size() >= 2 && args.get(0).equals("--root")) {
            root = Path.of(args.get(1)).toAbsolutePath().normalize();
            args = args.subList(2, args.size());
        }
        if (args.isEmpty()) {
            err.print(USAGE);
            return 2;
        }
        String command = args.get(0);
        List<String> rest = List.copyOf(args.subList(1, args.size()));
        try {
            return switch (command) {
                case "demo" -> new DemoCommand(root, Processors.standard(), out, err).run(rest);
                case "serve" -> new ServeCommand(root, Processors.standard(), out, err).run(rest);
                case "bench" -> new BenchCommand(root, out, err).run(rest);
                case "measure" -> new MeasureCommand(root, Processors.standard(), out, err).run(rest);
                case "form" -> FormCommand.run(rest, out, err);
                case "beoordeel" -> rest.contains("--help") ? usage(out) : DossierCommands.beoordeel(rest, out, err);
                case "vaststel" -> rest.contains("--help") ? usage(out) : DossierCommands.vaststel(rest, out, err);
                case "uitstel" -> {
                    if (rest.contains("--help")) {
                        out.print(UitstelCommand.USAGE);
                        yield 0;
                    }
                    yield UitstelCommand.run(rest, out, err);
                }
                case "check" -> CheckCommand.run(root, rest, out, err);
                case "help", "-h", "--help" -> {
                    out.print(USAGE);
                    yield 0;
                }
                default -> {
                    err.println("Onbekende opdracht: " + command);
                    err.print(USAGE);
                    yield 2;
                }
            };
        } catch (Exception e) {
            // The user gets one Dutch line; the technical detail goes to the log.
            LOG.error("{} failed: {}", command, e.toString());
            LOG.debug("{} failed", command, e);
            err.println("./kw " + command + " is mislukt: " + e.getMessage());
            return 1;
        }
    }
}
