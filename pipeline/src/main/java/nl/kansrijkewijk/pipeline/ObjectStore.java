package nl.kansrijkewijk.pipeline;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The object storage the pipeline needs, nothing more: the S3 adapter lives in {@code pipeline.s3}.
 * Faults that may heal (network, throttling, 5xx) are thrown as unchecked exceptions and must reach the
 * Lambda runtime so that its bounded retry applies.
 */
public interface ObjectStore {

    /** Metadata of an existing object; empty when there is no such object. */
    Optional<ObjectInfo> head(String bucket, String key);

    /**
     * Reads one upload. With a version id that version is read; without one the object is read only while
     * its ETag is still {@code expectedETag} (so a later overwrite is not mistaken for this upload).
     */
    Fetched read(String bucket, String key, String versionId, String expectedETag, long maxBytes);

    /**
     * Writes the object only if the key is still free (If-None-Match: *).
     *
     * @return false when an object already exists under the key (HTTP 412); nothing is changed then
     */
    boolean putIfAbsent(String bucket, String key, byte[] content, String contentType, Map<String, String> metadata);

    record ObjectInfo(long size, String eTag, String versionId, Map<String, String> metadata) {}

    /** What reading an upload gave. */
    sealed interface Fetched {
        /** @param lastModified null when the store did not say */
        record Content(byte[] bytes, String eTag, String versionId, Instant lastModified) implements Fetched {
            public Content(byte[] bytes, String eTag, String versionId) {
                this(bytes, eTag, versionId, null);
            }
        }

        /** The object or version is gone: nothing to process. */
        record Missing() implements Fetched {}

        /** The key now holds a different object; its own event will process it. */
        record Replaced() implements Fetched {}

        /** Larger than allowed; not downloaded. */
        record TooLarge(long size) implements Fetched {}
    }
}
