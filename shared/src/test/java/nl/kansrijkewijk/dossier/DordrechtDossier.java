package nl.kansrijkewijk.dossier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.kansrijkewijk.fixtures.FixtureSpec;
import nl.kansrijkewijk.form.FormFiller;
import nl.kansrijkewijk.processing.Receipt;

/**
 * One Dordrecht dossier built once per test JVM (rendering is the expensive part): the aanvraag uploaded as PDF,
 * then corrected as XLSX; a beoordeling; the vaststelling by a second reviewer; a wijziging.
 */
final class DordrechtDossier {
    static final String CBS = "GM0505";
    static final String KENMERK = "KW-2023-GM0505-V";
    static final String WIJZIGING = "KW-2023-GM0505-W1";
    static final String REVIEWER = "A. (Anouk) Jansen";
    private static DordrechtDossier built;

    final InMemoryDossierStore store = new InMemoryDossierStore();
    final DossierService service = new DossierService(store);
    DossierEvent.VerleningVastgesteld verlening;

    static synchronized DordrechtDossier get() throws Exception {
        if (built == null) {
            DordrechtDossier d = new DordrechtDossier();
            d.build();
            built = d;
        }
        return built;
    }

    static byte[] fixture(String name) throws Exception {
        return Files.readAllBytes(FixtureSpec.fixturesDir().resolve("generated").resolve(name));
    }

    static Receipt receipt(String name, String at) {
        return new Receipt(name, CBS, Instant.parse(at), "v-" + name, "gemeente-" + CBS);
    }

    private void build() throws Exception {
        service.ontvang(receipt("aanvraag.pdf", "2023-09-14T08:00:00Z"), fixture("dordrecht-jonge-kind-veerkracht.pdf"));
        service.ontvang(receipt("aanvraag.xlsx", "2023-09-15T08:00:00Z"), fixture("dordrecht-jonge-kind-veerkracht.xlsx"));
        service.beoordeel(CBS, beoordeling(service, REVIEWER), Instant.parse("2023-10-16T09:00:00Z"));
        verlening = service.stelVast(CBS, KENMERK, new Beoordeling.Reviewer("B. de Groot", "senior beoordelaar"),
                LocalDate.of(2023, 10, 20), Instant.parse("2023-10-20T09:00:00Z"));
        service.ontvang(receipt("wijziging.xlsx", "2024-04-15T08:00:00Z"), wijziging(KENMERK));
    }

    static String id(DossierService s, String kenmerk, String rule, Integer activity) {
        return s.bevindingen(CBS, kenmerk).stream()
                .filter(b -> b.finding().rule().equals(rule) && (activity == null || activity.equals(b.finding().activity())))
                .map(DossierService.Bevinding::id).findFirst().orElseThrow();
    }

    /** Activity 7 (70.000 + 210.000 + 210.000 = 490.000) refused; activity 3's waarschuwing accepted; art. 12 on 3. */
    static Beoordeling beoordeling(DossierService s, String naam) {
        return new Beoordeling(KENMERK, null, new Beoordeling.Reviewer(naam, "beoordelaar"), LocalDate.of(2023, 10, 16),
                List.of(new Beoordeling.BevindingOordeel(id(s, KENMERK, "OJK-DIPLOMA-ONBEKEND", 7), Beoordeling.Oordeel.AFWIJZEN,
                                new BigDecimal("490000.00"),
                                "Voor de onderwijsassistent van activiteit 7 is geen diploma van ten minste mbo niveau 3 aangetoond",
                                "art. 9, derde lid"),
                        new Beoordeling.BevindingOordeel(id(s, KENMERK, "VEE-ASPECT", 3), Beoordeling.Oordeel.AKKOORD, null,
                                "buurtvaders passen bij art. 6", null)),
                List.of(new Beoordeling.ActiviteitOordeel(3, true, "preventief, gericht op jongeren in de wijk")),
                List.of("De beoordeling van de onderwijsassistenten is gedaan op de stukken bij de aanvraag."));
    }

    /**
     * Dordrecht's aanvraag as a wijziging received 15 April 2024 (first window), the "verleend" column typed as the
     * amounts requested (ORG 1.500.000, VEE 255.000, OJK 2.800.000) and no new activity.
     */
    static byte[] wijziging(String kenmerk) throws Exception {
        JsonNode fields = new ObjectMapper(new YAMLFactory())
                .readTree(FixtureSpec.fixturesDir().resolve("specs/dordrecht-jonge-kind-veerkracht.yaml").toFile()).path("fields");
        Map<String, String> v = new LinkedHashMap<>();
        fields.fieldNames().forEachRemaining(k -> v.put(k, fields.get(k).isNull() ? "" : fields.get(k).asText()));
        v.put("A.soort", "wijziging");
        v.put("A.kenmerk", kenmerk);
        v.put("A.datum", "15-04-2024");
        v.put("B.ORG.fg1.verleend", "1.500.000");
        v.put("B.VEE.fg1.verleend", "255.000");
        v.put("B.OJK.fg1.verleend", "2.800.000");
        return FormFiller.fillXlsx(v);
    }
}
