package nl.kansrijkewijk.functions.portal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import nl.kansrijkewijk.functions.portal.aws.AwsClients;
import nl.kansrijkewijk.pipeline.s3.S3BucketStore;
import nl.kansrijkewijk.functions.portal.aws.S3UrlSigner;
import nl.kansrijkewijk.pipeline.status.OutputBucketStatusSource;
import nl.kansrijkewijk.processing.Json;
import nl.kansrijkewijk.testkit.s3.EmbeddedS3;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Presigned URLs against a real S3 implementation that checks signatures (s3proxy), sent with a plain HTTP
 * client as a browser would: the URL takes exactly the announced file into the caller's own folder and nothing
 * else.
 */
class PresignedUrlTest {
    static final String UPLOADS = "kw-uploads";
    static final String OUTPUTS = "kw-outputs";
    static EmbeddedS3 server;
    static S3Client s3;
    static S3UrlSigner signer;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final Caller.Gemeente AMSTERDAM = new Caller.Gemeente("GM0363", "a");
    static final Caller.Gemeente ROTTERDAM = new Caller.Gemeente("GM0599", "r");

    @BeforeAll
    static void start() throws Exception {
        server = EmbeddedS3.withOpenCors();
        s3 = server.client(AwsClients::s3);
        s3.createBucket(b -> b.bucket(UPLOADS));
        s3.createBucket(b -> b.bucket(OUTPUTS));
        signer = new S3UrlSigner(server.presigner(AwsClients::presigner));
    }

    @AfterAll
    static void stop() throws Exception {
        s3.close();
        server.close();
    }

    private static PortalApi api(Duration uploadExpiry) {
        S3BucketStore store = new S3BucketStore(s3);
        return new PortalApi(new PortalConfig(UPLOADS, OUTPUTS, 1024 * 1024, uploadExpiry, Duration.ofMinutes(5)), signer,
                new OutputBucketStatusSource(store, UPLOADS, OUTPUTS), store, Clock.systemUTC());
    }

    private static Map<?, ?> ticket(PortalApi api, Caller caller, String name, long size) throws Exception {
        ApiResponse r = api.handle(new ApiRequest("POST", "/uploads", Map.of(),
                "{\"name\":\"" + name + "\",\"size\":" + size + "}"), Optional.of(caller));
        assertEquals(201, r.status(), r.bodyText());
        return Json.mapper().readValue(r.body(), Map.class);
    }

    private static int put(String url, String contentType, byte[] body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).PUT(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void theTicketTakesExactlyTheAnnouncedFileIntoTheOwnFolder() throws Exception {
        byte[] pdf = "%PDF-1.7 test".getBytes(StandardCharsets.US_ASCII);
        Map<?, ?> t = ticket(api(Duration.ofMinutes(5)), AMSTERDAM, "Aanvraag Amsterdam.pdf", pdf.length);
        String key = (String) t.get("key");
        assertTrue(key.startsWith("inbox/GM0363/") && key.endsWith("-Aanvraag-Amsterdam.pdf"), key);
        assertEquals("application/pdf", ((Map<?, ?>) t.get("headers")).get("Content-Type"));

        String url = (String) t.get("url");
        assertEquals(403, put(url, "application/pdf", "%PDF-1.7 test plus more".getBytes(StandardCharsets.US_ASCII)),
                "another length than signed");
        assertEquals(403, put(url, "text/html", pdf), "another content type than signed");
        assertEquals(403, put(url.replace("inbox/GM0363/", "inbox/GM0599/"), "application/pdf", pdf),
                "the URL edited to point into another gemeente's folder");
        assertEquals(403, put(url.replace("X-Amz-Expires=300", "X-Amz-Expires=3000"), "application/pdf", pdf),
                "the expiry edited");
        assertFalse(s3.listObjectsV2(b -> b.bucket(UPLOADS).prefix("inbox/GM0599/")).hasContents());

        assertEquals(200, put(url, "application/pdf", pdf));
        assertArrayEquals(pdf, s3.getObjectAsBytes(b -> b.bucket(UPLOADS).key(key)).asByteArray());
    }

    @Test
    void anExpiredTicketIsRefused() throws Exception {
        byte[] xlsx = "PK fake".getBytes(StandardCharsets.US_ASCII);
        Map<?, ?> t = ticket(api(Duration.ofSeconds(1)), AMSTERDAM, "a.xlsx", xlsx.length);
        Thread.sleep(2_500);
        assertEquals(403, put((String) t.get("url"),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx));
        assertFalse(s3.listObjectsV2(b -> b.bucket(UPLOADS).prefix((String) t.get("key"))).hasContents());
    }

    @Test
    void aDownloadLinkReadsOnlyItsOwnObject() throws Exception {
        s3.putObject(b -> b.bucket(OUTPUTS).key("GM0363/a.pdf/v1/bevindingen.json"), RequestBody.fromString("{\"a\":1}"));
        s3.putObject(b -> b.bucket(OUTPUTS).key("GM0599/b.pdf/v1/bevindingen.json"), RequestBody.fromString("{\"b\":2}"));
        ApiResponse r = api(Duration.ofMinutes(5)).handle(new ApiRequest("GET", "/downloads",
                Map.of("key", "GM0363/a.pdf/v1/bevindingen.json"), null), Optional.of(AMSTERDAM));
        assertEquals(200, r.status());
        String url = (String) Json.mapper().readValue(r.body(), Map.class).get("url");
        HttpResponse<String> ok = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ok.statusCode());
        assertEquals("{\"a\":1}", ok.body());
        String tampered = url.replace("GM0363/a.pdf", "GM0599/b.pdf");
        assertEquals(403, HTTP.send(HttpRequest.newBuilder(URI.create(tampered)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode());

        ApiResponse other = api(Duration.ofMinutes(5)).handle(new ApiRequest("GET", "/downloads",
                Map.of("key", "GM0599/b.pdf/v1/bevindingen.json"), null), Optional.of(AMSTERDAM));
        assertEquals(403, other.status());
    }
}
