package nl.kansrijkewijk.pipeline;

import java.util.Map;
import java.util.Objects;
import nl.kansrijkewijk.limits.Limits;

/**
 * Where the pipeline reads and writes. Lambda passes it as environment variables (template.yaml); ./kw and
 * the tests build it directly.
 *
 * @param uploadBucket   the bucket gemeenten upload to; only keys under {@link TriggerFilter#INBOX_PREFIX} are read
 * @param outputBucket   a separate bucket without any trigger: outputs can never start the pipeline again
 * @param maxUploadBytes larger uploads get an error report without being downloaded
 * @param attemptsBeforeReport attempts that may die processing an upload (out of memory, timeout) before the next
 *                             one answers it with an error report unprocessed; at most Lambda's retries
 *                             (MaximumRetryAttempts in template.yaml, checked by TemplateTest)
 */
public record PipelineConfig(String uploadBucket, String outputBucket, long maxUploadBytes, int attemptsBeforeReport) {
    public static final String ENV_UPLOAD_BUCKET = "KW_UPLOAD_BUCKET";
    public static final String ENV_OUTPUT_BUCKET = "KW_OUTPUT_BUCKET";
    public static final String ENV_MAX_UPLOAD_BYTES = "KW_MAX_UPLOAD_BYTES";
    /** From config/limits.yaml: a real aanvraagformulier is well under 1 MB. */
    public static final long DEFAULT_MAX_UPLOAD_BYTES = Limits.standard().maxUploadBytes();
    /** One attempt that dies may be bad luck (a neighbour's load); the second is the upload. */
    public static final int DEFAULT_ATTEMPTS_BEFORE_REPORT = 2;

    public PipelineConfig(String uploadBucket, String outputBucket, long maxUploadBytes) {
        this(uploadBucket, outputBucket, maxUploadBytes, DEFAULT_ATTEMPTS_BEFORE_REPORT);
    }

    public PipelineConfig {
        Objects.requireNonNull(uploadBucket, "uploadBucket");
        Objects.requireNonNull(outputBucket, "outputBucket");
        if (uploadBucket.equals(outputBucket)) {
            throw new IllegalArgumentException("the output bucket must not be the upload bucket: " + uploadBucket);
        }
        if (maxUploadBytes <= 0) {
            throw new IllegalArgumentException("maxUploadBytes must be positive: " + maxUploadBytes);
        }
        if (attemptsBeforeReport < 1) {
            throw new IllegalArgumentException("attemptsBeforeReport must be at least 1: " + attemptsBeforeReport);
        }
    }

    public static PipelineConfig fromEnvironment(Map<String, String> env) {
        String max = env.get(ENV_MAX_UPLOAD_BYTES);
        return new PipelineConfig(
                required(env, ENV_UPLOAD_BUCKET),
                required(env, ENV_OUTPUT_BUCKET),
                max == null || max.isBlank() ? DEFAULT_MAX_UPLOAD_BYTES : Long.parseLong(max.strip()));
    }

    private static String required(Map<String, String> env, String name) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException("environment variable " + name + " is not set");
        }
        return v.strip();
    }
}
