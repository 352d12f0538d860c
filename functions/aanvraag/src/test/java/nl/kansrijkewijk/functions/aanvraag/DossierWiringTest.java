package nl.kansrijkewijk.functions.aanvraag;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import nl.kansrijkewijk.dossier.DossierService;
import nl.kansrijkewijk.dossier.DossierState;
import nl.kansrijkewijk.pipeline.PipelineConfig;
import nl.kansrijkewijk.pipeline.s3.S3Clients;
import nl.kansrijkewijk.pipeline.s3.S3DossierStore;
import nl.kansrijkewijk.processing.DocumentProcessor;
import nl.kansrijkewijk.testkit.s3.EmbeddedS3;
import nl.kansrijkewijk.testkit.s3.S3Events;
import nl.kansrijkewijk.testkit.s3.S3NotificationJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * The deployed handler with the real processor records what it accepted in the gemeente's dossier in the output
 * bucket, once however often S3 delivers the event, and leaves the dossier alone for what it refused.
 */
class DossierWiringTest {
    private static final Instant SEPTEMBER = Instant.parse("2023-09-14T08:00:00Z");
    private static EmbeddedS3 server;
    private static S3Client s3;
    private static DocumentProcessor processor;
    private static int buckets;

    @BeforeAll
    static void start() throws Exception {
        server = new EmbeddedS3();
        s3 = server.client(S3Clients::create);
        processor = DefaultProcessor.create();
    }

    @AfterAll
    static void stop() throws Exception {
        s3.close();
        server.close();
    }

    @Test
    void anAcceptedUploadIsRecordedInItsDossierOnceForARepeatedEvent() throws Exception {
        String[] b = buckets();
        AanvraagUploadHandler handler = new AanvraagUploadHandler(s3, processor, new PipelineConfig(b[0], b[1], 10_000_000));
        var event = event(b[0], "inbox/GM0505/aanvraag.pdf", fixture("generated/dordrecht-jonge-kind-veerkracht.pdf"));

        String first = handler.handleRequest(S3Events.fromJson(event), null);
        assertTrue(first.contains("processed=1"), first);
        List<String> dossierKeys = recorded(b[1]);
        byte[] view = s3.getObjectAsBytes(r -> r.bucket(b[1]).key("dossier/GM0505/dossier.json")).asByteArray();
        DossierState state = new DossierService(new S3DossierStore(s3, b[1])).state("GM0505");
        // Dordrecht's aanvraag, received in September 2023: the verlening case of GM0505, with the upload in it.
        assertEquals(List.of("KW-2023-GM0505-V"), state.zaken().stream().map(DossierState.Zaak::kenmerk).toList());
        assertTrue(dossierKeys.stream().anyMatch(k -> k.startsWith("dossier/GM0505/events/KW-2023-GM0505-V/AanvraagOntvangen/")),
                dossierKeys.toString());

        String second = handler.handleRequest(S3Events.fromJson(event), null);
        assertTrue(second.contains("already_done=1"), second);
        // Even when the manifest is gone (an attempt that died before it), the dossier gets nothing new.
        s3.listObjectsV2Paginator(r -> r.bucket(b[1]).prefix("GM0505/")).contents().stream()
                .filter(o -> o.key().endsWith("/manifest.json"))
                .forEach(o -> s3.deleteObject(r -> r.bucket(b[1]).key(o.key())));
        String third = handler.handleRequest(S3Events.fromJson(event), null);
        assertTrue(third.contains("processed=1"), third);
        assertEquals(dossierKeys, recorded(b[1]), "a repeated delivery writes no new event, document or concept");
        // dossier.json is the projection, rewritten by every refresh: the same bytes.
        assertArrayEquals(view, s3.getObjectAsBytes(r -> r.bucket(b[1]).key("dossier/GM0505/dossier.json")).asByteArray());
    }

    @Test
    void theUploadsOutputsAreTheDossiersConceptAndALateEarlierUploadIsJudgedAlone() throws Exception {
        String[] b = buckets();
        AanvraagUploadHandler handler = new AanvraagUploadHandler(s3, processor, new PipelineConfig(b[0], b[1], 10_000_000));
        handler.handleRequest(S3Events.fromJson(event(b[0], "inbox/GM0505/aanvraag.xlsx",
                fixture("generated/dordrecht-jonge-kind-veerkracht.xlsx"))), null);
        DossierState state = new DossierService(new S3DossierStore(s3, b[1])).state("GM0505");
        String versie = state.zaken().get(0).versie();
        String dossierFolder = "dossier/GM0505/KW-2023-GM0505-V/" + versie + "/";
        List<String> concept = keys(b[1], dossierFolder);
        List<String> upload = keys(b[1], "GM0505/aanvraag.xlsx/").stream().filter(k -> !k.endsWith("/manifest.json")).toList();
        // The same files, byte for byte: the letter, the workbook with the reviewers' columns, the JSON reports.
        assertEquals(concept.stream().map(k -> k.substring(dossierFolder.length())).toList(),
                upload.stream().map(k -> k.substring(k.lastIndexOf('/') + 1)).toList());
        assertTrue(concept.stream().anyMatch(k -> k.endsWith("/concept-verleningsbeschikking.pdf")), concept.toString());
        for (int i = 0; i < concept.size(); i++) {
            assertArrayEquals(bytes(b[1], concept.get(i)), bytes(b[1], upload.get(i)), upload.get(i));
        }
        String bevindingen = new String(bytes(b[1], dossierFolder + "bevindingen.json"), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(bevindingen.contains("\"kenmerk\" : \"KW-2023-GM0505-V\""), "the case kenmerk");

        // The PDF of the same aanvraag arrives later but was received a day earlier: superseded on arrival, so the
        // dossier makes no concept of it; its own folder still gets its outputs, judged alone.
        handler.handleRequest(S3Events.fromJson(eventAt(b[0], "inbox/GM0505/eerder.pdf",
                fixture("generated/dordrecht-jonge-kind-veerkracht.pdf"), SEPTEMBER.minusSeconds(86_400))), null);
        List<String> earlier = keys(b[1], "GM0505/eerder.pdf/");
        assertTrue(earlier.stream().anyMatch(k -> k.endsWith("/concept-verleningsbeschikking.pdf")), earlier.toString());
        assertEquals(1, keys(b[1], "dossier/GM0505/KW-2023-GM0505-V/").stream()
                .filter(k -> k.endsWith("/concept-verleningsbeschikking.pdf")).count(), "no concept of the superseded upload");
    }

    private static List<String> keys(String bucket, String prefix) {
        return s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix)).contents().stream()
                .map(o -> o.key()).sorted().toList();
    }

    private static byte[] bytes(String bucket, String key) {
        return s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray();
    }

    @Test
    void aRefusedUploadLeavesTheDossierAlone() throws Exception {
        String[] b = buckets();
        AanvraagUploadHandler handler = new AanvraagUploadHandler(s3, processor, new PipelineConfig(b[0], b[1], 10_000_000));
        // Rotterdam's form in Amsterdam's folder: read, but refused for the folder; and an unreadable file.
        String wrong = handler.handleRequest(S3Events.fromJson(event(b[0], "inbox/GM0363/aanvraag.xlsx",
                fixture("verkeerde-map/amsterdam-map-formulier-van-rotterdam.xlsx"))), null);
        String garbage = handler.handleRequest(S3Events.fromJson(event(b[0], "inbox/GM0363/kapot.pdf",
                "%PDF-1.7 geen echte pdf".getBytes())), null);

        assertTrue(wrong.contains("reported=1"), wrong);
        assertTrue(garbage.contains("reported=1"), garbage);
        assertEquals(List.of(), dossierVersions(b[1]));
    }

    @Test
    void aSisaVerantwoordingIsAcknowledgedAndRecordedAndANietPlausibeleOneIsAnsweredInDutch() throws Exception {
        String[] b = buckets();
        AanvraagUploadHandler handler = new AanvraagUploadHandler(s3, processor, new PipelineConfig(b[0], b[1], 10_000_000));
        // Amsterdam's SiSa bijlage over 2023, received in 2024: not read as an aanvraagformulier, but taken in by the dossier.
        String ok = handler.handleRequest(S3Events.fromJson(eventAt(b[0], "inbox/GM0363/verantwoording-2023.xlsx",
                fixture("verantwoording/amsterdam/verantwoording-2023.xlsx"), Instant.parse("2024-06-20T08:00:00Z"))), null);
        assertTrue(ok.contains("processed=1"), ok);
        assertTrue(recorded(b[1]).stream().anyMatch(k -> k.startsWith("dossier/GM0363/events/KW-2023-GM0363-J2023/")),
                recorded(b[1]).toString());
        String ack = text(b[1], "ontvangst.txt");
        assertTrue(ack.contains("SiSa-verantwoording") && ack.contains("ontvangen op 20 juni 2024"), ack);

        // Another gemeente's bijlage in Amsterdam's folder: niet plausibel, a Dutch answer, nothing in a dossier.
        List<String> before = recorded(b[1]);
        String refused = handler.handleRequest(S3Events.fromJson(eventAt(b[0], "inbox/GM0363/andere-gemeente.xlsx",
                fixture("verantwoording/niet-plausibel/andere-gemeente.xlsx"), Instant.parse("2024-06-21T08:00:00Z"))), null);
        assertTrue(refused.contains("reported=1"), refused);
        assertTrue(text(b[1], "andere-gemeente.xlsx/", "fout.txt").length() > 20);
        assertEquals(before, recorded(b[1]), "a niet-plausibele bijlage records nothing");
    }

    private static String text(String bucket, String name) {
        return text(bucket, "", name);
    }

    /** The one output named {@code name} whose key contains {@code part}. */
    private static String text(String bucket, String part, String name) {
        String key = s3.listObjectsV2Paginator(r -> r.bucket(bucket)).contents().stream()
                .map(o -> o.key()).filter(k -> k.contains(part) && k.endsWith("/" + name)).findFirst().orElseThrow();
        return s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asUtf8String();
    }

    private static String eventAt(String bucket, String key, byte[] content, Instant at) {
        s3.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromBytes(content));
        HeadObjectResponse head = s3.headObject(r -> r.bucket(bucket).key(key));
        return S3NotificationJson.event(S3Events.REGION, List.of(new S3NotificationJson.ObjectCreated(bucket, key,
                head.contentLength(), S3Events.stripQuotes(head.eTag()), head.versionId(), at)));
    }

    private static String[] buckets() {
        buckets++;
        String[] b = {"kw-up-dossier-" + buckets, "kw-out-dossier-" + buckets};
        server.createVersionedBucket(s3, b[0]);
        server.createVersionedBucket(s3, b[1]);
        return b;
    }

    private static String event(String bucket, String key, byte[] content) {
        s3.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromBytes(content));
        HeadObjectResponse head = s3.headObject(r -> r.bucket(bucket).key(key));
        return S3NotificationJson.event(S3Events.REGION, List.of(new S3NotificationJson.ObjectCreated(bucket, key,
                head.contentLength(), S3Events.stripQuotes(head.eTag()), head.versionId(), SEPTEMBER)));
    }

    /** Every version of everything in the dossier but its projection. */
    private static List<String> recorded(String bucket) {
        return dossierVersions(bucket).stream().filter(k -> !k.contains("/dossier.json@")).toList();
    }

    private static List<String> dossierVersions(String bucket) {
        return s3.listObjectVersions(r -> r.bucket(bucket).prefix("dossier/")).versions().stream()
                .map(v -> v.key() + "@" + v.versionId()).sorted().toList();
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
