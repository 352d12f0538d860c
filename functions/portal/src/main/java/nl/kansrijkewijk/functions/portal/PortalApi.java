package nl.kansrijkewijk.functions.portal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.kansrijkewijk.pipeline.status.BucketStore;
import nl.kansrijkewijk.pipeline.status.DocumentStatus;
import nl.kansrijkewijk.pipeline.status.Gemeenten;
import nl.kansrijkewijk.pipeline.status.StatusSource;
import nl.kansrijkewijk.pipeline.werkvoorraad.Links;
import nl.kansrijkewijk.pipeline.werkvoorraad.Werkvoorraad;
import nl.kansrijkewijk.pipeline.werkvoorraad.WerkvoorraadHtml;
import nl.kansrijkewijk.pipeline.werkvoorraad.WerkvoorraadPublisher;
import nl.kansrijkewijk.processing.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The portal API, the same for API Gateway and ./kw serve. Paths are relative to the API base ({@code /api}):
 *
 * <ul>
 *   <li>{@code GET /me} — who the caller is;</li>
 *   <li>{@code POST /uploads} {@code {"name","size"}} — a presigned PUT into the caller's own inbox folder;</li>
 *   <li>{@code GET /uploads[?gemeente=GM…]} — the gemeente's documents with status, outcome and download links;</li>
 *   <li>{@code GET /downloads?key=…} — one presigned GET for an output the caller may read;</li>
 *   <li>{@code GET /werkvoorraad} — the reviewers' werkvoorraad (HTML table, workbook link);</li>
 *   <li>{@code POST /beoordelingen} — reviewers only; recording a beoordeling belongs to the dossier.</li>
 * </ul>
 *
 * Every decision goes through {@link Access}; every answer to a refused request is the same whether or not
 * the thing asked for exists.
 */
public final class PortalApi {
    private static final Logger LOG = LoggerFactory.getLogger(PortalApi.class);
    /** Outputs a gemeente downloads from the portal, with their Dutch label. */
    static final List<String[]> DOWNLOADS = List.of(
            new String[] {"concept-verleningsbeschikking.pdf", "Conceptbeschikking (PDF)"},
            new String[] {"bevindingen.xlsx", "Werkdocument met bevindingen (Excel)"},
            new String[] {"bevindingen.html", "Bevindingen (webpagina)"},
            new String[] {"fout.txt", "Foutrapport (tekst)"});

    private final PortalConfig config;
    private final UrlSigner signer;
    private final StatusSource status;
    private final BucketStore store;
    private final Clock clock;

    public PortalApi(PortalConfig config, UrlSigner signer, StatusSource status, BucketStore store, Clock clock) {
        this.config = config;
        this.signer = signer;
        this.status = status;
        this.store = store;
        this.clock = clock;
    }

    /** @param caller empty when no (valid) credentials came with the request */
    public ApiResponse handle(ApiRequest request, Optional<Caller> caller) {
        if (caller.isEmpty()) {
            return ApiResponse.error(401, "U bent niet ingelogd, of uw inlog is verlopen. Log opnieuw in.");
        }
        Caller c = caller.get();
        String route = request.method().toUpperCase(java.util.Locale.ROOT) + " " + request.path().replaceAll("/+$", "");
        try {
            return switch (route) {
                case "GET /me" -> me(c);
                case "POST /uploads" -> requestUpload(c, request);
                case "GET /uploads" -> uploads(c, request.param("gemeente"));
                case "GET /downloads" -> download(c, request.param("key"));
                case "GET /werkvoorraad" -> werkvoorraad(c);
                case "POST /beoordelingen" -> beoordeling(c);
                default -> ApiResponse.error(404, "Deze functie bestaat niet.");
            };
        } catch (RuntimeException e) {
            LOG.error("{} failed for {}: {}", route, c.subject(), e.toString(), e);
            return ApiResponse.error(500, "Er ging iets mis bij het portaal. Probeer het later opnieuw.");
        }
    }

    private ApiResponse me(Caller c) {
        Map<String, Object> me = new LinkedHashMap<>();
        switch (c) {
            case Caller.Gemeente g -> {
                me.put("rol", "gemeente");
                me.put("gemeente", g.cbsCode());
                me.put("gemeenteNaam", Gemeenten.name(g.cbsCode()).orElse(g.cbsCode()));
            }
            case Caller.Reviewer r -> me.put("rol", "beoordelaar");
        }
        me.put("maxBytes", config.maxUploadBytes());
        return ApiResponse.json(200, me);
    }

    private ApiResponse requestUpload(Caller c, ApiRequest request) {
        if (!(c instanceof Caller.Gemeente g) || !Access.mayUpload(c)) {
            return ApiResponse.error(403, "Alleen een gemeente kan documenten indienen.");
        }
        JsonNode body;
        try {
            body = Json.mapper().readTree(request.body().isBlank() ? "{}" : request.body());
        } catch (IOException e) {
            return ApiResponse.error(400, "De aanvraag om te uploaden is geen geldige JSON.");
        }
        Optional<String> name = UploadKeys.sanitise(body.path("name").asText(null));
        if (name.isEmpty()) {
            return ApiResponse.error(400, "Kies een PDF- of Excel-bestand (.pdf of .xlsx).");
        }
        long size = body.path("size").asLong(-1);
        if (size <= 0) {
            return ApiResponse.error(400, "Het bestand is leeg.");
        }
        if (size > config.maxUploadBytes()) {
            return ApiResponse.error(413, "Het bestand is groter dan " + (config.maxUploadBytes() / (1024 * 1024))
                    + " MB; dat is het maximum.");
        }
        Instant now = clock.instant();
        String trackingId = UploadKeys.newTrackingId(now);
        String key = UploadKeys.key(g, trackingId, name.get());
        // Belt and braces: nothing reaches the signer unless it is directly under the caller's own folder.
        if (!UploadKeys.isOwnInboxKey(c, key)) {
            return ApiResponse.error(403, "Deze uploadlocatie is niet voor u.");
        }
        String contentType = UploadKeys.contentType(name.get());
        UrlSigner.Signed signed = signer.presignPut(config.uploadBucket(), key, contentType, size, config.uploadExpiry());
        Map<String, Object> ticket = new LinkedHashMap<>();
        ticket.put("trackingId", trackingId);
        ticket.put("document", name.get());
        ticket.put("key", key);
        ticket.put("method", "PUT");
        ticket.put("url", signed.url().toString());
        ticket.put("headers", signed.headers());
        ticket.put("expiresAt", now.plus(config.uploadExpiry()).toString());
        ticket.put("maxBytes", config.maxUploadBytes());
        LOG.info("upload ticket {} for {} ({} bytes)", key, c.subject(), size);
        return ApiResponse.json(201, ticket);
    }

    private ApiResponse uploads(Caller c, String requested) {
        String code = requested;
        if (code == null || code.isBlank()) {
            if (!(c instanceof Caller.Gemeente g)) {
                return ApiResponse.error(400, "Geef aan welke gemeente u wilt zien (gemeente=GM….).");
            }
            code = g.cbsCode();
        }
        if (!Caller.CBS_CODE.matcher(code).matches() || !Access.mayReadGemeente(c, code)) {
            return ApiResponse.error(403, "U heeft geen toegang tot de documenten van deze gemeente.");
        }
        List<Map<String, Object>> docs = new ArrayList<>();
        for (DocumentStatus d : status.documents(code)) {
            docs.add(view(d));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("gemeente", code);
        answer.put("gemeenteNaam", Gemeenten.name(code).orElse(code));
        answer.put("documenten", docs);
        return ApiResponse.json(200, answer);
    }

    private Map<String, Object> view(DocumentStatus d) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("trackingId", d.trackingId());
        v.put("document", d.documentName());
        v.put("ontvangen", d.receivedAt() == null ? null : d.receivedAt().toString());
        v.put("status", d.status().label());
        v.put("kenmerk", d.kenmerk());
        v.put("uitkomst", d.outcome());
        v.put("afwijzingen", d.afwijzingen());
        v.put("waarschuwingen", d.waarschuwingen());
        v.put("bevindingen", d.findings().size());
        v.put("uitersteBeslisdatum", d.decisionDeadline() == null ? null : d.decisionDeadline().toString());
        v.put("melding", d.message());
        List<Map<String, Object>> parts = new ArrayList<>();
        for (DocumentStatus.Onderdeel o : d.onderdelen()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("onderdeel", o.onderdeel());
            p.put("naam", o.name());
            p.put("focusgebied", o.focusgebied());
            p.put("aangevraagd", o.requested());
            p.put("verleend", o.granted());
            p.put("afgewezen", o.refused());
            parts.add(p);
        }
        v.put("onderdelen", parts);
        List<Map<String, Object>> links = new ArrayList<>();
        for (String[] wanted : DOWNLOADS) {
            for (DocumentStatus.Output o : d.outputs()) {
                if (o.name().equals(wanted[0])) {
                    URI url = signer.presignGet(config.outputBucket(), o.key(), d.trackingId() + "-" + o.name(),
                            config.downloadExpiry());
                    links.add(Map.of("naam", wanted[1], "bestand", o.name(), "url", url.toString()));
                }
            }
        }
        v.put("downloads", links);
        return v;
    }

    private ApiResponse download(Caller c, String key) {
        if (key == null || !Access.mayReadOutput(c, key)) {
            return ApiResponse.error(403, "U heeft geen toegang tot dit bestand.");
        }
        String name = key.substring(key.lastIndexOf('/') + 1);
        URI url = signer.presignGet(config.outputBucket(), key, name, config.downloadExpiry());
        return ApiResponse.json(200, Map.of("url", url.toString()));
    }

    private ApiResponse werkvoorraad(Caller c) {
        if (!Access.mayReadWerkvoorraad(c)) {
            return ApiResponse.error(403, "De werkvoorraad is alleen voor beoordelaars van het ministerie.");
        }
        Werkvoorraad w = Werkvoorraad.of(status.allDocuments());
        Links presigned = new Links() {
            @Override
            public String output(String outputKey) {
                return signer.presignGet(config.outputBucket(), outputKey, outputKey.substring(outputKey.lastIndexOf('/') + 1),
                        config.downloadExpiry()).toString();
            }

            @Override
            public String dossier(String cbsCode) {
                return "index.html?gemeente=" + cbsCode;
            }
        };
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("aanvragen", w.rows().size());
        answer.put("html", WerkvoorraadHtml.fragment(w, presigned));
        if (store.list(config.outputBucket(), WerkvoorraadPublisher.XLSX_KEY).isEmpty()) {
            new WerkvoorraadPublisher(status, store, config.outputBucket()).regenerate();
        }
        answer.put("xlsx", signer.presignGet(config.outputBucket(), WerkvoorraadPublisher.XLSX_KEY, "werkvoorraad.xlsx",
                config.downloadExpiry()).toString());
        return ApiResponse.json(200, answer);
    }

    private ApiResponse beoordeling(Caller c) {
        if (!Access.mayWriteBeoordeling(c)) {
            return ApiResponse.error(403, "Alleen een beoordelaar van het ministerie kan een beoordeling vastleggen.");
        }
        return ApiResponse.error(501, "Beoordelingen vastleggen via het portaal is nog niet gebouwd; dat hoort bij het dossier.");
    }
}
