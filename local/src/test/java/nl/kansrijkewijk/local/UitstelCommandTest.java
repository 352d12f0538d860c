package nl.kansrijkewijk.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeMap;
import nl.kansrijkewijk.dossier.Beoordeling;
import nl.kansrijkewijk.dossier.DossierEvent;
import nl.kansrijkewijk.dossier.DossierService;
import nl.kansrijkewijk.dossier.EventCodec;
import nl.kansrijkewijk.dossier.EventKeys;
import nl.kansrijkewijk.dossier.FileSystemDossierStore;
import nl.kansrijkewijk.provenance.Provenance;
import nl.kansrijkewijk.regeling.RegelingCatalogus;
import nl.kansrijkewijk.verantwoording.VerantwoordingContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ./kw uitstel: the art. 11(3) acts recorded in a dossier folder, and the Dutch answers to bad input. */
class UitstelCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path dir;

    /** A dossier with Amsterdam's verlening fixed (the uitstel belongs to a gemeente with a dossier). */
    @BeforeEach
    void verlening() {
        var perJaar = new TreeMap<Integer, BigDecimal>();
        perJaar.put(2023, new BigDecimal("1000000.00"));
        DossierEvent.VerleningVastgesteld v = new DossierEvent.VerleningVastgesteld("GM0363", "KW-2023-GM0363-V",
                Instant.parse("2023-10-20T09:00:00Z"), LocalDate.of(2023, 10, 20), null, List.of(),
                List.of(new Beoordeling.Reviewer("A. Jansen", "beoordelaar")), new Beoordeling.Reviewer("B. de Groot", null),
                List.of(new DossierEvent.VerleendBedrag("ORG", null, new BigDecimal("1000000.00"), perJaar, perJaar)),
                new BigDecimal("1000000.00"), new BigDecimal("1000000.00"),
                Provenance.of(RegelingCatalogus.standard().first(), null));
        new FileSystemDossierStore(dir).putIfAbsent(EventKeys.event(v), EventCodec.bytes(v));
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        return UitstelCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private VerantwoordingContext.Uitstel uitstel() {
        return new DossierService(new FileSystemDossierStore(dir)).state("GM0363").uitstel();
    }

    @Test
    void badInputGetsADutchAnswerAndRecordsNothing() throws Exception {
        String d = dir.toString();
        assertEquals(2, run("--dossier", d, "verzocht", "--datum", "15-09-2025", "--door", "E. Smit"));
        assertTrue(err().contains("Vermeld de gemeente"), err());
        assertEquals(2, run("--dossier", d, "--gemeente", "GM0363", "verzocht", "--datum"));
        assertTrue(err().contains("mist haar waarde"), err());
        assertEquals(2, run("--dossier", d, "--gemeente", "GM0363", "verzocht", "--snel"));
        assertTrue(err().contains("onbekende optie --snel"), err());
        assertEquals(1, run("--dossier", d, "--gemeente", "GM0363", "--datum", "15-09-2025", "--door", "E. Smit"));
        assertTrue(err().contains("verzocht, verleend of geweigerd"), err());
        assertEquals(1, run("--dossier", d, "--gemeente", "GM0363", "misschien", "--datum", "15-09-2025", "--door", "E. Smit"));
        assertTrue(err().contains("Onbekende handeling 'misschien'"), err());
        assertEquals(1, run("--dossier", d, "--gemeente", "GM0363", "verzocht", "--door", "E. Smit"));
        assertTrue(err().contains("Vermeld de datum van het verzoek"), err());
        assertEquals(1, run("--dossier", d, "--gemeente", "GM0363", "verzocht", "--datum", "31-02-2025", "--door", "E. Smit"));
        assertTrue(err().contains("'31-02-2025' is geen datum"), err());
        assertEquals(1, run("--dossier", d, "--gemeente", "GM0363", "verzocht", "--datum", "15-09-2025"));
        assertTrue(err().contains("--door NAAM"), err());
        assertEquals(1, run("--dossier", d, "--gemeente", "GM0363", "verleend", "--datum", "20-10-2025", "--door", "E. Smit"));
        assertTrue(err().contains("tot wanneer het uitstel is verleend"), err());
        // The bestedingstermijn ends 31 December 2025 (art. 11(2)): an end on or before it is no uitstel.
        assertEquals(1, run("--dossier", d, "--gemeente", "GM0363", "verleend", "--datum", "20-10-2025", "--tot", "31-12-2025",
                "--door", "E. Smit"));
        assertTrue(err().contains("is geen uitstel"), err());
        assertEquals(1, run("--dossier", d, "--gemeente", "GM0363", "geweigerd", "--datum", "20-10-2025", "--tot", "31-12-2026",
                "--door", "E. Smit"));
        assertTrue(err().contains("--tot hoort alleen bij 'verleend'"), err());
        assertEquals(1, run("--dossier", d, "--gemeente", "GM0599", "verzocht", "--datum", "15-09-2025", "--door", "E. Smit"));
        assertTrue(err().contains("bevat niets van GM0599"), err());
        assertEquals(1, run("--dossier", d, "--gemeente", "GM0363", "--bestand", dir.resolve("geen.yaml").toString()));
        assertTrue(err().contains("bestaat niet"), err());
        assertNull(uitstel(), "nothing recorded");
    }

    @Test
    void theRequestAndTheDecisionAreRecordedOnTheirDates() throws Exception {
        String d = dir.toString();
        assertEquals(0, run("--dossier", d, "--gemeente", "gm0363", "verzocht", "--datum", "15-09-2025", "--door", "E. Smit"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("Uitstel verzocht op 15 september 2025 vastgelegd"),
                out.toString(StandardCharsets.UTF_8));
        assertEquals(0, run("--dossier", d, "--gemeente", "GM0363", "verzocht", "--datum", "15-09-2025", "--door", "E. Smit"));
        DossierService service = new DossierService(new FileSystemDossierStore(dir));
        List<DossierEvent.UitstelVastgelegd> acts = service.events("GM0363").stream()
                .filter(e -> e instanceof DossierEvent.UitstelVastgelegd).map(e -> (DossierEvent.UitstelVastgelegd) e).toList();
        assertEquals(1, acts.size(), "the same act typed twice is recorded once");
        // Noon in Amsterdam on 15 September 2025 (CEST, UTC+2).
        assertEquals(Instant.parse("2025-09-15T10:00:00Z"), acts.get(0).at());

        Path yaml = dir.resolve("uitstel.yaml");
        Files.writeString(yaml, "handeling: verleend\ndatum: 20-10-2025\ntot: 31-12-2026\ndoor: {naam: \"B. de Groot\", rol: senior}\n");
        assertEquals(0, run("--dossier", d, "--gemeente", "GM0363", "--bestand", yaml.toString()));
        VerantwoordingContext.Uitstel u = uitstel();
        assertEquals(LocalDate.of(2025, 9, 15), u.verzochtOp());
        assertEquals(LocalDate.of(2025, 10, 20), u.beslotenOp());
        assertEquals(Boolean.TRUE, u.verleend());
        assertEquals(LocalDate.of(2026, 12, 31), u.verleendTot());

        // Beyond what art. 11(3) allows: recorded as decided, with the note that the check caps it.
        assertEquals(0, run("--dossier", d, "--gemeente", "GM0363", "verleend", "--datum", "21-10-2025", "--tot", "30-06-2027",
                "--door", "B. de Groot"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("uiterlijk 31 december 2026"), out.toString(StandardCharsets.UTF_8));
        assertEquals(LocalDate.of(2027, 6, 30), uitstel().verleendTot());
    }
}
