package nl.kansrijkewijk.pipeline.s3;

import java.util.List;
import java.util.Optional;
import nl.kansrijkewijk.pipeline.status.BucketStore;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** {@link BucketStore} on the SDK's S3 client. */
public final class S3BucketStore implements BucketStore {
    private final S3Client s3;

    public S3BucketStore(S3Client s3) {
        this.s3 = s3;
    }

    @Override
    public List<Entry> list(String bucket, String prefix) {
        return s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream()
                .map(o -> new Entry(o.key(), o.size(), o.lastModified())).toList();
    }

    @Override
    public Optional<byte[]> read(String bucket, String key) {
        try {
            return Optional.of(s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    @Override
    public void write(String bucket, String key, byte[] content, String contentType) {
        s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType), RequestBody.fromBytes(content));
    }
}
