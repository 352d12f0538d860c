package nl.kansrijkewijk.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class KwTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int kw(String... args) {
        return Kw.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anUnknownSubcommandPrintsTheDutchUsageAndExitsWithTwo() {
        assertEquals(2, kw("--root", ".", "verwerk"));
        assertTrue(err().startsWith("Onbekende opdracht: verwerk\nGebruik: ./kw OPDRACHT"), err());
        assertTrue(err().contains("demo [--out MAP]"));
    }

    @Test
    void noSubcommandIsAUsageErrorAndHelpIsNot() {
        assertEquals(2, kw("--root", "."));
        assertTrue(err().startsWith("Gebruik: ./kw"));
        assertEquals(0, kw("help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("Gebruik: ./kw"));
    }

    @Test
    void badOptionsOfASubcommandAreUsageErrors() {
        assertEquals(2, kw("demo", "--uit", "x"));
        assertTrue(err().contains("Gebruik: ./kw demo [--out MAP]"), err());
        assertEquals(2, kw("serve", "--port", "vier"));
        assertEquals(2, kw("check"));
    }

    @Test
    void checkOfAMissingFileSaysSoInDutch() {
        assertEquals(2, kw("check", "bestaat-niet.pdf", "--json"));
        assertTrue(err().contains("Het bestand 'bestaat-niet.pdf' bestaat niet."), err());
    }
}
