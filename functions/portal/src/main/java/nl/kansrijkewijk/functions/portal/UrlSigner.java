package nl.kansrijkewijk.functions.portal;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/** Presigned S3 URLs (the SDK's S3Presigner in AWS and against the embedded S3). */
public interface UrlSigner {

    /**
     * A PUT URL for exactly this key, with the content type and length signed: a request with another type or
     * length does not match the signature and is refused by S3.
     *
     * @return the URL and the headers the client must send with exactly these values
     */
    Signed presignPut(String bucket, String key, String contentType, long contentLength, Duration expiry);

    /** A GET URL that makes the browser save the object under downloadName. */
    URI presignGet(String bucket, String key, String downloadName, Duration expiry);

    record Signed(URI url, Map<String, String> headers) {}
}
