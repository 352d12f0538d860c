package nl.kansrijkewijk.pipeline.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.kansrijkewijk.processing.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Status from the gemeente's dossier ({@code dossier/<CBS>/dossier.json} in the output bucket) on top of what the
 * pipeline wrote ({@link OutputBucketStatusSource}): a processed upload that the dossier holds gets the case's
 * kenmerk and the case's stage (concept, beoordeeld, vastgesteld), or a note that a later upload replaced it. An
 * upload not (yet) in a dossier keeps the pipeline's status. Each gemeente's status reads only its own dossier.
 */
public final class DossierStatusSource implements StatusSource {
    private static final Logger LOG = LoggerFactory.getLogger(DossierStatusSource.class);
    static final String DOSSIER_PREFIX = "dossier/";

    private final StatusSource pipeline;
    private final BucketStore store;
    private final String outputBucket;

    public DossierStatusSource(StatusSource pipeline, BucketStore store, String outputBucket) {
        this.pipeline = pipeline;
        this.store = store;
        this.outputBucket = outputBucket;
    }

    /** The deployed source: the pipeline's outputs, with the dossiers in the same output bucket on top. */
    public static DossierStatusSource over(BucketStore store, String uploadBucket, String outputBucket) {
        return new DossierStatusSource(new OutputBucketStatusSource(store, uploadBucket, outputBucket), store, outputBucket);
    }

    @Override
    public List<DocumentStatus> documents(String cbsCode) {
        List<DocumentStatus> documents = pipeline.documents(cbsCode);
        if (!InboxKeys.CBS_CODE.matcher(cbsCode).matches()) {
            return documents;
        }
        List<CaseUpload> dossier = dossier(cbsCode);
        return documents.stream().map(d -> overlay(d, dossier)).toList();
    }

    @Override
    public List<DocumentStatus> allDocuments() {
        Map<String, List<CaseUpload>> dossiers = new HashMap<>();
        List<DocumentStatus> out = new ArrayList<>();
        for (DocumentStatus d : pipeline.allDocuments()) {
            out.add(overlay(d, dossiers.computeIfAbsent(d.gemeenteCode(), this::dossier)));
        }
        return List.copyOf(out);
    }

    /** One upload of a case as the projection lists it. */
    private record CaseUpload(String kenmerk, String caseStatus, String document, String versionId, String uploadStatus) {}

    private List<CaseUpload> dossier(String cbsCode) {
        if (!InboxKeys.CBS_CODE.matcher(cbsCode).matches()) {
            return List.of();
        }
        String key = DOSSIER_PREFIX + cbsCode + "/dossier.json";
        Optional<byte[]> bytes = store.read(outputBucket, key);
        if (bytes.isEmpty()) {
            return List.of();
        }
        JsonNode root;
        try {
            root = Json.mapper().readTree(bytes.get());
        } catch (IOException e) {
            LOG.warn("unreadable dossier s3://{}/{}: {}", outputBucket, key, e.toString());
            return List.of();
        }
        if (!cbsCode.equals(root.path("gemeenteCode").asText())) {
            LOG.warn("s3://{}/{} names gemeente {}; ignored", outputBucket, key, root.path("gemeenteCode").asText());
            return List.of();
        }
        List<CaseUpload> uploads = new ArrayList<>();
        for (JsonNode zaak : root.path("zaken")) {
            for (JsonNode u : zaak.path("uploads")) {
                uploads.add(new CaseUpload(zaak.path("kenmerk").asText(), zaak.path("status").asText(),
                        u.path("document").asText(), u.path("versionId").asText(null), u.path("status").asText()));
            }
        }
        return uploads;
    }

    private static DocumentStatus overlay(DocumentStatus d, List<CaseUpload> dossier) {
        if (!d.processed() || dossier.isEmpty()) {
            return d;
        }
        String version = versionOf(d);
        // The pipeline's receipt names the object as stored: the last segment of its key, tracking id included.
        String stored = d.uploadKey().substring(d.uploadKey().lastIndexOf('/') + 1);
        Optional<CaseUpload> match = dossier.stream()
                .filter(u -> u.document().equals(stored) && version != null && version.equals(u.versionId()))
                .findFirst();
        if (match.isEmpty()) {
            return d;
        }
        CaseUpload u = match.get();
        DocumentStatus.Status status = d.status();
        String message = d.message();
        switch (u.uploadStatus()) {
            case "huidig" -> status = switch (u.caseStatus()) {
                case "beoordeeld" -> DocumentStatus.Status.BEOORDEELD;
                case "vastgesteld" -> DocumentStatus.Status.VASTGESTELD;
                case "onleesbaar" -> DocumentStatus.Status.ONLEESBAAR;
                default -> DocumentStatus.Status.CONCEPT;
            };
            case "vervangen" -> message = "Vervangen door een latere upload; " + u.kenmerk()
                    + " wordt op de nieuwste upload beoordeeld.";
            case "na vaststelling ontvangen" -> message = "Ontvangen nadat " + u.kenmerk()
                    + " was vastgesteld; deze upload verandert de vastgestelde verlening niet.";
            default -> { }
        }
        return new DocumentStatus(d.gemeenteCode(), d.gemeenteName(), d.trackingId(), d.documentName(), d.uploadKey(),
                d.receivedAt(), status, u.kenmerk(), d.outcome(), d.afwijzingen(), d.waarschuwingen(),
                d.decisionDeadline(), message, d.onderdelen(), d.findings(), d.outputs());
    }

    /** The upload's version as the pipeline's output folder names it: {@code <CBS>/<file>/<version>/<output>}. */
    private static String versionOf(DocumentStatus d) {
        for (DocumentStatus.Output o : d.outputs()) {
            String key = o.key();
            int last = key.lastIndexOf('/');
            int before = last <= 0 ? -1 : key.lastIndexOf('/', last - 1);
            if (before >= 0) {
                return key.substring(before + 1, last);
            }
        }
        return null;
    }
}
