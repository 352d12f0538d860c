package nl.kansrijkewijk.hostile;

import java.nio.file.Files;
import java.nio.file.Path;
import nl.kansrijkewijk.reader.AanvraagReader;

/** Reads one file (or a generated kind) once and prints the outcome and wall time; for measuring in a child JVM. */
public final class Measure {
    public static void main(String[] args) throws Exception {
        byte[] content = switch (args[0]) {
            case "rows2000" -> HostileFiles.xlsxWithActivityRows(2000);
            case "hidden" -> HostileFiles.xlsxWithBigHiddenSheet(Integer.parseInt(args[1]));
            case "bomb" -> HostileFiles.pdfInflateBomb(Long.parseLong(args[1]));
            case "streamed" -> HostileFiles.xlsxStreamed();
            default -> Files.readAllBytes(Path.of(args[0]));
        };
        if (args.length > 2) {
            Files.write(Path.of(args[2]), content);
        }
        System.gc();
        long t0 = System.nanoTime();
        String outcome;
        try {
            var r = AanvraagReader.read(args[0], content);
            outcome = "read " + r.aanvraag().activities().size() + " activities";
        } catch (Exception e) {
            outcome = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        System.out.println("size=" + content.length + " ms=" + (System.nanoTime() - t0) / 1_000_000 + " " + outcome);
    }
}
