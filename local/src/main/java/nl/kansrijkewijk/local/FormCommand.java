package nl.kansrijkewijk.local;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** {@code ./kw form [DIR]}: writes the blank aanvraagformulier (PDF and XLSX). */
final class FormCommand {
    private FormCommand() {}

    static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.size() > 1) {
            err.println("Gebruik: ./kw form [MAP]");
            return 2;
        }
        Path dir = Path.of(args.isEmpty() ? "." : args.get(0)).toAbsolutePath().normalize();
        // TODO(merge): nl.kansrijkewijk.form.BlankForms.writeTo(dir); then print the written files and return 0.
        err.println("Het lege aanvraagformulier is in deze versie nog niet beschikbaar (zou in " + dir + " komen).");
        return 1;
    }
}
