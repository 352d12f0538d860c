package nl.kansrijkewijk.pipeline;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import nl.kansrijkewijk.processing.Json;
import nl.kansrijkewijk.provenance.Provenance;

/**
 * {@code manifest.json}, written last into an upload's output folder: which upload was processed, who delivered
 * it and when, the outcome, what produced it, and every output with its SHA-256. Its presence means the folder is
 * complete. No processing timestamps: the same upload (the same event) gives the same bytes.
 *
 * @param received   the upload context the processor was given
 * @param kind       what the document was recognised as (AANVRAAG, WIJZIGING, …); null when it was not read
 * @param provenance code version and the SHA-256 of the regeling data and rule catalogue; null when not read
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"source", "received", "status", "kind", "gemeente", "outcome", "afwijzingen", "waarschuwingen",
        "provenance", "outputs"})
public record Manifest(
        Source source,
        String status,
        String gemeente,
        String outcome,
        long afwijzingen,
        long waarschuwingen,
        List<Output> outputs,
        Received received,
        String kind,
        Provenance provenance) {

    public Manifest(Source source, String status, String gemeente, String outcome, long afwijzingen,
            long waarschuwingen, List<Output> outputs) {
        this(source, status, gemeente, outcome, afwijzingen, waarschuwingen, outputs, null, null, null);
    }

    /** @param sha256 null when the upload was refused without being downloaded */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"bucket", "key", "versionId", "eTag", "size", "sha256"})
    public record Source(String bucket, String key, String versionId, String eTag, long size, String sha256) {}

    /**
     * @param gemeenteCode the CBS code of the upload folder (authoritative); null outside a gemeente folder
     * @param receivedAt   ISO-8601 instant: the S3 event time, else the object's LastModified
     * @param uploader     the principal the S3 event names
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"gemeenteCode", "receivedAt", "uploader"})
    public record Received(String gemeenteCode, String receivedAt, String uploader) {}

    @JsonPropertyOrder({"name", "key", "contentType", "size", "sha256"})
    public record Output(String name, String key, String contentType, long size, String sha256) {}

    public byte[] toJson() {
        return Json.bytes(this);
    }

    public static Manifest parse(byte[] json) {
        try {
            return Json.mapper().readValue(json, Manifest.class);
        } catch (IOException e) {
            throw new UncheckedIOException("not a manifest.json", e);
        }
    }
}
