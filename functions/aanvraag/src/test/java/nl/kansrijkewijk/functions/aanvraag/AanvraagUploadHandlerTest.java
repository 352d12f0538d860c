package nl.kansrijkewijk.functions.aanvraag;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import nl.kansrijkewijk.pipeline.Manifest;
import nl.kansrijkewijk.pipeline.OutputLayout;
import nl.kansrijkewijk.pipeline.PipelineConfig;
import nl.kansrijkewijk.pipeline.s3.S3Clients;
import nl.kansrijkewijk.testkit.ContentDerivedProcessor;
import nl.kansrijkewijk.testkit.s3.EmbeddedS3;
import nl.kansrijkewijk.testkit.s3.S3Events;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The handler against a real S3 API (s3proxy in this JVM), events as JSON through the Lambda runtime's
 * deserializer. The processor is {@link ContentDerivedProcessor}, a test double: these tests are about
 * the S3 plumbing, so every expected output is computed here from the upload independently.
 */
class AanvraagUploadHandlerTest {
    private static EmbeddedS3 server;
    private static S3Client s3;
    private static int bucketCounter;

    private String uploads;
    private String outputs;
    private AanvraagUploadHandler handler;

    @BeforeAll
    static void startServer() throws Exception {
        server = new EmbeddedS3();
        s3 = server.client(S3Clients::create);
    }

    @AfterAll
    static void stopServer() throws Exception {
        s3.close();
        server.close();
    }

    @BeforeEach
    void freshBuckets() {
        bucketCounter++;
        uploads = "kw-uploads-" + bucketCounter;
        outputs = "kw-outputs-" + bucketCounter;
        server.createVersionedBucket(s3, uploads);
        server.createVersionedBucket(s3, outputs);
        handler = AanvraagUploadHandler.withoutDossier(s3, new ContentDerivedProcessor(), new PipelineConfig(uploads, outputs, 4096));
    }

    @Test
    void anUploadGetsEveryOutputWithTheRightContentAndAManifestListingThem() throws Exception {
        byte[] content = "%PDF-1.7 een aanvraag van Amsterdam".getBytes(StandardCharsets.UTF_8);
        HeadObjectResponse upload = put("inbox/GM0363/aanvraag.pdf", content);

        handler.handleRequest(S3Events.created(s3, uploads, "inbox/GM0363/aanvraag.pdf"), null);

        String prefix = "GM0363/aanvraag.pdf/" + upload.versionId() + "/";
        assertEquals(List.of(prefix + "manifest.json", prefix + "naam.txt", prefix + "omgekeerd.bin", prefix + "sha256.txt"),
                keys(outputs));
        assertEquals("aanvraag.pdf", text(outputs, prefix + "naam.txt"));
        assertArrayEquals(ContentDerivedProcessor.reversed(content), bytes(outputs, prefix + "omgekeerd.bin"));
        assertEquals(sha256(content), text(outputs, prefix + "sha256.txt"));

        Manifest manifest = Manifest.parse(bytes(outputs, prefix + "manifest.json"));
        assertEquals(new Manifest.Source(uploads, "inbox/GM0363/aanvraag.pdf", upload.versionId(),
                S3Events.stripQuotes(upload.eTag()), content.length, sha256(content)), manifest.source());
        assertEquals("verwerkt", manifest.status());
        assertEquals("Testgemeente", manifest.gemeente());
        assertEquals(List.of("naam.txt", "omgekeerd.bin", "sha256.txt"),
                manifest.outputs().stream().map(Manifest.Output::name).toList());
        for (Manifest.Output o : manifest.outputs()) {
            byte[] stored = bytes(outputs, o.key());
            assertEquals(sha256(stored), o.sha256(), o.name());
            assertEquals(stored.length, o.size(), o.name());
        }
        // s3proxy drops the space after ';', AWS keeps the header as sent.
        assertEquals("text/plain;charset=utf-8",
                s3.headObject(b -> b.bucket(outputs).key(prefix + "naam.txt")).contentType().replace("; ", ";"));
    }

    @Test
    void theSameEventTwiceLeavesTheSameObjectsAndNoExtraVersions() throws Exception {
        put("inbox/GM0202/aanvraag.xlsx", "PK\u0003\u0004 arnhem".getBytes(StandardCharsets.ISO_8859_1));
        S3Event event = S3Events.created(s3, uploads, "inbox/GM0202/aanvraag.xlsx");

        handler.handleRequest(event, null);
        Map<String, String> first = etagsByKey(outputs);
        List<String> firstVersions = versionIds(outputs);
        String second = handler.handleRequest(event, null);

        assertEquals(first, etagsByKey(outputs));
        assertEquals(firstVersions, versionIds(outputs));
        assertTrue(second.contains("already_done=1"), second);
    }

    @Test
    void aRetryAfterAPartialWriteFindsTheEarlierOutputsIdenticalAndCompletesTheManifest() throws Exception {
        HeadObjectResponse upload = put("inbox/GM0758/aanvraag.pdf", "%PDF-1.7 breda".getBytes(StandardCharsets.UTF_8));
        S3Event event = S3Events.created(s3, uploads, "inbox/GM0758/aanvraag.pdf");
        handler.handleRequest(event, null);
        String manifestKey = "GM0758/aanvraag.pdf/" + upload.versionId() + "/manifest.json";
        byte[] manifest = bytes(outputs, manifestKey);
        Map<String, String> versionsBefore = currentVersionIds(outputs);
        // As if the first attempt died after the outputs but before the manifest.
        s3.deleteObject(b -> b.bucket(outputs).key(manifestKey).versionId(versionsBefore.get(manifestKey)));

        handler.handleRequest(event, null);

        assertArrayEquals(manifest, bytes(outputs, manifestKey));
        Map<String, String> versionsAfter = currentVersionIds(outputs);
        versionsBefore.remove(manifestKey);
        versionsAfter.remove(manifestKey);
        // The retry is the second attempt: it leaves its own marker (UploadPipeline) and rewrites no output.
        String secondMarker = OutputLayout.attemptMarker("GM0758/aanvraag.pdf/" + upload.versionId() + "/", 2);
        assertTrue(versionsAfter.remove(secondMarker) != null, "the second attempt is marked");
        assertEquals(versionsBefore, versionsAfter, "outputs were not rewritten");
    }

    @Test
    void aCorruptUploadGetsAnErrorReportAndStaysUntouched() throws Exception {
        byte[] content = "CORRUPT: geen formulier".getBytes(StandardCharsets.UTF_8);
        HeadObjectResponse before = put("inbox/GM0363/kapot.pdf", content);

        handler.handleRequest(S3Events.created(s3, uploads, "inbox/GM0363/kapot.pdf"), null);

        String prefix = "GM0363/kapot.pdf/" + before.versionId() + "/";
        assertEquals(List.of(prefix + "fout.json", prefix + "fout.txt", prefix + "manifest.json"), keys(outputs));
        assertTrue(text(outputs, prefix + "fout.txt").contains("Het bestand is beschadigd."));
        assertEquals("onleesbaar", Manifest.parse(bytes(outputs, prefix + "manifest.json")).status());

        HeadObjectResponse after = s3.headObject(b -> b.bucket(uploads).key("inbox/GM0363/kapot.pdf"));
        assertEquals(before.eTag(), after.eTag());
        assertEquals(before.versionId(), after.versionId());
        assertArrayEquals(content, bytes(uploads, "inbox/GM0363/kapot.pdf"));
        assertEquals(1, s3.listObjectVersions(b -> b.bucket(uploads)).versions().size());
        assertEquals(List.of("inbox/GM0363/kapot.pdf"), keys(uploads));
    }

    @Test
    void uploadsOutsideTheInboxOrInOtherBucketsAreIgnored() throws Exception {
        put("outbox/GM0363/aanvraag.pdf", "%PDF-1.7".getBytes(StandardCharsets.UTF_8));
        put("inbox/GM0363/aanvraag.pdf", "%PDF-1.7".getBytes(StandardCharsets.UTF_8));

        String result = handler.handleRequest(S3Events.created(s3, uploads, "outbox/GM0363/aanvraag.pdf"), null);
        assertEquals("1 record(s): ignored=1", result);
        // A "folder" placeholder the console creates under the inbox is not an upload.
        assertEquals("1 record(s): ignored=1", handler.handleRequest(
                S3Events.createdWithSize(uploads, "inbox/GM0363/", 0, "d41d8cd98f00b204e9800998ecf8427e", null), null));
        // The right key in a bucket the function does not serve (e.g. an event routed by mistake).
        AanvraagUploadHandler otherBucket = AanvraagUploadHandler.withoutDossier(s3, new ContentDerivedProcessor(),
                new PipelineConfig("kw-uploads-elders", outputs, 4096));
        assertEquals("1 record(s): ignored=1",
                otherBucket.handleRequest(S3Events.created(s3, uploads, "inbox/GM0363/aanvraag.pdf"), null));

        assertEquals(List.of(), keys(outputs));
    }

    /** The time an upload may take follows what Lambda has left, less the reserve for writing the answer. */
    @Test
    void theDeadlineKeepsTheReportReserveOfTheRemainingTime() {
        assertTrue(AanvraagUploadHandler.deadline(remaining(5_000)).passed(), "5 s left: less than the reserve");
        assertFalse(AanvraagUploadHandler.deadline(remaining(60_000)).passed());
        assertFalse(AanvraagUploadHandler.deadline(null).passed());
    }

    private static com.amazonaws.services.lambda.runtime.Context remaining(int millis) {
        return (com.amazonaws.services.lambda.runtime.Context) java.lang.reflect.Proxy.newProxyInstance(
                AanvraagUploadHandlerTest.class.getClassLoader(),
                new Class<?>[] {com.amazonaws.services.lambda.runtime.Context.class},
                (proxy, method, args) -> method.getName().equals("getRemainingTimeInMillis") ? millis : null);
    }

    /** Any suffix, any case: the upload is answered (the processor reads by content; its report names the format). */
    @Test
    void everyInboxUploadIsAnsweredWhateverItsSuffix() throws Exception {
        List<String> names = List.of("inbox/GM0363/aanvraag.PDF", "inbox/GM0363/aanvraag.Xlsx",
                "inbox/GM0363/oud.xls", "inbox/GM0363/rekenblad.ods", "inbox/GM0363/macro.xlsm",
                "inbox/GM0363/brief.docx", "inbox/GM0363/zonder-achtervoegsel");
        for (String n : names) {
            put(n, "%PDF-1.7 iets".getBytes(StandardCharsets.UTF_8));
        }
        String result = handler.handleRequest(S3Events.created(s3, uploads, names.toArray(String[]::new)), null);
        assertEquals(names.size() + " record(s): processed=" + names.size(), result);
        for (String n : names) {
            String folder = n.substring("inbox/".length());
            assertTrue(keys(outputs).stream().anyMatch(k -> k.startsWith(folder + "/") && k.endsWith("/manifest.json")), n);
        }
    }

    @Test
    void everyRecordOfAnEventIsProcessed() throws Exception {
        put("inbox/GM0363/a.pdf", "%PDF-1.7 a".getBytes(StandardCharsets.UTF_8));
        put("inbox/GM0202/b.xlsx", "PK\u0003\u0004 bb".getBytes(StandardCharsets.ISO_8859_1));
        put("inbox/GM0758/c.PDF", "%PDF-1.7 ccc".getBytes(StandardCharsets.UTF_8));

        String result = handler.handleRequest(
                S3Events.created(s3, uploads, "inbox/GM0363/a.pdf", "inbox/GM0202/b.xlsx", "inbox/GM0758/c.PDF"), null);

        assertEquals("3 record(s): processed=3", result);
        assertEquals(List.of("GM0202/b.xlsx", "GM0363/a.pdf", "GM0758/c.PDF"), keys(outputs).stream()
                .filter(k -> k.endsWith("/manifest.json"))
                .map(k -> k.substring(0, k.indexOf('/', k.indexOf('/') + 1)))
                .toList());
    }

    @Test
    void keysWithSpacesAndOtherCharactersArriveEncodedAndAreDecoded() throws Exception {
        String key = "inbox/GM0518/Aanvraag wijk (v2) + bijlage é&ü.pdf";
        HeadObjectResponse upload = put(key, "%PDF-1.7 den haag".getBytes(StandardCharsets.UTF_8));
        S3Event event = S3Events.created(s3, uploads, key);
        String wireKey = event.getRecords().get(0).getS3().getObject().getKey();
        assertFalse(wireKey.contains(" "), "S3 sends keys URL-encoded: " + wireKey);

        handler.handleRequest(event, null);

        String prefix = "GM0518/Aanvraag wijk (v2) + bijlage é&ü.pdf/" + upload.versionId() + "/";
        assertEquals("Aanvraag wijk (v2) + bijlage é&ü.pdf", text(outputs, prefix + "naam.txt"));
        assertEquals(key, Manifest.parse(bytes(outputs, prefix + "manifest.json")).source().key());
    }

    @Test
    void anUploadLargerThanTheLimitIsReportedWithoutBeingDownloaded() throws Exception {
        HeadObjectResponse upload = put("inbox/GM0363/groot.pdf", new byte[5000]);

        handler.handleRequest(S3Events.created(s3, uploads, "inbox/GM0363/groot.pdf"), null);

        String prefix = "GM0363/groot.pdf/" + upload.versionId() + "/";
        Manifest manifest = Manifest.parse(bytes(outputs, prefix + "manifest.json"));
        assertEquals("onleesbaar", manifest.status());
        assertNull(manifest.source().sha256(), "not downloaded, so not hashed");
        assertTrue(text(outputs, prefix + "fout.json").contains("\"reason\" : \"te-groot\""));
        assertTrue(text(outputs, prefix + "fout.txt").contains("Het bestand is 5 kB groot; de grens is 4 kB."),
                text(outputs, prefix + "fout.txt"));
    }

    @Test
    void anUploadLargerThanItsEventSaidIsCutOffWhileReading() throws Exception {
        HeadObjectResponse upload = put("inbox/GM0363/groot.pdf", new byte[5000]);

        handler.handleRequest(S3Events.createdWithSize(uploads, "inbox/GM0363/groot.pdf", 10,
                S3Events.stripQuotes(upload.eTag()), upload.versionId()), null);

        Manifest manifest = Manifest.parse(bytes(outputs, "GM0363/groot.pdf/" + upload.versionId() + "/manifest.json"));
        assertEquals("te groot", manifest.outcome());
        assertEquals(5000, manifest.source().size());
    }

    @Test
    void inAnUnversionedBucketAnOverwrittenUploadIsLeftToItsOwnEvent() throws Exception {
        String plain = "kw-plain-" + bucketCounter;
        s3.createBucket(b -> b.bucket(plain));
        AanvraagUploadHandler h = AanvraagUploadHandler.withoutDossier(s3, new ContentDerivedProcessor(), new PipelineConfig(plain, outputs, 4096));
        s3.putObject(b -> b.bucket(plain).key("inbox/GM0363/a.pdf"), RequestBody.fromString("%PDF-1.7 eerste"));
        S3Event oldEvent = S3Events.created(s3, plain, "inbox/GM0363/a.pdf");
        s3.putObject(b -> b.bucket(plain).key("inbox/GM0363/a.pdf"), RequestBody.fromString("%PDF-1.7 tweede"));

        assertEquals("1 record(s): gone=1", h.handleRequest(oldEvent, null));
        assertEquals(List.of(), keys(outputs));

        h.handleRequest(S3Events.created(s3, plain, "inbox/GM0363/a.pdf"), null);
        String etag = S3Events.stripQuotes(s3.headObject(b -> b.bucket(plain).key("inbox/GM0363/a.pdf")).eTag());
        assertEquals(sha256("%PDF-1.7 tweede".getBytes(StandardCharsets.UTF_8)),
                text(outputs, "GM0363/a.pdf/" + etag + "/sha256.txt"));
    }

    @Test
    void aFaultOfTheServiceIsRethrownAfterTheOtherRecordsAreDone() throws Exception {
        put("inbox/GM0363/crash.pdf", "CRASH".getBytes(StandardCharsets.UTF_8));
        HeadObjectResponse fine = put("inbox/GM0363/goed.pdf", "%PDF-1.7 goed".getBytes(StandardCharsets.UTF_8));
        S3Event event = S3Events.created(s3, uploads, "inbox/GM0363/crash.pdf", "inbox/GM0363/goed.pdf");

        RuntimeException e = assertThrows(AanvraagUploadHandler.UploadFailedException.class,
                () -> handler.handleRequest(event, null));

        assertTrue(e.getMessage().contains("crash.pdf"), e.getMessage());
        assertEquals(4, keys(outputs).size());
        assertTrue(keys(outputs).stream().allMatch(k -> k.startsWith("GM0363/goed.pdf/" + fine.versionId() + "/")));
    }

    @Test
    void anUnreachableS3IsRethrownSoLambdaRetries() throws Exception {
        EmbeddedS3 doomed = new EmbeddedS3();
        try (S3Client client = doomed.client(S3Clients::create)) {
            doomed.createVersionedBucket(client, "kw-uploads");
            doomed.createVersionedBucket(client, "kw-outputs");
            client.putObject(b -> b.bucket("kw-uploads").key("inbox/GM0363/a.pdf"), RequestBody.fromString("%PDF-1.7"));
            S3Event event = S3Events.created(client, "kw-uploads", "inbox/GM0363/a.pdf");
            AanvraagUploadHandler h = AanvraagUploadHandler.withoutDossier(client, new ContentDerivedProcessor(),
                    new PipelineConfig("kw-uploads", "kw-outputs", 4096));
            doomed.stop();

            assertThrows(AanvraagUploadHandler.UploadFailedException.class, () -> h.handleRequest(event, null));
        } finally {
            doomed.close();
        }
    }

    private HeadObjectResponse put(String key, byte[] content) {
        s3.putObject(b -> b.bucket(uploads).key(key), RequestBody.fromBytes(content));
        return s3.headObject(b -> b.bucket(uploads).key(key));
    }

    /** The keys a gemeente sees: without the pipeline's attempt markers (UploadPipelineTest covers those). */
    private static List<String> keys(String bucket) {
        return s3.listObjectsV2Paginator(b -> b.bucket(bucket)).contents().stream().map(S3Object::key)
                .filter(k -> !k.startsWith(OutputLayout.ATTEMPTS_FOLDER)).sorted().toList();
    }

    private static Map<String, String> etagsByKey(String bucket) {
        return s3.listObjectsV2Paginator(b -> b.bucket(bucket)).contents().stream()
                .collect(Collectors.toMap(S3Object::key, S3Object::eTag, (a, b) -> a, TreeMap::new));
    }

    private static List<String> versionIds(String bucket) {
        return s3.listObjectVersions(b -> b.bucket(bucket)).versions().stream()
                .map(v -> v.key() + "@" + v.versionId()).sorted().toList();
    }

    private static Map<String, String> currentVersionIds(String bucket) {
        return s3.listObjectVersions(b -> b.bucket(bucket)).versions().stream()
                .filter(ObjectVersion::isLatest)
                .collect(Collectors.toMap(ObjectVersion::key, ObjectVersion::versionId, (a, b) -> a, TreeMap::new));
    }

    private static byte[] bytes(String bucket, String key) {
        return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
    }

    private static String text(String bucket, String key) {
        return new String(bytes(bucket, key), StandardCharsets.UTF_8);
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
