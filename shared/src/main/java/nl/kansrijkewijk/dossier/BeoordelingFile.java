package nl.kansrijkewijk.dossier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import nl.kansrijkewijk.money.DutchDates;
import nl.kansrijkewijk.money.Money;

/**
 * A beoordeling written as a small YAML (or JSON) file, for {@code ./kw beoordeel --bestand}. A finding is named by
 * its id from bevindingen.xlsx, or — easier to write by hand — by rule plus onderdeel, focusgebied and/or activity:
 * <pre>
 * kenmerk: KW-2023-GM0363-V          # optional: the gemeente's aanvraag
 * door: {naam: "A. Jansen", rol: beoordelaar}
 * datum: 16-10-2023
 * bevindingen:
 *   - {bevinding: TERMIJN-JAAR-3f2a1c, oordeel: afwijzen, bedrag: "80.000,00", reden: "…", artikel: "art. 13, vierde lid"}
 *   - {regel: TERMIJN-JAAR, onderdeel: VEE, focusgebied: Nieuw-West, oordeel: akkoord, reden: "…"}
 * activiteiten:
 *   - {activiteit: 4, bijdrage: ja, reden: "…"}
 * motivering:
 *   - "Een alinea die aan de motivering van de brief wordt toegevoegd."
 * </pre>
 */
public final class BeoordelingFile {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private BeoordelingFile() {}

    /** A finding named by id or by what it is about. */
    public record Selector(String bevinding, String regel, String onderdeel, String focusgebied, Integer activiteit) {
        boolean matches(DossierService.Bevinding b) {
            if (bevinding != null) {
                return bevinding.equals(b.id());
            }
            var f = b.finding();
            return f.rule().equalsIgnoreCase(regel)
                    && (onderdeel == null || onderdeel.equalsIgnoreCase(Objects.toString(f.onderdeel(), "")))
                    && (focusgebied == null || focusgebied.equalsIgnoreCase(Objects.toString(f.focusgebied(), "")))
                    && (activiteit == null || activiteit.equals(f.activity()));
        }

        @Override
        public String toString() {
            return bevinding != null ? bevinding : regel + (onderdeel == null ? "" : " " + onderdeel)
                    + (focusgebied == null ? "" : " " + focusgebied) + (activiteit == null ? "" : " activiteit " + activiteit);
        }
    }

    public record Entry(Selector selector, Beoordeling.Oordeel oordeel, BigDecimal bedrag, String reden, String artikel) {}

    /** A beoordeling whose findings are still named by selectors. */
    public record Draft(String kenmerk, Beoordeling.Reviewer door, LocalDate datum, List<Entry> bevindingen,
                        List<Beoordeling.ActiviteitOordeel> activiteiten, List<String> motivering) {

        public Draft withDefaults(String kenmerkDefault, Beoordeling.Reviewer doorOverride, LocalDate datumDefault) {
            return new Draft(kenmerk != null ? kenmerk : kenmerkDefault,
                    doorOverride != null && doorOverride.naam() != null ? doorOverride : door,
                    datum != null ? datum : datumDefault, bevindingen, activiteiten, motivering);
        }

        /** Names every finding by its id; a selector that matches none or several is an error for the reviewer. */
        public Beoordeling resolve(List<DossierService.Bevinding> concept) {
            List<String> errors = new ArrayList<>();
            List<Beoordeling.BevindingOordeel> out = new ArrayList<>();
            for (Entry e : bevindingen) {
                List<DossierService.Bevinding> hits = concept.stream().filter(e.selector()::matches).toList();
                if (hits.size() != 1) {
                    errors.add("'" + e.selector() + "' wijst " + (hits.isEmpty() ? "geen" : hits.size()) + " bevindingen aan"
                            + (hits.isEmpty() ? "" : " (" + String.join(", ", hits.stream().map(DossierService.Bevinding::id).toList())
                            + "); noem de bevinding-id"));
                    continue;
                }
                out.add(new Beoordeling.BevindingOordeel(hits.get(0).id(), e.oordeel(), e.bedrag(), e.reden(), e.artikel()));
            }
            if (!errors.isEmpty()) {
                throw new DossierException("De beoordeling is niet vastgelegd:\n- " + String.join("\n- ", errors));
            }
            return new Beoordeling(kenmerk, null, door, datum, out, activiteiten, motivering);
        }
    }

    public static Draft read(byte[] yamlOrJson) {
        JsonNode root;
        try {
            root = YAML.readTree(yamlOrJson);
        } catch (IOException e) {
            throw new DossierException("Het beoordelingsbestand is geen geldige YAML of JSON.", e);
        }
        if (root == null || !root.isObject()) {
            throw new DossierException("Het beoordelingsbestand is leeg of geen lijst van velden.");
        }
        List<String> errors = new ArrayList<>();
        Beoordeling.Reviewer door = root.has("door")
                ? new Beoordeling.Reviewer(text(root.path("door").path("naam")), text(root.path("door").path("rol")))
                : null;
        LocalDate datum = null;
        if (root.hasNonNull("datum")) {
            datum = DutchDates.parse(root.get("datum").asText()).orElse(null);
            if (datum == null) {
                errors.add("datum '" + root.get("datum").asText() + "' is geen datum (dd-mm-jjjj)");
            }
        }
        List<Entry> entries = new ArrayList<>();
        int i = 0;
        for (JsonNode b : root.path("bevindingen")) {
            i++;
            try {
                Selector sel = new Selector(text(b.path("bevinding")), text(b.path("regel")), text(b.path("onderdeel")),
                        text(b.path("focusgebied")), b.hasNonNull("activiteit") ? b.get("activiteit").asInt() : null);
                if (sel.bevinding() == null && sel.regel() == null) {
                    throw new IllegalArgumentException("noem 'bevinding' (de id) of 'regel'");
                }
                BigDecimal bedrag = null;
                if (b.hasNonNull("bedrag")) {
                    String t = b.get("bedrag").asText();
                    bedrag = b.get("bedrag").isNumber() ? Money.scale(b.get("bedrag").decimalValue())
                            : Money.parse(t).orElseThrow(() -> new IllegalArgumentException("'" + t + "' is geen bedrag"));
                }
                entries.add(new Entry(sel, Beoordeling.Oordeel.parse(text(b.path("oordeel"))), bedrag,
                        text(b.path("reden")), text(b.path("artikel"))));
            } catch (IllegalArgumentException e) {
                errors.add("bevindingen, regel " + i + ": " + e.getMessage());
            }
        }
        List<Beoordeling.ActiviteitOordeel> activiteiten = new ArrayList<>();
        for (JsonNode a : root.path("activiteiten")) {
            String ja = text(a.path("bijdrage"));
            ja = ja == null ? null : ja.toLowerCase(Locale.ROOT);
            if (!a.has("activiteit") || !("ja".equals(ja) || "nee".equals(ja) || "true".equals(ja) || "false".equals(ja))) {
                errors.add("activiteiten: elke regel heeft 'activiteit' (nummer) en 'bijdrage: ja' of 'nee'");
                continue;
            }
            activiteiten.add(new Beoordeling.ActiviteitOordeel(a.get("activiteit").asInt(),
                    "ja".equals(ja) || "true".equals(ja), text(a.path("reden"))));
        }
        List<String> motivering = new ArrayList<>();
        root.path("motivering").forEach(m -> motivering.add(m.asText()));
        if (!errors.isEmpty()) {
            throw new DossierException("Het beoordelingsbestand is niet volledig:\n- " + String.join("\n- ", errors));
        }
        return new Draft(text(root.path("kenmerk")), door, datum, entries, activiteiten, motivering);
    }

    private static String text(JsonNode n) {
        return n == null || n.isMissingNode() || n.isNull() || n.asText().isBlank() ? null : n.asText().strip();
    }
}
