package nl.kansrijkewijk.pipeline.s3;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.kansrijkewijk.dossier.DossierStore;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The dossier in S3: the output bucket (no trigger), keys under {@code dossier/}. Events and documents are written
 * with {@code If-None-Match: *}; 412 means the cause was already recorded. S3 answers 409 when two conditional
 * writes of one key race; the write is tried again, and then one of them gets 412.
 */
public final class S3DossierStore implements DossierStore {
    private static final int CONFLICT_ATTEMPTS = 3;

    private final S3Client s3;
    private final String bucket;

    public S3DossierStore(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public List<String> list(String prefix) {
        List<String> keys = new ArrayList<>();
        for (var page : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix))) {
            page.contents().stream().map(S3Object::key).forEach(keys::add);
        }
        keys.sort(null);
        return keys;
    }

    @Override
    public Optional<byte[]> read(String key) {
        try {
            ResponseBytes<GetObjectResponse> r = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key));
            return Optional.of(r.asByteArray());
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
    public boolean putIfAbsent(String key, byte[] content) {
        for (int attempt = 1; ; attempt++) {
            try {
                s3.putObject(b -> b.bucket(bucket).key(key).ifNoneMatch("*").contentType(contentType(key)),
                        RequestBody.fromBytes(content));
                return true;
            } catch (S3Exception e) {
                if (e.statusCode() == 412) {
                    return false;
                }
                if (e.statusCode() != 409 || attempt >= CONFLICT_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    @Override
    public void put(String key, byte[] content) {
        s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType(key)), RequestBody.fromBytes(content));
    }

    private static String contentType(String key) {
        if (key.endsWith(".json")) {
            return "application/json";
        }
        if (key.endsWith(".pdf")) {
            return "application/pdf";
        }
        if (key.endsWith(".xlsx")) {
            return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        }
        if (key.endsWith(".docx")) {
            return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        }
        if (key.endsWith(".html")) {
            return "text/html; charset=utf-8";
        }
        return "application/octet-stream";
    }
}
