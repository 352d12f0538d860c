package nl.kansrijkewijk.local;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.nio.file.Files;
import nl.kansrijkewijk.form.BlankForms;
import nl.kansrijkewijk.regeling.RegelingCatalogus;
import nl.kansrijkewijk.sisa.SisaConfigLoader;
import nl.kansrijkewijk.sisa.VerantwoordingWorkbook;

/**
 * {@code ./kw form [DIR]}: writes the blank aanvraagformulier (PDF and XLSX) that gemeenten fill in, and the blank
 * SiSa verantwoording workbook per verslagjaar.
 */
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
            // the SiSa bijlage per verslagjaar (art. 14), beside the aanvraagformulier
            for (var e : VerantwoordingWorkbook.blanks(SisaConfigLoader.standard(),
                    RegelingCatalogus.standard().first()).entrySet()) {
                Path written = dir.resolve(e.getKey());
                Files.write(written, e.getValue());
                out.println("geschreven: " + written);
            }
            return 0;
        } catch (IOException e) {
            err.println("Kan het formulier niet schrijven in " + dir + ": " + e.getMessage());
            return 1;
        }
    }
}
