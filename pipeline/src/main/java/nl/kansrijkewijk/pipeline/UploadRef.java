package nl.kansrijkewijk.pipeline;

import java.time.Instant;

/**
 * One uploaded object as an S3 event names it.
 *
 * @param key       the decoded object key (events carry it URL-encoded)
 * @param versionId null when the bucket is not versioned (S3 then also may say "null")
 * @param eTag      without quotes; null when unknown
 * @param size      bytes, or -1 when the event did not say
 * @param eventTime when S3 received the object (the event's eventTime); null when the event did not say
 * @param uploader  the principal that wrote the object (the event's userIdentity.principalId); null when unknown
 */
public record UploadRef(String bucket, String key, String versionId, String eTag, long size, Instant eventTime,
        String uploader) {

    public UploadRef(String bucket, String key, String versionId, String eTag, long size) {
        this(bucket, key, versionId, eTag, size, null, null);
    }

    /** The version id when it pins one immutable version; null for unversioned buckets. */
    public String pinnedVersionId() {
        return versionId == null || versionId.isBlank() || "null".equals(versionId) ? null : versionId;
    }

    /** The last path segment: what the user called the file. */
    public String fileName() {
        return key.substring(key.lastIndexOf('/') + 1);
    }

    public String describe() {
        String v = pinnedVersionId();
        return "s3://" + bucket + "/" + key + (v != null ? " (version " + v + ")" : eTag != null ? " (etag " + eTag + ")" : "");
    }

    public UploadRef withETag(String newETag, long newSize) {
        return new UploadRef(bucket, key, versionId, newETag, newSize, eventTime, uploader);
    }
}
