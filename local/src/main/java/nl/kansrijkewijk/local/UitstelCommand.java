package nl.kansrijkewijk.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import nl.kansrijkewijk.dossier.Beoordeling;
import nl.kansrijkewijk.dossier.DossierEvent;
import nl.kansrijkewijk.dossier.DossierException;
import nl.kansrijkewijk.dossier.DossierService;
import nl.kansrijkewijk.dossier.FileSystemDossierStore;
import nl.kansrijkewijk.money.DutchDates;
import nl.kansrijkewijk.regeling.Regeling;
import nl.kansrijkewijk.regeling.RegelingCatalogus;
import nl.kansrijkewijk.verantwoording.VerantwoordingContext;

/**
 * {@code ./kw uitstel}: a reviewer records the college's request for uitstel of the bestedingstermijn (art. 11(3)) or
 * the minister's decision on it, in a dossier folder ({@link DossierService#uitstelVerzocht},
 * {@link DossierService#uitstelBesloten}). The act is placed in the dossier at noon of its date, not at the moment
 * of typing: an uitstel decided in October 2025 and recorded later still counts for the verantwoordingen after it,
 * and typing the same act twice records it once.
 */
final class UitstelCommand {
    static final String USAGE = """
            Gebruik:
              ./kw uitstel --gemeente GM0363 verzocht  --datum DD-MM-JJJJ --door NAAM [--rol ROL]
              ./kw uitstel --gemeente GM0363 verleend  --datum DD-MM-JJJJ --tot DD-MM-JJJJ --door NAAM [--rol ROL]
              ./kw uitstel --gemeente GM0363 geweigerd --datum DD-MM-JJJJ --door NAAM [--rol ROL]
              ./kw uitstel --gemeente GM0363 --bestand uitstel.yaml
                uitstel.yaml: handeling: verleend | datum: 20-10-2025 | tot: 31-12-2026 | door: {naam: "E. Smit", rol: beoordelaar}
              --datum: de dag waarop het verzoek binnenkwam of waarop het besluit is genomen (artikel 11, derde lid).
              Altijd mogelijk: --dossier MAP (standaard: out, waar ./kw demo het dossier schrijft)
            """;
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private UitstelCommand() {}

    /** The act as typed, before it is checked. */
    private static final class Act {
        Path dossier = Path.of("out");
        String gemeente;
        String handeling;
        String datum;
        String tot;
        String naam;
        String rol;
        Path bestand;
    }

    static int run(List<String> argv, PrintStream out, PrintStream err) {
        Act a = new Act();
        try {
            for (int i = 0; i < argv.size(); i++) {
                String opt = argv.get(i);
                switch (opt) {
                    case "--dossier" -> a.dossier = Path.of(argv.get(++i));
                    case "--gemeente" -> a.gemeente = argv.get(++i).strip().toUpperCase(Locale.ROOT);
                    case "--datum" -> a.datum = argv.get(++i);
                    case "--tot" -> a.tot = argv.get(++i);
                    case "--door" -> a.naam = argv.get(++i);
                    case "--rol" -> a.rol = argv.get(++i);
                    case "--bestand" -> a.bestand = Path.of(argv.get(++i));
                    default -> {
                        if (opt.startsWith("--") || a.handeling != null) {
                            throw new IllegalArgumentException("onbekende optie " + opt);
                        }
                        a.handeling = opt;
                    }
                }
            }
        } catch (IndexOutOfBoundsException e) {
            return usage(err, "Een optie mist haar waarde.");
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        }
        if (a.gemeente == null) {
            return usage(err, "Vermeld de gemeente: --gemeente GM….");
        }
        try {
            if (a.bestand != null) {
                readFile(a);
            }
            return record(a, out);
        } catch (DossierException e) {
            err.println(e.getMessage());
            return 1;
        }
    }

    private static int record(Act a, PrintStream out) {
        Regeling.Deadlines d = RegelingCatalogus.standard().first().deadlines();
        if (a.handeling == null) {
            throw new DossierException("Vermeld wat er gebeurde: verzocht, verleend of geweigerd.");
        }
        String handeling = a.handeling.strip().toLowerCase(Locale.ROOT);
        if (!List.of("verzocht", "verleend", "geweigerd").contains(handeling)) {
            throw new DossierException("Onbekende handeling '" + a.handeling + "'; kies verzocht, verleend of geweigerd.");
        }
        if (a.naam == null || a.naam.isBlank()) {
            throw new DossierException("Vermeld wie het uitstel vastlegt: --door NAAM.");
        }
        LocalDate datum = date("--datum", a.datum);
        if (datum == null) {
            throw new DossierException("Vermeld de datum van het " + (handeling.equals("verzocht") ? "verzoek" : "besluit")
                    + ": --datum DD-MM-JJJJ.");
        }
        LocalDate tot = date("--tot", a.tot);
        if (tot != null && !handeling.equals("verleend")) {
            throw new DossierException("--tot hoort alleen bij 'verleend': tot wanneer het uitstel is verleend.");
        }
        if (handeling.equals("verleend")) {
            if (tot == null) {
                throw new DossierException("Vermeld tot wanneer het uitstel is verleend: --tot DD-MM-JJJJ (uiterlijk "
                        + DutchDates.format(d.extensionThrough()) + ").");
            }
            if (!tot.isAfter(d.spendBy())) {
                throw new DossierException("Uitstel eindigt na de bestedingstermijn (" + DutchDates.format(d.spendBy())
                        + "); " + DutchDates.format(tot) + " is geen uitstel.");
            }
        }
        DossierService service = new DossierService(new FileSystemDossierStore(a.dossier));
        if (service.events(a.gemeente).isEmpty()) {
            throw new DossierException("Het dossier in " + a.dossier + " bevat niets van " + a.gemeente
                    + "; controleer --dossier en --gemeente.");
        }
        Beoordeling.Reviewer door = new Beoordeling.Reviewer(a.naam.strip(), a.rol);
        Instant at = datum.atTime(LocalTime.NOON).atZone(DutchDates.AMSTERDAM).toInstant();
        DossierEvent.UitstelVastgelegd u = handeling.equals("verzocht")
                ? service.uitstelVerzocht(a.gemeente, datum, door, at)
                : service.uitstelBesloten(a.gemeente, datum, handeling.equals("verleend"), tot, door, at);
        out.println("Uitstel " + handeling + " op " + DutchDates.format(datum)
                + (u.verleendTot() == null ? "" : " tot " + DutchDates.format(u.verleendTot()))
                + " vastgelegd in het dossier van " + u.gemeenteCode() + " (" + u.kenmerk() + ", door " + door.naam() + ").");
        if (tot != null && tot.isAfter(d.extensionThrough())) {
            out.println("Let op: de regeling staat uitstel toe tot uiterlijk " + DutchDates.format(d.extensionThrough())
                    + " (artikel 11, derde lid); bij de toetsing van de verantwoording telt die datum.");
        }
        VerantwoordingContext.Uitstel now = service.state(a.gemeente).uitstel();
        if (now != null) {
            out.println("Uitstel in het dossier: verzocht " + (now.verzochtOp() == null ? "—" : DutchDates.format(now.verzochtOp()))
                    + ", besluit " + (now.beslotenOp() == null ? "nog niet genomen"
                            : DutchDates.format(now.beslotenOp()) + " (" + (Boolean.TRUE.equals(now.verleend())
                                    ? "verleend tot " + DutchDates.format(now.verleendTot()) : "geweigerd") + ")") + ".");
        }
        return 0;
    }

    /** The act from a YAML file; options on the command line win. */
    private static void readFile(Act a) {
        JsonNode root;
        try {
            root = YAML.readTree(Files.readAllBytes(a.bestand));
        } catch (NoSuchFileException e) {
            throw new DossierException("Het bestand " + a.bestand + " bestaat niet.");
        } catch (IOException e) {
            throw new DossierException("Het uitstelbestand " + a.bestand + " is geen geldige YAML.", e);
        }
        if (root == null || !root.isObject()) {
            throw new DossierException("Het uitstelbestand " + a.bestand + " is leeg of geen lijst van velden.");
        }
        a.handeling = a.handeling != null ? a.handeling : text(root.path("handeling"));
        a.datum = a.datum != null ? a.datum : text(root.path("datum"));
        a.tot = a.tot != null ? a.tot : text(root.path("tot"));
        a.naam = a.naam != null ? a.naam : text(root.path("door").path("naam"));
        a.rol = a.rol != null ? a.rol : text(root.path("door").path("rol"));
    }

    private static LocalDate date(String option, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return DutchDates.parse(text.strip()).orElseThrow();
        } catch (RuntimeException e) {
            throw new DossierException(option + ": '" + text.strip() + "' is geen datum (dd-mm-jjjj).", e);
        }
    }

    private static String text(JsonNode n) {
        return n == null || n.isMissingNode() || n.isNull() || n.asText().isBlank() ? null : n.asText().strip();
    }

    private static int usage(PrintStream err, String message) {
        err.println(message);
        err.print(USAGE);
        return 2;
    }
}
