package nl.kansrijkewijk.functions.portal;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Where the portal reads and signs, and how long its links live.
 *
 * @param uploadExpiry   lifetime of a presigned PUT: long enough to start a 20 MB upload, short enough
 *                       that a leaked URL is soon useless
 * @param downloadExpiry lifetime of a presigned GET handed to the page
 */
public record PortalConfig(String uploadBucket, String outputBucket, long maxUploadBytes, Duration uploadExpiry,
        Duration downloadExpiry) {
    public static final String ENV_UPLOAD_BUCKET = "KW_UPLOAD_BUCKET";
    public static final String ENV_OUTPUT_BUCKET = "KW_OUTPUT_BUCKET";
    public static final String ENV_MAX_UPLOAD_BYTES = "KW_MAX_UPLOAD_BYTES";
    public static final long DEFAULT_MAX_UPLOAD_BYTES = 20L * 1024 * 1024;
    public static final Duration DEFAULT_UPLOAD_EXPIRY = Duration.ofMinutes(5);
    public static final Duration DEFAULT_DOWNLOAD_EXPIRY = Duration.ofMinutes(5);

    public PortalConfig {
        Objects.requireNonNull(uploadBucket, "uploadBucket");
        Objects.requireNonNull(outputBucket, "outputBucket");
        if (maxUploadBytes <= 0) {
            throw new IllegalArgumentException("maxUploadBytes must be positive");
        }
    }

    public PortalConfig(String uploadBucket, String outputBucket) {
        this(uploadBucket, outputBucket, DEFAULT_MAX_UPLOAD_BYTES, DEFAULT_UPLOAD_EXPIRY, DEFAULT_DOWNLOAD_EXPIRY);
    }

    public static PortalConfig fromEnvironment(Map<String, String> env) {
        String max = env.get(ENV_MAX_UPLOAD_BYTES);
        return new PortalConfig(required(env, ENV_UPLOAD_BUCKET), required(env, ENV_OUTPUT_BUCKET),
                max == null || max.isBlank() ? DEFAULT_MAX_UPLOAD_BYTES : Long.parseLong(max.strip()),
                DEFAULT_UPLOAD_EXPIRY, DEFAULT_DOWNLOAD_EXPIRY);
    }

    private static String required(Map<String, String> env, String name) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException("environment variable " + name + " is not set");
        }
        return v.strip();
    }
}
