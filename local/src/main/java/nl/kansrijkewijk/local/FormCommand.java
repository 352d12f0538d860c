package nl.kansrijkewijk.local;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import nl.kansrijkewijk.form.BlankForms;

/** {@code ./kw form [DIR]}: writes the blank aanvraagformulier (PDF and XLSX) that gemeenten fill in. */
final class FormCommand {
    private FormCommand() {}

    static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.size() > 1) {
            err.println("Gebruik: ./kw form [MAP]");
            return 2;
        }
        Path dir = Path.of(args.isEmpty() ? "." : args.get(0)).toAbsolutePath().normalize();
        try {
            for (Path written : BlankForms.writeTo(dir)) {
                out.println("geschreven: " + written);
            }
            return 0;
        } catch (IOException e) {
            err.println("Kan het formulier niet schrijven in " + dir + ": " + e.getMessage());
            return 1;
        }
    }
}
