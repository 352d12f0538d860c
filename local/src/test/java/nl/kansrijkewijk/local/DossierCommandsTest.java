package nl.kansrijkewijk.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ./kw beoordeel and ./kw vaststel: usage and Dutch errors (the acts themselves are tested in the core). */
class DossierCommandsTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) throws Exception {
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        List<String> rest = List.of(args).subList(1, args.length);
        return args[0].equals("beoordeel") ? DossierCommands.beoordeel(rest, o, e) : DossierCommands.vaststel(rest, o, e);
    }

    @Test
    void missingGemeenteOrValueIsAUsageError(@TempDir Path dir) throws Exception {
        assertEquals(2, run("beoordeel", "--dossier", dir.toString(), "--lijst"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--gemeente"));
        assertEquals(2, run("beoordeel", "--gemeente", "GM0363", "--bevinding", "X", "afwijzen"));
        assertEquals(2, run("beoordeel", "--gemeente", "GM0363", "--bevinding", "X", "misschien"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("onbekend oordeel 'misschien'"));
        assertEquals(2, run("vaststel", "--dossier", dir.toString(), "--gemeente", "GM0363"));
    }

    @Test
    void anEmptyDossierSaysWhatIsMissing(@TempDir Path dir) throws Exception {
        assertEquals(1, run("beoordeel", "--dossier", dir.toString(), "--gemeente", "gm0363", "--lijst"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("bevat geen aanvraag van GM0363"), err.toString(StandardCharsets.UTF_8));
        assertEquals(1, run("vaststel", "--dossier", dir.toString(), "--gemeente", "GM0363", "--door", "B. de Groot",
                "--kenmerk", "KW-2023-GM0363-V"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("geen zaak met kenmerk"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theVaststellingFlagNamesTheDossiersVaststelling(@TempDir Path dir) throws Exception {
        assertEquals(1, run("beoordeel", "--vaststelling", "--dossier", dir.toString(), "--gemeente", "GM0363", "--lijst"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("GM0363 heeft nog geen concept-vaststelling (KW-2023-GM0363-S)"),
                err.toString(StandardCharsets.UTF_8));
        assertEquals(1, run("vaststel", "--vaststelling", "--dossier", dir.toString(), "--gemeente", "GM0363", "--door", "B. de Groot"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("heeft nog geen concept-vaststelling"), err.toString(StandardCharsets.UTF_8));
        assertEquals(1, run("vaststel", "--vaststelling", "--kenmerk", "KW-2023-GM0363-V", "--dossier", dir.toString(),
                "--gemeente", "GM0363", "--door", "B. de Groot"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--vaststelling gaat over KW-2023-GM0363-S"), err.toString(StandardCharsets.UTF_8));
    }
}
