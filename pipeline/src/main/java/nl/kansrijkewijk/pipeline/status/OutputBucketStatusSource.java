package nl.kansrijkewijk.pipeline.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.kansrijkewijk.processing.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Status from what the pipeline writes today: an upload under {@code inbox/<CBS>/<file>} is "ontvangen" until
 * {@code <CBS>/<file>/<version>/manifest.json} exists in the output bucket (written last, so the folder is then
 * complete); bevindingen.json gives the kenmerk, the decision outline and the findings, fout.json the reason an
 * upload could not be read. Reads only the JSON files, never the uploaded document.
 */
public final class OutputBucketStatusSource implements StatusSource {
    private static final Logger LOG = LoggerFactory.getLogger(OutputBucketStatusSource.class);
    public static final String MANIFEST = "manifest.json";

    private final BucketStore store;
    private final String uploadBucket;
    private final String outputBucket;

    public OutputBucketStatusSource(BucketStore store, String uploadBucket, String outputBucket) {
        this.store = store;
        this.uploadBucket = uploadBucket;
        this.outputBucket = outputBucket;
    }

    @Override
    public List<DocumentStatus> documents(String cbsCode) {
        if (!InboxKeys.CBS_CODE.matcher(cbsCode).matches()) {
            return List.of();
        }
        return assemble(InboxKeys.INBOX_PREFIX + cbsCode + "/", cbsCode + "/");
    }

    @Override
    public List<DocumentStatus> allDocuments() {
        return assemble(InboxKeys.INBOX_PREFIX, "");
    }

    private List<DocumentStatus> assemble(String inboxPrefix, String outputPrefix) {
        // Newest manifest per upload folder: <CBS>/<file>/ → manifest entry.
        Map<String, BucketStore.Entry> manifests = new HashMap<>();
        for (BucketStore.Entry e : store.list(outputBucket, outputPrefix)) {
            if (!e.key().endsWith("/" + MANIFEST)) {
                continue;
            }
            String withoutManifest = e.key().substring(0, e.key().length() - MANIFEST.length() - 1);
            int versionSlash = withoutManifest.lastIndexOf('/');
            if (versionSlash < 0) {
                continue;
            }
            String folder = withoutManifest.substring(0, versionSlash + 1);
            manifests.merge(folder, e, (a, b) -> a.lastModified().isAfter(b.lastModified()) ? a : b);
        }
        List<DocumentStatus> documents = new ArrayList<>();
        for (BucketStore.Entry upload : store.list(uploadBucket, inboxPrefix)) {
            Optional<InboxKeys.Parsed> parsed = InboxKeys.parse(upload.key());
            if (parsed.isEmpty()) {
                continue;
            }
            String folder = upload.key().substring(InboxKeys.INBOX_PREFIX.length()) + "/";
            BucketStore.Entry manifest = manifests.get(folder);
            documents.add(manifest == null ? received(parsed.get(), upload) : processed(parsed.get(), upload, manifest.key()));
        }
        documents.sort(Comparator.comparing(DocumentStatus::receivedAt, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(DocumentStatus::uploadKey));
        return List.copyOf(documents);
    }

    private static DocumentStatus received(InboxKeys.Parsed p, BucketStore.Entry upload) {
        return new DocumentStatus(p.cbsCode(), Gemeenten.name(p.cbsCode()).orElse(p.cbsCode()), p.trackingId(),
                p.fileName(), upload.key(), upload.lastModified(), DocumentStatus.Status.ONTVANGEN, null, null, 0, 0,
                null, null, List.of(), List.of(), List.of());
    }

    private DocumentStatus processed(InboxKeys.Parsed p, BucketStore.Entry upload, String manifestKey) {
        JsonNode manifest = readJson(manifestKey).orElse(null);
        if (manifest == null) {
            return received(p, upload);
        }
        String folder = manifestKey.substring(0, manifestKey.length() - MANIFEST.length());
        List<DocumentStatus.Output> outputs = new ArrayList<>();
        for (JsonNode o : manifest.path("outputs")) {
            outputs.add(new DocumentStatus.Output(o.path("name").asText(), o.path("key").asText()));
        }
        boolean unreadable = "onleesbaar".equals(manifest.path("status").asText());
        String kenmerk = null;
        LocalDate deadline = null;
        String message = null;
        List<DocumentStatus.Onderdeel> onderdelen = new ArrayList<>();
        List<DocumentStatus.Finding> findings = new ArrayList<>();
        if (unreadable) {
            message = readJson(folder + "fout.json").map(f -> f.path("message").asText(null)).orElse(null);
        } else {
            JsonNode b = readJson(folder + "bevindingen.json").orElse(null);
            if (b != null) {
                JsonNode besluit = b.path("besluit");
                kenmerk = besluit.path("kenmerk").asText(null);
                String d = besluit.path("decisionDeadline").asText(null);
                deadline = d == null ? null : LocalDate.parse(d);
                for (JsonNode o : besluit.path("onderdelen")) {
                    onderdelen.add(new DocumentStatus.Onderdeel(o.path("onderdeel").asText(),
                            o.path("name").asText(null), o.path("focusgebied").asText(null), money(o, "requested"), money(o, "maximum"),
                            money(o, "granted"), money(o, "refused")));
                }
                for (JsonNode f : b.path("findings")) {
                    findings.add(new DocumentStatus.Finding(f.path("severity").asText(), f.path("rule").asText(),
                            f.path("article").asText(null), f.path("message").asText(), f.path("onderdeel").asText(null)));
                }
            }
        }
        String name = manifest.path("gemeente").asText(null);
        return new DocumentStatus(p.cbsCode(), name != null ? name : Gemeenten.name(p.cbsCode()).orElse(p.cbsCode()),
                p.trackingId(), p.fileName(), upload.key(), upload.lastModified(),
                unreadable ? DocumentStatus.Status.ONLEESBAAR : DocumentStatus.Status.CONCEPT, kenmerk,
                manifest.path("outcome").asText(null), manifest.path("afwijzingen").asLong(),
                manifest.path("waarschuwingen").asLong(), deadline, message, List.copyOf(onderdelen),
                List.copyOf(findings), List.copyOf(outputs));
    }

    private static BigDecimal money(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.decimalValue();
    }

    private Optional<JsonNode> readJson(String key) {
        return store.read(outputBucket, key).flatMap(bytes -> {
            try {
                return Optional.of(Json.mapper().readTree(bytes));
            } catch (IOException e) {
                LOG.warn("unreadable JSON at s3://{}/{}: {}", outputBucket, key, e.toString());
                return Optional.empty();
            }
        });
    }
}
