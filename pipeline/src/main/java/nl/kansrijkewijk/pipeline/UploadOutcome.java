package nl.kansrijkewijk.pipeline;

/**
 * What the pipeline did with one upload.
 *
 * @param outputPrefix the upload's folder in the output bucket; null when nothing was (or will be) written
 * @param manifest     null unless {@link Kind#PROCESSED} or {@link Kind#REPORTED}
 */
public record UploadOutcome(Kind kind, UploadRef upload, String outputPrefix, Manifest manifest, String detail) {

    public enum Kind {
        /** Read and processed; outputs and manifest written. */
        PROCESSED,
        /** Not processable (unreadable, too large): error report and manifest written. */
        REPORTED,
        /** A manifest already existed: a repeated event. */
        ALREADY_DONE,
        /** Not an upload the pipeline handles (other bucket, outside inbox/, other file type). */
        IGNORED,
        /** The upload no longer exists, or its key now holds a newer upload that has an event of its own. */
        GONE
    }
}
