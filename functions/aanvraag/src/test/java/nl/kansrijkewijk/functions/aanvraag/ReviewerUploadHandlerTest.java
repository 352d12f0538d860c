package nl.kansrijkewijk.functions.aanvraag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import nl.kansrijkewijk.dossier.DossierService;
import nl.kansrijkewijk.dossier.DossierState;
import nl.kansrijkewijk.dossier.EventKeys;
import nl.kansrijkewijk.pipeline.PipelineConfig;
import nl.kansrijkewijk.pipeline.s3.S3Clients;
import nl.kansrijkewijk.pipeline.s3.S3DossierStore;
import nl.kansrijkewijk.testkit.s3.EmbeddedS3;
import nl.kansrijkewijk.testkit.s3.S3Events;
import nl.kansrijkewijk.testkit.s3.S3NotificationJson;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * The reviewer's side on the embedded S3: Dordrecht's aanvraag goes through the deployed aanvraag handler, then a
 * reviewer uploads the filled bevindingen.xlsx and a second reviewer the vaststelling; each act lands in the dossier
 * and is answered in Dutch, refusals (four eyes) included.
 */
class ReviewerUploadHandlerTest {
    private static final String UP = "kw-up-reviewer";
    private static final String OUT = "kw-out-reviewer";

    @Test
    void aBeoordelingThenAVaststellingByASecondReviewerFixTheVerlening() throws Exception {
        try (EmbeddedS3 server = new EmbeddedS3(); S3Client s3 = server.client(S3Clients::create)) {
            server.createVersionedBucket(s3, UP);
            server.createVersionedBucket(s3, OUT);
            PipelineConfig config = new PipelineConfig(UP, OUT, 10_000_000);
            new AanvraagUploadHandler(s3, DefaultProcessor.create(), config).handleRequest(S3Events.fromJson(
                    event(s3, "inbox/GM0505/aanvraag.pdf", fixture("generated/dordrecht-jonge-kind-veerkracht.pdf"),
                            "2023-09-14T08:00:00Z")), null);
            DossierService dossier = new DossierService(new S3DossierStore(s3, OUT));
            DossierState.Zaak concept = zaak(dossier);
            assertEquals("concept", concept.status());
            byte[] workbook = s3.getObjectAsBytes(r -> r.bucket(OUT)
                    .key(EventKeys.view("GM0505", concept.kenmerk(), concept.versie()) + "bevindingen.xlsx")).asByteArray();

            ReviewerUploadHandler handler = new ReviewerUploadHandler(s3, config);
            assertTrue(werkvoorraad(s3).isEmpty(), "no werkvoorraad yet: only the portal's events function made one");
            String bevindingen = event(s3, "beoordelingen/GM0505/bevindingen.xlsx", signed(workbook, "E. Smit", "16-10-2023"),
                    "2023-10-16T09:00:00Z");
            assertEquals("1 record(s): processed", handler.handleRequest(S3Events.fromJson(bevindingen), null));
            assertTrue(answer(s3, "beoordelingen/GM0505/bevindingen.xlsx").startsWith("Beoordeling "));
            assertEquals("beoordeeld", zaak(dossier).status());
            // The werkvoorraad shows Dordrecht's aanvraag at its new stage, in the page and in the workbook.
            String page = werkvoorraad(s3).orElseThrow();
            assertTrue(page.contains("Dordrecht (GM0505)<br>KW-2023-GM0505-V</th>"), page);
            assertTrue(page.contains("<td>beoordeeld: "), page);
            assertEquals("beoordeeld", workbookStatus(s3));
            byte[] xlsx = s3.getObjectAsBytes(r -> r.bucket(OUT).key("werkvoorraad/werkvoorraad.xlsx")).asByteArray();
            assertEquals("1 record(s): already_done", handler.handleRequest(S3Events.fromJson(bevindingen), null));

            // Four eyes: the reviewer who judged it cannot fix it; the refusal is answered, not retried.
            String self = "door: {naam: \"E. Smit\"}\ndatum: 20-10-2023\n";
            assertEquals("1 record(s): reported", handler.handleRequest(S3Events.fromJson(event(s3,
                    "vaststellingen/GM0505/vaststelling.yaml", self.getBytes(StandardCharsets.UTF_8), "2023-10-20T09:00:00Z")), null));
            assertTrue(answer(s3, "vaststellingen/GM0505/vaststelling.yaml").startsWith("Niet verwerkt: Vier ogen"),
                    answer(s3, "vaststellingen/GM0505/vaststelling.yaml"));

            String other = "kenmerk: KW-2023-GM0505-V\ndoor: {naam: \"B. de Groot\", rol: vaststeller}\ndatum: 20-10-2023\n";
            String vaststelling = event(s3, "vaststellingen/GM0505/vaststelling.yaml", other.getBytes(StandardCharsets.UTF_8),
                    "2023-10-20T10:00:00Z");
            assertEquals("1 record(s): processed", handler.handleRequest(S3Events.fromJson(vaststelling), null));
            assertEquals("Verlening KW-2023-GM0505-V vastgesteld op 20 oktober 2023 door B. de Groot.\n",
                    answer(s3, "vaststellingen/GM0505/vaststelling.yaml"));
            assertEquals("vastgesteld", zaak(dossier).status());
            assertTrue(werkvoorraad(s3).orElseThrow().contains("<td>vastgesteld: "), werkvoorraad(s3).orElseThrow());
            assertEquals("vastgesteld", workbookStatus(s3));
            assertFalse(java.util.Arrays.equals(xlsx,
                    s3.getObjectAsBytes(r -> r.bucket(OUT).key("werkvoorraad/werkvoorraad.xlsx")).asByteArray()));

            // Another gemeente's folder, and a file that is no vaststelling: answered refusals, the dossier unchanged.
            String elsewhere = event(s3, "vaststellingen/GM0363/vaststelling.yaml", other.getBytes(StandardCharsets.UTF_8),
                    "2023-10-20T11:00:00Z");
            assertEquals("1 record(s): reported", handler.handleRequest(S3Events.fromJson(elsewhere), null));
            assertTrue(answer(s3, "vaststellingen/GM0363/vaststelling.yaml").contains("hoort niet bij de map vaststellingen/GM0363/"));
            assertEquals(List.of(), dossier.events("GM0363"));
        }
    }

    private static java.util.Optional<String> werkvoorraad(S3Client s3) {
        try {
            return java.util.Optional.of(s3.getObjectAsBytes(r -> r.bucket(OUT).key("werkvoorraad/werkvoorraad.html")).asUtf8String());
        } catch (software.amazon.awssdk.services.s3.model.NoSuchKeyException e) {
            return java.util.Optional.empty();
        }
    }

    /** The status cell of the one row of the workbook's sheet "Werkvoorraad". */
    private static String workbookStatus(S3Client s3) throws Exception {
        byte[] xlsx = s3.getObjectAsBytes(r -> r.bucket(OUT).key("werkvoorraad/werkvoorraad.xlsx")).asByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheet("Werkvoorraad");
            assertEquals("Status", sheet.getRow(0).getCell(5).getStringCellValue());
            assertEquals(1, sheet.getLastRowNum(), "one aanvraag");
            return sheet.getRow(1).getCell(5).getStringCellValue();
        }
    }

    /** A vaststelling file naming the -S kenmerk is the vaststelling of the uitkering: before its concept, a Dutch refusal. */
    @Test
    void theVaststellingOfTheUitkeringWaitsForItsConcept() throws Exception {
        try (EmbeddedS3 server = new EmbeddedS3(); S3Client s3 = server.client(S3Clients::create)) {
            server.createVersionedBucket(s3, UP);
            server.createVersionedBucket(s3, OUT);
            ReviewerUploadHandler handler = new ReviewerUploadHandler(s3, new PipelineConfig(UP, OUT, 10_000_000));
            String yaml = "kenmerk: KW-2023-GM0363-S\ndoor: {naam: \"B. de Groot\"}\ndatum: 03-07-2026\n";
            assertEquals("1 record(s): reported", handler.handleRequest(S3Events.fromJson(event(s3,
                    "vaststellingen/GM0363/vaststelling.yaml", yaml.getBytes(StandardCharsets.UTF_8), "2026-07-03T09:00:00Z")), null));
            String answer = answer(s3, "vaststellingen/GM0363/vaststelling.yaml");
            assertTrue(answer.startsWith("Niet verwerkt: Het dossier van GM0363 heeft nog geen concept-vaststelling"), answer);
        }
    }

    private static DossierState.Zaak zaak(DossierService dossier) {
        return dossier.state("GM0505").zaken().stream().filter(z -> z.kenmerk().equals("KW-2023-GM0505-V"))
                .findFirst().orElseThrow();
    }

    /** The reviewer's name, date and one art. 12 judgement on the sheet "Beoordeling"; the findings as the concept has them. */
    private static byte[] signed(byte[] workbook, String naam, String datum) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            Sheet sheet = wb.getSheet("Beoordeling");
            for (Row r : sheet) {
                String label = new DataFormatter().formatCellValue(r.getCell(0));
                if (label.equals("Naam beoordelaar")) {
                    r.createCell(1).setCellValue(naam);
                } else if (label.startsWith("Datum")) {
                    r.createCell(1).setCellValue(datum);
                } else if (label.equals("3")) {
                    // Art. 12 for activity 3: a contribution to the goals is expected.
                    r.createCell(5).setCellValue("ja");
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        }
    }

    private static String answer(S3Client s3, String key) {
        String prefix = "antwoorden/" + key + "/";
        List<String> keys = s3.listObjectsV2Paginator(r -> r.bucket(OUT).prefix(prefix)).contents().stream()
                .map(o -> o.key()).toList();
        // The latest version of the act has the newest answer: keys hold version ids, which s3proxy numbers in order.
        String last = keys.stream().sorted().reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no answer under " + prefix));
        return s3.getObjectAsBytes(r -> r.bucket(OUT).key(last)).asUtf8String();
    }

    private static String event(S3Client s3, String key, byte[] content, String time) {
        s3.putObject(r -> r.bucket(UP).key(key), RequestBody.fromBytes(content));
        HeadObjectResponse head = s3.headObject(r -> r.bucket(UP).key(key));
        return S3NotificationJson.event(S3Events.REGION, List.of(new S3NotificationJson.ObjectCreated(UP, key,
                head.contentLength(), S3Events.stripQuotes(head.eTag()), head.versionId(), Instant.parse(time))));
    }

    private static byte[] fixture(String name) throws Exception {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("test-fixtures/generated"))) {
                return Files.readAllBytes(p.resolve("test-fixtures").resolve(name));
            }
        }
        throw new IllegalStateException("test-fixtures not found");
    }
}
