package nl.kansrijkewijk.pipeline;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import nl.kansrijkewijk.processing.Json;

/**
 * {@code manifest.json}, written last into an upload's output folder: which upload was processed, the
 * outcome, and every output with its SHA-256. Its presence means the folder is complete. No timestamps:
 * the same upload gives the same bytes.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"source", "status", "gemeente", "outcome", "afwijzingen", "waarschuwingen", "outputs"})
public record Manifest(
        Source source,
        String status,
        String gemeente,
        String outcome,
        long afwijzingen,
        long waarschuwingen,
        List<Output> outputs) {

    /** @param sha256 null when the upload was refused without being downloaded */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"bucket", "key", "versionId", "eTag", "size", "sha256"})
    public record Source(String bucket, String key, String versionId, String eTag, long size, String sha256) {}

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
