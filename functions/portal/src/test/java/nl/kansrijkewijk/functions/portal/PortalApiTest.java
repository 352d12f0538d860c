package nl.kansrijkewijk.functions.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.kansrijkewijk.pipeline.status.OutputBucketStatusSource;
import nl.kansrijkewijk.processing.Json;
import org.junit.jupiter.api.Test;

/** The API core with a recording signer: what each caller gets, and what the signer is never asked to sign. */
class PortalApiTest {
    static final Caller.Gemeente AMSTERDAM = new Caller.Gemeente("GM0363", "a");
    static final Caller.Gemeente ROTTERDAM = new Caller.Gemeente("GM0599", "r");
    static final Caller.Reviewer REVIEWER = new Caller.Reviewer("rev");

    final MemoryStore store = Fakes.pipelineOutputs();
    final Fakes.RecordingSigner signer = new Fakes.RecordingSigner();
    final PortalApi api = new PortalApi(new PortalConfig(Fakes.UPLOADS, Fakes.OUTPUTS), signer,
            new OutputBucketStatusSource(store, Fakes.UPLOADS, Fakes.OUTPUTS), store,
            Clock.fixed(Instant.parse("2023-09-12T10:15:00Z"), ZoneOffset.UTC));

    private ApiResponse call(Caller c, String method, String path, Map<String, String> query, String body) {
        return api.handle(new ApiRequest(method, path, query, body), Optional.ofNullable(c));
    }

    private static Map<?, ?> json(ApiResponse r) throws Exception {
        return Json.mapper().readValue(r.body(), Map.class);
    }

    @Test
    void withoutCredentialsNothingIsAnswered() {
        assertEquals(401, call(null, "GET", "/uploads", Map.of(), null).status());
        assertEquals(401, call(null, "POST", "/uploads", Map.of(), "{\"name\":\"a.pdf\",\"size\":1}").status());
        assertTrue(signer.signed.isEmpty());
    }

    @Test
    void anUploadTicketIsForTheCallersOwnFolder() throws Exception {
        ApiResponse r = call(ROTTERDAM, "POST", "/uploads", Map.of(), "{\"name\":\"../GM0363/aanvraag.pdf\",\"size\":1000}");
        assertEquals(201, r.status(), r.bodyText());
        Map<?, ?> t = json(r);
        assertTrue(((String) t.get("key")).startsWith("inbox/GM0599/20230912-121500-"), (String) t.get("key"));
        assertEquals("2023-09-12T10:20:00Z", t.get("expiresAt"), "five minutes");
        assertEquals(List.of("PUT up/" + t.get("key")), signer.signed);
    }

    @Test
    void uploadsAreRefusedForReviewersWrongTypesAndOversizedFiles() {
        assertEquals(403, call(REVIEWER, "POST", "/uploads", Map.of(), "{\"name\":\"a.pdf\",\"size\":10}").status());
        assertEquals(400, call(AMSTERDAM, "POST", "/uploads", Map.of(), "{\"name\":\"a.docx\",\"size\":10}").status());
        assertEquals(400, call(AMSTERDAM, "POST", "/uploads", Map.of(), "{\"name\":\"a.pdf\",\"size\":0}").status());
        assertEquals(400, call(AMSTERDAM, "POST", "/uploads", Map.of(), "not json").status());
        ApiResponse big = call(AMSTERDAM, "POST", "/uploads", Map.of(), "{\"name\":\"a.pdf\",\"size\":20971521}");
        assertEquals(413, big.status());
        assertTrue(big.bodyText().contains("20 MB"), big.bodyText());
        assertTrue(signer.signed.isEmpty());
    }

    @Test
    void aGemeenteSeesItsOwnDocumentsWithStatusOutcomeAndLinks() throws Exception {
        ApiResponse r = call(AMSTERDAM, "GET", "/uploads", Map.of(), null);
        assertEquals(200, r.status());
        List<?> docs = (List<?>) json(r).get("documenten");
        assertEquals(2, docs.size());
        Map<?, ?> newest = (Map<?, ?>) docs.get(0);
        assertEquals("wijziging.xlsx", newest.get("document"));
        assertEquals("ontvangen", newest.get("status"));
        Map<?, ?> processed = (Map<?, ?>) docs.get(1);
        assertEquals("20230912-121500-a1b2c3", processed.get("trackingId"));
        assertEquals("concept", processed.get("status"));
        assertEquals("KW-2023-GM0363-V", processed.get("kenmerk"));
        assertEquals("gedeeltelijke afwijzing", processed.get("uitkomst"));
        assertEquals(2, processed.get("bevindingen"));
        assertEquals("2023-12-23", processed.get("uitersteBeslisdatum"));
        Map<?, ?> org = (Map<?, ?>) ((List<?>) processed.get("onderdelen")).get(0);
        assertEquals(3000000.0, ((Number) org.get("verleend")).doubleValue());
        assertEquals(100000.0, ((Number) org.get("afgewezen")).doubleValue());
        List<?> downloads = (List<?>) processed.get("downloads");
        assertEquals(2, downloads.size(), "the concept letter and the workbook; bevindingen.json is for machines");
        assertTrue(signer.signed.stream().allMatch(s -> s.startsWith("GET out/GM0363/")), signer.signed.toString());
    }

    @Test
    void gemeenteACannotSeeOrFetchAnythingOfGemeenteB() {
        assertEquals(403, call(AMSTERDAM, "GET", "/uploads", Map.of("gemeente", "GM0599"), null).status());
        assertEquals(403, call(AMSTERDAM, "GET", "/downloads", Map.of("key", "GM0599/kapot.pdf/e1/fout.json"), null).status());
        assertEquals(403, call(AMSTERDAM, "GET", "/downloads", Map.of("key", "dossier/GM0599/x.json"), null).status());
        assertEquals(403, call(AMSTERDAM, "GET", "/downloads",
                Map.of("key", "GM0363/../GM0599/kapot.pdf/e1/fout.json"), null).status());
        assertEquals(403, call(AMSTERDAM, "GET", "/werkvoorraad", Map.of(), null).status());
        assertEquals(403, call(AMSTERDAM, "GET", "/downloads", Map.of("key", "werkvoorraad/werkvoorraad.xlsx"), null).status());
        assertEquals(403, call(AMSTERDAM, "POST", "/beoordelingen", Map.of(), "{}").status());
        assertTrue(signer.signed.isEmpty(), "nothing was signed: " + signer.signed);
    }

    @Test
    void anUnreadableUploadShowsItsReason() throws Exception {
        Map<?, ?> doc = (Map<?, ?>) ((List<?>) json(call(ROTTERDAM, "GET", "/uploads", Map.of(), null)).get("documenten")).get(0);
        assertEquals("onleesbaar", doc.get("status"));
        assertEquals("Dit bestand is geen PDF.", doc.get("melding"));
    }

    @Test
    void aReviewerSeesTheWerkvoorraadAndAnyGemeente() throws Exception {
        ApiResponse w = call(REVIEWER, "GET", "/werkvoorraad", Map.of(), null);
        assertEquals(200, w.status(), w.bodyText());
        Map<?, ?> body = json(w);
        assertEquals(3, body.get("aanvragen"), "Amsterdam's processed and received uploads, Rotterdam's unreadable one");
        String html = (String) body.get("html");
        assertTrue(html.indexOf("KW-2023-GM0363-V") < html.indexOf("Rotterdam"), "the one with a deadline first");
        assertTrue(store.read(Fakes.OUTPUTS, "werkvoorraad/werkvoorraad.xlsx").isPresent());
        assertEquals(200, call(REVIEWER, "GET", "/uploads", Map.of("gemeente", "GM0599"), null).status());
        assertEquals(501, call(REVIEWER, "POST", "/beoordelingen", Map.of(), "{}").status());
        assertFalse(call(REVIEWER, "GET", "/me", Map.of(), null).bodyText().contains("gemeente\""));
    }
}
