package nl.kansrijkewijk.local;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.kansrijkewijk.dossier.Beoordeling;
import nl.kansrijkewijk.dossier.BeoordelingFile;
import nl.kansrijkewijk.dossier.DossierEvent;
import nl.kansrijkewijk.dossier.DossierException;
import nl.kansrijkewijk.dossier.DossierService;
import nl.kansrijkewijk.dossier.DossierState;
import nl.kansrijkewijk.dossier.FileSystemDossierStore;
import nl.kansrijkewijk.dossier.ReviewerUploads;
import nl.kansrijkewijk.money.DutchDates;
import nl.kansrijkewijk.money.Money;

/**
 * {@code ./kw beoordeel} and {@code ./kw vaststel}: a reviewer's acts on a dossier folder (by default the one
 * {@code ./kw demo} wrote in {@code out/}).
 */
final class DossierCommands {
    static final String USAGE = """
            Gebruik:
              ./kw beoordeel --gemeente GM0479 --lijst                     toon de bevindingen met hun id
              ./kw beoordeel --gemeente GM0479 --door NAAM [--rol ROL] [--datum DD-MM-JJJJ] OORDELEN…
                OORDELEN:  --bevinding ID akkoord [REDEN]
                           --bevinding ID afwijzen BEDRAG REDEN [--artikel "art. …"]
                           --bevinding ID nvt REDEN
                           --activiteit NUMMER ja|nee REDEN
                           --motivering TEKST
                           --bestand beoordeling.yaml     (zie README: bevinding per id of per regel/onderdeel/activiteit)
                           --werkmap bevindingen.xlsx     (de ingevulde kolommen van de werkmap)
              ./kw vaststel --gemeente GM0479 --door NAAM [--rol ROL] [--datum DD-MM-JJJJ]
              De vaststelling van de uitkering (artikel 15, na de verantwoording over het laatste jaar):
              ./kw beoordeel --vaststelling --gemeente GM0363 --lijst | --door NAAM OORDELEN…   (geen --activiteit)
              ./kw vaststel --vaststelling --gemeente GM0363 --door NAAM                    (vier ogen)
              Altijd mogelijk: --dossier MAP (standaard: out, waar ./kw demo het dossier schrijft), --kenmerk K
                (--vaststelling is hetzelfde als --kenmerk KW-2023-<gemeente>-S)
            """;

    private DossierCommands() {}

    private static final class Args {
        Path dossier = Path.of("out");
        String gemeente;
        String kenmerk;
        String naam;
        String rol;
        LocalDate datum;
        boolean lijst;
        boolean vaststelling;
        Path bestand;
        Path werkmap;
        final List<BeoordelingFile.Entry> bevindingen = new ArrayList<>();
        final List<Beoordeling.ActiviteitOordeel> activiteiten = new ArrayList<>();
        final List<String> motivering = new ArrayList<>();
    }

    static int beoordeel(List<String> argv, PrintStream out, PrintStream err) throws Exception {
        Args a = parse(argv, err);
        if (a == null) {
            return 2;
        }
        DossierService service = new DossierService(new FileSystemDossierStore(a.dossier));
        try {
            String kenmerk = kenmerk(service, a);
            if (a.lijst) {
                for (DossierService.Bevinding b : service.bevindingen(a.gemeente, kenmerk)) {
                    var f = b.finding();
                    out.println(b.id() + "  [" + f.severity().label() + "] " + f.article()
                            + (f.refusedAmount() == null ? "" : "  afgewezen " + Money.format(f.refusedAmount())));
                    out.println("    " + f.message());
                }
                return 0;
            }
            String id;
            if (a.werkmap != null) {
                id = new ReviewerUploads(service).accept("beoordelingen/" + a.gemeente + "/" + a.werkmap.getFileName(),
                        Files.readAllBytes(a.werkmap), "./kw", Instant.now());
            } else {
                BeoordelingFile.Draft draft = a.bestand != null ? BeoordelingFile.read(Files.readAllBytes(a.bestand))
                        : new BeoordelingFile.Draft(null, null, null, List.of(), List.of(), List.of());
                List<BeoordelingFile.Entry> entries = new ArrayList<>(draft.bevindingen());
                entries.addAll(a.bevindingen);
                List<Beoordeling.ActiviteitOordeel> acts = new ArrayList<>(draft.activiteiten());
                acts.addAll(a.activiteiten);
                List<String> mot = new ArrayList<>(draft.motivering());
                mot.addAll(a.motivering);
                draft = new BeoordelingFile.Draft(draft.kenmerk(), draft.door(), draft.datum(), entries, acts, mot)
                        .withDefaults(kenmerk, a.naam == null ? null : new Beoordeling.Reviewer(a.naam, a.rol),
                                a.datum != null ? a.datum : LocalDate.now(DutchDates.AMSTERDAM));
                Beoordeling b = draft.resolve(service.bevindingen(a.gemeente, draft.kenmerk()));
                id = service.beoordeel(a.gemeente, b, Instant.now());
            }
            out.println("Beoordeling " + id + " vastgelegd voor " + kenmerk + ".");
            printCase(service, a.gemeente, kenmerk, a.dossier, out);
            return 0;
        } catch (DossierException e) {
            err.println(e.getMessage());
            return 1;
        }
    }

    static int vaststel(List<String> argv, PrintStream out, PrintStream err) throws Exception {
        Args a = parse(argv, err);
        if (a == null) {
            return 2;
        }
        if (a.naam == null) {
            err.println("Vermeld wie vaststelt: --door NAAM");
            return 2;
        }
        DossierService service = new DossierService(new FileSystemDossierStore(a.dossier));
        try {
            String kenmerk = kenmerk(service, a);
            if (kenmerk.equals(service.vaststellingKenmerk(a.gemeente))) {
                DossierEvent.VaststellingVastgesteld v = service.stelVaststellingVast(a.gemeente,
                        new Beoordeling.Reviewer(a.naam, a.rol), a.datum != null ? a.datum : LocalDate.now(DutchDates.AMSTERDAM),
                        Instant.now());
                out.println("Vaststelling " + kenmerk + " vastgesteld op " + DutchDates.format(v.datum()) + " door "
                        + v.vaststeller().naam() + ": vastgesteld " + Money.format(v.totaalVastgesteld())
                        + ", terug te vorderen " + Money.format(v.totaalTerugTeVorderen()) + ".");
                printCase(service, a.gemeente, kenmerk, a.dossier, out);
                return 0;
            }
            DossierEvent.VerleningVastgesteld v = service.stelVast(a.gemeente, kenmerk, new Beoordeling.Reviewer(a.naam, a.rol),
                    a.datum != null ? a.datum : LocalDate.now(DutchDates.AMSTERDAM), Instant.now());
            out.println("Verlening " + kenmerk + " vastgesteld op " + DutchDates.format(v.datum()) + " door " + v.vaststeller().naam()
                    + ": verleend " + Money.format(v.totaalVerleend()) + ".");
            printCase(service, a.gemeente, kenmerk, a.dossier, out);
            return 0;
        } catch (DossierException e) {
            err.println(e.getMessage());
            return 1;
        }
    }

    static void printCase(DossierService service, String cbs, String kenmerk, Path dossier, PrintStream out) {
        DossierState.VaststellingZaak v = service.state(cbs).vaststelling();
        if (v != null && v.kenmerk().equals(kenmerk)) {
            out.println("Status: " + v.status() + "; uitvoer in " + dossier.resolve("dossier").resolve(cbs)
                    .resolve(kenmerk).resolve(v.versie()) + "/");
            return;
        }
        service.state(cbs).zaken().stream().filter(z -> z.kenmerk().equals(kenmerk)).findFirst().ifPresent(z ->
                out.println("Status: " + z.status() + "; uitvoer in " + dossier.resolve("dossier").resolve(cbs)
                        .resolve(kenmerk).resolve(z.versie()) + "/"));
    }

    private static String kenmerk(DossierService service, Args a) {
        if (a.vaststelling) {
            String k = service.vaststellingKenmerk(a.gemeente);
            if (a.kenmerk != null && !a.kenmerk.strip().equals(k)) {
                throw new DossierException("--vaststelling gaat over " + k + ", niet over " + a.kenmerk + ".");
            }
            return k;
        }
        if (a.kenmerk != null) {
            return a.kenmerk.strip();
        }
        return service.aanvraagKenmerk(a.gemeente).orElseThrow(() -> new DossierException(
                "Het dossier in " + a.dossier + " bevat geen aanvraag van " + a.gemeente + "."));
    }

    private static Args parse(List<String> argv, PrintStream err) {
        Args a = new Args();
        try {
            for (int i = 0; i < argv.size(); i++) {
                String opt = argv.get(i);
                switch (opt) {
                    case "--dossier" -> a.dossier = Path.of(argv.get(++i));
                    case "--gemeente" -> a.gemeente = argv.get(++i).strip().toUpperCase(Locale.ROOT);
                    case "--kenmerk" -> a.kenmerk = argv.get(++i);
                    case "--door" -> a.naam = argv.get(++i);
                    case "--rol" -> a.rol = argv.get(++i);
                    case "--datum" -> a.datum = DutchDates.parse(argv.get(++i))
                            .orElseThrow(() -> new IllegalArgumentException("--datum: geen datum (dd-mm-jjjj)"));
                    case "--lijst" -> a.lijst = true;
                    case "--vaststelling" -> a.vaststelling = true;
                    case "--bestand" -> a.bestand = Path.of(argv.get(++i));
                    case "--werkmap" -> a.werkmap = Path.of(argv.get(++i));
                    case "--motivering" -> a.motivering.add(argv.get(++i));
                    case "--activiteit" -> {
                        int n = Integer.parseInt(argv.get(++i));
                        String ja = argv.get(++i).toLowerCase(Locale.ROOT);
                        if (!ja.equals("ja") && !ja.equals("nee")) {
                            throw new IllegalArgumentException("--activiteit " + n + ": ja of nee, niet '" + ja + "'");
                        }
                        a.activiteiten.add(new Beoordeling.ActiviteitOordeel(n, ja.equals("ja"), optional(argv, i + 1)));
                        i += optional(argv, i + 1) == null ? 0 : 1;
                    }
                    case "--bevinding" -> {
                        String id = argv.get(++i);
                        Beoordeling.Oordeel o = Beoordeling.Oordeel.parse(argv.get(++i));
                        java.math.BigDecimal bedrag = null;
                        if (o == Beoordeling.Oordeel.AFWIJZEN) {
                            String t = argv.get(++i);
                            bedrag = Money.parse(t).orElseThrow(() -> new IllegalArgumentException("'" + t + "' is geen bedrag"));
                        }
                        String reden = optional(argv, i + 1);
                        i += reden == null ? 0 : 1;
                        String artikel = null;
                        if (i + 2 < argv.size() + 1 && i + 1 < argv.size() && argv.get(i + 1).equals("--artikel")) {
                            artikel = argv.get(i + 2);
                            i += 2;
                        }
                        a.bevindingen.add(new BeoordelingFile.Entry(new BeoordelingFile.Selector(id, null, null, null, null),
                                o, bedrag, reden, artikel));
                    }
                    default -> throw new IllegalArgumentException("onbekende optie " + opt);
                }
            }
        } catch (IndexOutOfBoundsException e) {
            err.println("Een optie mist haar waarde.");
            err.print(USAGE);
            return null;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.print(USAGE);
            return null;
        }
        if (a.gemeente == null) {
            err.println("Vermeld de gemeente: --gemeente GM….");
            err.print(USAGE);
            return null;
        }
        return a;
    }

    private static String optional(List<String> argv, int i) {
        return i < argv.size() && !argv.get(i).startsWith("--") ? argv.get(i) : null;
    }
}
