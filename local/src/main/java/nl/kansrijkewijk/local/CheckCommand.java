package nl.kansrijkewijk.local;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nl.kansrijkewijk.processing.AanvraagProcessor;
import nl.kansrijkewijk.processing.CheckReport;
import nl.kansrijkewijk.processing.Evaluation;
import nl.kansrijkewijk.processing.Json;
import nl.kansrijkewijk.processing.TextReport;

/**
 * {@code ./kw check FILE [--json]}: reads one aanvraagformulier without any S3 and prints the findings and the
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
        List<String> files = args.stream().filter(a -> !a.equals("--json")).toList();
        if (files.size() != 1 || files.get(0).startsWith("-")) {
            err.println("Gebruik: ./kw check BESTAND [--json]");
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
        Evaluation e = new AanvraagProcessor().evaluate(file.getFileName().toString(), content);
        if (json) {
            out.print(new String(Json.bytes(CheckReport.of(e)), StandardCharsets.UTF_8));
        } else {
            out.print(TextReport.render(e));
        }
        out.flush();
        return e.readable() ? 0 : 1;
    }
}
