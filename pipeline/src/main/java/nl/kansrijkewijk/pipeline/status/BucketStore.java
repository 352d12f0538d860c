package nl.kansrijkewijk.pipeline.status;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The little the portal needs of S3: listings, small JSON reads, and writing the werkvoorraad files. */
public interface BucketStore {

    /** Every object under the prefix (all pages). */
    List<Entry> list(String bucket, String prefix);

    /** The object's bytes; empty when it does not exist. */
    Optional<byte[]> read(String bucket, String key);

    void write(String bucket, String key, byte[] content, String contentType);

    record Entry(String key, long size, Instant lastModified) {}
}
