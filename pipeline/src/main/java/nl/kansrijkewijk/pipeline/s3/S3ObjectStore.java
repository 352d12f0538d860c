package nl.kansrijkewijk.pipeline.s3;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import nl.kansrijkewijk.pipeline.ObjectStore;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** {@link ObjectStore} on the AWS SDK's S3 client. Only the two "expected" answers, 404 and 412, are mapped. */
public final class S3ObjectStore implements ObjectStore {
    private final S3Client s3;

    public S3ObjectStore(S3Client s3) {
        this.s3 = s3;
    }

    @Override
    public Optional<ObjectInfo> head(String bucket, String key) {
        try {
            HeadObjectResponse r = s3.headObject(b -> b.bucket(bucket).key(key));
            return Optional.of(new ObjectInfo(r.contentLength(), S3EventRecords.stripQuotes(r.eTag()), r.versionId(),
                    r.metadata()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public Fetched read(String bucket, String key, String versionId, String expectedETag, long maxBytes) {
        GetObjectRequest.Builder request = GetObjectRequest.builder().bucket(bucket).key(key);
        if (versionId != null) {
            request.versionId(versionId);
        } else if (expectedETag != null) {
            request.ifMatch("\"" + expectedETag + "\"");
        }
        try (ResponseInputStream<GetObjectResponse> in = s3.getObject(request.build())) {
            GetObjectResponse response = in.response();
            Long length = response.contentLength();
            if (length != null && length > maxBytes) {
                // Closing would drain the rest of the body to reuse the connection; abort drops it instead.
                in.abort();
                return new Fetched.TooLarge(length);
            }
            byte[] bytes = readAtMost(in, maxBytes);
            if (bytes == null) {
                in.abort();
                return new Fetched.TooLarge(length != null ? length : maxBytes + 1);
            }
            return new Fetched.Content(bytes, S3EventRecords.stripQuotes(response.eTag()), response.versionId(),
                    response.lastModified());
        } catch (NoSuchKeyException e) {
            return new Fetched.Missing();
        } catch (S3Exception e) {
            // 404 also covers NoSuchVersion; 412 means If-Match failed: the key was overwritten meanwhile.
            if (e.statusCode() == 404) {
                return new Fetched.Missing();
            }
            if (e.statusCode() == 412) {
                return new Fetched.Replaced();
            }
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("reading s3://" + bucket + "/" + key, e);
        }
    }

    /** @return null when the stream holds more than maxBytes */
    private static byte[] readAtMost(InputStream in, long maxBytes) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        return bytes.length > maxBytes ? null : bytes;
    }

    @Override
    public boolean putIfAbsent(String bucket, String key, byte[] content, String contentType, Map<String, String> metadata) {
        try {
            s3.putObject(PutObjectRequest.builder()
                            .bucket(bucket)
                            .key(key)
                            .ifNoneMatch("*")
                            .contentType(contentType)
                            .metadata(metadata)
                            .build(),
                    RequestBody.fromBytes(content));
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == 412) {
                return false;
            }
            throw e;
        }
    }
}
