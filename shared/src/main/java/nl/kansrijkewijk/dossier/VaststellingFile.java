package nl.kansrijkewijk.dossier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.time.LocalDate;
import nl.kansrijkewijk.money.DutchDates;

/**
 * The act a second reviewer uploads to {@code vaststellingen/<CBS>/<naam>.yaml} to fix a verlening — what
 * {@code ./kw vaststel} takes on its command line:
 *
 * <pre>
 * kenmerk: KW-2023-GM0505-V          # optional: the gemeente's aanvraag
 * door: {naam: "B. de Groot", rol: vaststeller}
 * datum: 20-10-2023
 * </pre>
 *
 * With {@code kenmerk: KW-2023-GM0505-S} it fixes the vaststelling of the uitkering (art. 15) instead.
 */
public record VaststellingFile(String kenmerk, Beoordeling.Reviewer door, LocalDate datum) {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** @throws DossierException in Dutch, naming what is missing or wrong */
    public static VaststellingFile read(byte[] yamlOrJson) {
        JsonNode root;
        try {
            root = YAML.readTree(yamlOrJson);
        } catch (IOException e) {
            throw new DossierException("Het vaststellingsbestand is geen geldige YAML of JSON.", e);
        }
        if (root == null || !root.isObject()) {
            throw new DossierException("Het vaststellingsbestand is leeg of geen lijst van velden.");
        }
        String naam = text(root.path("door").path("naam"));
        if (naam == null) {
            throw new DossierException("Vermeld in het vaststellingsbestand wie vaststelt: door: {naam: …}.");
        }
        String datumText = text(root.path("datum"));
        LocalDate datum = datumText == null ? null : DutchDates.parse(datumText).orElseThrow(() ->
                new DossierException("datum '" + datumText + "' in het vaststellingsbestand is geen datum (dd-mm-jjjj)."));
        if (datum == null) {
            throw new DossierException("Vermeld in het vaststellingsbestand de datum van de vaststelling (dd-mm-jjjj).");
        }
        return new VaststellingFile(text(root.path("kenmerk")),
                new Beoordeling.Reviewer(naam, text(root.path("door").path("rol"))), datum);
    }

    private static String text(JsonNode n) {
        return n == null || n.isMissingNode() || n.isNull() || n.asText().isBlank() ? null : n.asText().strip();
    }
}
