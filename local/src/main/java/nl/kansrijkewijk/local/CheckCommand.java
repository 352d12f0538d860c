package nl.kansrijkewijk.local;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code ./kw check FILE [--json]}: reads one aanvraagformulier and prints findings and the decision outline.
 * PLACEHOLDER: the real command is written by the lead; only the dispatch from {@link Kw} is final.
 */
final class CheckCommand {
    private CheckCommand() {}

    static int run(Path root, List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || args.size() > 2 || (args.size() == 2 && !args.contains("--json"))) {
            err.println("Gebruik: ./kw check BESTAND [--json]");
            return 2;
        }
        err.println("./kw check is nog niet beschikbaar in deze versie.");
        return 1;
    }
}
