package nl.kansrijkewijk.local;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.kansrijkewijk.money.DutchDates;
import nl.kansrijkewijk.processing.Receipt;
import nl.kansrijkewijk.processing.AanvraagProcessor;
import nl.kansrijkewijk.processing.CheckReport;
import nl.kansrijkewijk.processing.Evaluation;
import nl.kansrijkewijk.processing.Json;
import nl.kansrijkewijk.processing.TextReport;

/**
 * {@code ./kw check FILE [--json] [--ontvangen DATE]}: reads one aanvraagformulier without any S3 and prints the findings and the
 * decision outline; {@code --json} prints the same document as bevindingen.json (schema in README.md).
 * Exit code 0 when the document was read (whatever the findings), 1 when it is unreadable, 2 for usage errors.
 */
final class CheckCommand {
    private CheckCommand() {}

    static int run(Path root, List<String> args, PrintStream out, PrintStream err) {
        if (args.contains("--dossier")) {
            return VerantwoordingCheckCommand.run(args, out, err);
        }
        boolean json = args.contains("--json");
        LocalDate received = null;
        List<String> files = new java.util.ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--json")) {
                continue;
            }
            if (a.equals("--ontvangen") || a.startsWith("--ontvangen=")) {
                String v = a.contains("=") ? a.substring(a.indexOf('=') + 1) : i + 1 < args.size() ? args.get(++i) : "";
                try {
                    received = DutchDates.parse(v).orElseThrow(() -> new IllegalArgumentException("'' is geen datum"));
                } catch (IllegalArgumentException e) {
                    err.println("--ontvangen: " + e.getMessage());
                    return 2;
                }
                continue;
            }
            files.add(a);
        }
        if (files.size() != 1 || files.get(0).startsWith("-")) {
            err.println("Gebruik: ./kw check BESTAND [--json] [--ontvangen DATUM]");
            return 2;
        }
        Path file = Path.of(files.get(0));
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (java.nio.file.NoSuchFileException e) {
            err.println("Het bestand '" + file + "' bestaat niet.");
            return 2;
        } catch (IOException e) {
            err.println("Kan '" + file + "' niet lezen (" + e.getClass().getSimpleName() + ").");
            return 2;
        }
        // Without --ontvangen the date typed on the form decides timeliness; the report says so.
        Instant at = received == null ? null : received.atTime(12, 0).atZone(Receipt.AMSTERDAM).toInstant();
        Evaluation e = new AanvraagProcessor().evaluate(content,
                new Receipt(file.getFileName().toString(), null, at, null, null));
        if (json) {
            out.print(new String(Json.bytes(CheckReport.of(e)), StandardCharsets.UTF_8));
        } else {
            out.print(TextReport.render(e));
        }
        out.flush();
        return e.readable() ? 0 : 1;
    }
}
