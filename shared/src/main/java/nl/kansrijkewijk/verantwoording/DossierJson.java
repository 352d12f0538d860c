package nl.kansrijkewijk.verantwoording;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.kansrijkewijk.regeling.Regeling;
import nl.kansrijkewijk.sisa.NietPlausibelException;
import nl.kansrijkewijk.sisa.SisaConfig;
import nl.kansrijkewijk.sisa.Verantwoording;
import nl.kansrijkewijk.sisa.VerantwoordingReader;
import nl.kansrijkewijk.verantwoording.VerantwoordingContext.Ontvangst;
import nl.kansrijkewijk.verantwoording.VerantwoordingContext.Toekenning;
import nl.kansrijkewijk.verantwoording.VerantwoordingContext.Uitstel;

/**
 * A dossier as a directory, until the dossier module provides one: {@code dossier.json} (schema {@code kw-dossier/1},
 * see README) plus the workbooks of the verantwoordingen it lists, read with the same reader as an upload.
 */
public final class DossierJson {
    public static final String FILE = "dossier.json";
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private DossierJson() {}

    public record Dossier(String schema, String gemeente, List<String> verleningKenmerken, List<Groep> toekenningen,
            List<Levering> verantwoordingen, Uitstel uitstel) {}

    public record Groep(String onderdeel, String focusgebied, BigDecimal verleend, Map<Integer, BigDecimal> uitbetaald) {}

    /** A verantwoording already received: its workbook in the dossier directory and the date of receipt. */
    public record Levering(String bestand, LocalDate ontvangen) {}

    public static Dossier read(Path dir) throws IOException {
        try {
            Dossier d = JSON.readValue(dir.resolve(FILE).toFile(), Dossier.class);
            if (!"kw-dossier/1".equals(d.schema())) {
                throw new IllegalArgumentException(FILE + " heeft niet het schema kw-dossier/1");
            }
            return d;
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new IllegalArgumentException("In " + dir + " staat geen " + FILE + ".");
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IllegalArgumentException(FILE + " in " + dir + " is niet te lezen: " + e.getOriginalMessage());
        }
    }

    /**
     * The context for judging {@code current}: the verantwoordingen the dossier lists before the entry for that file
     * (all of them when the file is not listed).
     *
     * @return the context and the receipt date the dossier gives the current file (null when not listed)
     */
    public static Loaded context(Path dir, String current, Regeling regeling, SisaConfig config) throws IOException {
        Dossier d = read(dir);
        List<Toekenning> ts = new ArrayList<>();
        for (Groep g : d.toekenningen()) {
            ts.add(new Toekenning(g.onderdeel(), g.focusgebied(), g.verleend(),
                    new TreeMap<>(g.uitbetaald() == null ? Map.of() : g.uitbetaald())));
        }
        List<Ontvangst> earlier = new ArrayList<>();
        LocalDate currentReceived = null;
        for (Levering l : d.verantwoordingen() == null ? List.<Levering>of() : d.verantwoordingen()) {
            if (current != null && l.bestand().equals(current)) {
                currentReceived = l.ontvangen();
                break;
            }
            byte[] bytes = Files.readAllBytes(dir.resolve(l.bestand()));
            try {
                Verantwoording v = VerantwoordingReader.read(l.bestand(), bytes, regeling, config, d.gemeente());
                earlier.add(new Ontvangst(v, l.ontvangen()));
            } catch (NietPlausibelException e) {
                throw new IllegalArgumentException("De verantwoording " + l.bestand() + " in het dossier is niet "
                        + "plausibel: " + e.userMessage());
            }
        }
        return new Loaded(new DossierContext(d.gemeente(), d.verleningKenmerken() == null ? List.of()
                : d.verleningKenmerken(), ts, earlier, d.uitstel()), currentReceived);
    }

    public record Loaded(DossierContext context, LocalDate currentReceived) {}
}
