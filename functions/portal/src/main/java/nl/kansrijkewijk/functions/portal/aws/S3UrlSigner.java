package nl.kansrijkewijk.functions.portal.aws;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.kansrijkewijk.functions.portal.UrlSigner;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/**
 * SigV4 query-string presigning. The PUT signs content-type and content-length as headers: S3 refuses a
 * request whose headers differ, so the URL takes exactly the announced file. It does not cap the size by
 * itself beyond that (a presigned POST policy with content-length-range would); the processing function
 * also refuses anything above its limit without downloading it.
 */
public final class S3UrlSigner implements UrlSigner {
    private final S3Presigner presigner;

    public S3UrlSigner(S3Presigner presigner) {
        this.presigner = presigner;
    }

    @Override
    public Signed presignPut(String bucket, String key, String contentType, long contentLength, Duration expiry) {
        PresignedPutObjectRequest p = presigner.presignPutObject(r -> r.signatureDuration(expiry)
                .putObjectRequest(o -> o.bucket(bucket).key(key).contentType(contentType).contentLength(contentLength)));
        Map<String, String> headers = new LinkedHashMap<>();
        // The browser sets Host and Content-Length itself; it must send the signed Content-Type.
        for (Map.Entry<String, List<String>> h : p.signedHeaders().entrySet()) {
            String name = h.getKey().toLowerCase(java.util.Locale.ROOT);
            if (!name.equals("host") && !name.equals("content-length")) {
                headers.put(canonical(name), String.join(",", h.getValue()));
            }
        }
        return new Signed(URI.create(p.url().toString()), headers);
    }

    /** "content-type" → "Content-Type": as a browser would write it (HTTP header names are case-insensitive). */
    private static String canonical(String lower) {
        StringBuilder b = new StringBuilder(lower.length());
        boolean up = true;
        for (char c : lower.toCharArray()) {
            b.append(up ? Character.toUpperCase(c) : c);
            up = c == '-';
        }
        return b.toString();
    }

    @Override
    public URI presignGet(String bucket, String key, String downloadName, Duration expiry) {
        String safe = downloadName.replaceAll("[^A-Za-z0-9._-]", "_");
        return URI.create(presigner.presignGetObject(r -> r.signatureDuration(expiry)
                .getObjectRequest(o -> o.bucket(bucket).key(key)
                        .responseContentDisposition("attachment; filename=\"" + safe + "\""))).url().toString());
    }
}
