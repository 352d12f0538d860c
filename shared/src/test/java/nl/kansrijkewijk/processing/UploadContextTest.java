package nl.kansrijkewijk.processing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.kansrijkewijk.fixtures.FixtureSpec;
import nl.kansrijkewijk.provenance.Provenance;
import org.junit.jupiter.api.Test;

/**
 * The upload context reaching the processor: the folder's gemeente against the regeling and against the form, the
 * document kind recognised by content, and the provenance every output carries. On the committed fixtures.
 */
class UploadContextTest {
    private static final AanvraagProcessor PROCESSOR = new AanvraagProcessor();
    private static final Instant RECEIVED = Instant.parse("2023-09-29T10:00:00Z");

    private static byte[] fixture(String name) throws Exception {
        return Files.readAllBytes(FixtureSpec.fixturesDir().resolve("generated").resolve(name));
    }

    private static Receipt receipt(String name, String folder) {
        return new Receipt(name, folder, RECEIVED, "v1", "AWS:AROAEXAMPLE:" + folder);
    }

    private static String text(ProcessingResult r, String output) {
        return new String(r.outputs().get(output), StandardCharsets.UTF_8);
    }

    @Test
    void aRotterdamFormInAmsterdamsFolderIsRefusedWithADutchReportAndNoDecision() throws Exception {
        ProcessingResult r = PROCESSOR.process(receipt("rotterdam-correct.pdf", "GM0363"), fixture("rotterdam-correct.pdf"));

        assertEquals(ProcessingResult.Status.GEWEIGERD, r.status());
        assertEquals(Set.of("fout.json", "fout.txt"), r.outputs().keySet(), "no concept, no bevindingen");
        assertTrue(text(r, "fout.txt").contains("Dit formulier is van de gemeente Rotterdam, maar is geüpload in de map "
                + "van Amsterdam (GM0363). Upload het in de map van Rotterdam (inbox/GM0599/)."), text(r, "fout.txt"));
        JsonNode fout = Json.mapper().readTree(r.outputs().get("fout.json"));
        assertEquals("geweigerd", fout.get("status").asText());
        assertEquals("andere-gemeente", fout.get("reason").asText());
        assertEquals(DocumentKind.AANVRAAG, r.kind(), "it was read, so its kind is known");
    }

    @Test
    void theSameFormInItsOwnFolderIsJudged() throws Exception {
        ProcessingResult r = PROCESSOR.process(receipt("rotterdam-correct.xlsx", "GM0599"), fixture("rotterdam-correct.xlsx"));

        assertEquals(ProcessingResult.Status.VERWERKT, r.status());
        assertTrue(r.outputs().containsKey(OutputNames.BESCHIKKING));
        assertEquals("Rotterdam", r.gemeente());
    }

    @Test
    void withoutAFolderNothingIsComparedAsBeforeForKwCheck() throws Exception {
        ProcessingResult r = PROCESSOR.process("rotterdam-correct.pdf", fixture("rotterdam-correct.pdf"));

        assertEquals(ProcessingResult.Status.VERWERKT, r.status());
    }

    @Test
    void aFolderOfNoGemeenteOfTheRegelingIsRefusedUnread() throws Exception {
        // GM0014 is Groningen (in the regeling); GM0034 is Almere, which is not.
        ProcessingResult r = PROCESSOR.process(receipt("amsterdam-correct.pdf", "GM0034"), fixture("amsterdam-correct.pdf"));

        assertEquals(ProcessingResult.Status.GEWEIGERD, r.status());
        assertEquals(DocumentKind.ONBEKEND, r.kind());
        assertEquals("map-onbekend", Json.mapper().readTree(r.outputs().get("fout.json")).get("reason").asText());
        assertTrue(text(r, "fout.txt").contains("De map inbox/GM0034/ hoort niet bij een gemeente van de Regeling kansrijke wijk."));
    }

    @Test
    void theKindIsRecognisedByContentNotByName() throws Exception {
        ProcessingResult wijziging = PROCESSOR.process(receipt("aanvraag.pdf", "GM0772"), fixture("eindhoven-wijziging-correct.pdf"));
        ProcessingResult aanvraag = PROCESSOR.process(receipt("wijziging.pdf", "GM0363"), fixture("amsterdam-correct.pdf"));
        ProcessingResult onleesbaar = PROCESSOR.process(receipt("aanvraag.pdf", "GM0363"),
                "%PDF-1.7 geen formulier".getBytes(StandardCharsets.ISO_8859_1));

        assertEquals(DocumentKind.WIJZIGING, wijziging.kind());
        assertEquals("WIJZIGING", Json.mapper().readTree(wijziging.outputs().get(OutputNames.BEVINDINGEN_JSON))
                .at("/document/kind").asText());
        assertEquals(DocumentKind.AANVRAAG, aanvraag.kind());
        assertEquals(DocumentKind.ONBEKEND, onleesbaar.kind());
    }

    @Test
    void bevindingenAndTheResultNameTheCodeVersionTheDataAndRulesByHashAndTheFormVersion() throws Exception {
        ProcessingResult r = PROCESSOR.process(receipt("amsterdam-correct.pdf", "GM0363"), fixture("amsterdam-correct.pdf"));

        // Expected values straight from the source files and the POM, not from the code under test.
        Path shared = FixtureSpec.fixturesDir().getParent().resolve("shared");
        Matcher version = Pattern.compile("<parent>.*?<version>([^<]+)</version>", Pattern.DOTALL)
                .matcher(Files.readString(shared.resolve("pom.xml")));
        assertTrue(version.find());
        Provenance expected = new Provenance(version.group(1), "kansrijke-wijk-2023",
                sha256(shared.resolve("src/main/resources/regeling/kansrijke-wijk-2023.yaml")),
                sha256(shared.resolve("src/main/resources/finding/rules.yaml")), "KW-2023-1");
        assertEquals(expected, r.provenance());
        JsonNode json = Json.mapper().readTree(r.outputs().get(OutputNames.BEVINDINGEN_JSON)).get("provenance");
        assertEquals(expected, Json.mapper().treeToValue(json, Provenance.class));
        assertFalse(expected.codeVersion().contains("${"));
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
