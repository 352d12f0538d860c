package nl.kansrijkewijk.pipeline.s3;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.kansrijkewijk.pipeline.UploadRef;

/** Unpacks every record of an S3 notification into an {@link UploadRef}, with its event time and uploader. */
public final class S3EventRecords {
    private S3EventRecords() {}

    /** Object-created records only; other event types (deletes, restores) are not uploads. */
    public static List<UploadRef> uploads(S3Event event) {
        List<UploadRef> uploads = new ArrayList<>();
        if (event == null || event.getRecords() == null) {
            return uploads;
        }
        for (S3EventNotification.S3EventNotificationRecord record : event.getRecords()) {
            if (record == null || record.getS3() == null || record.getEventName() == null
                    || !record.getEventName().startsWith("ObjectCreated:")) {
                continue;
            }
            S3EventNotification.S3ObjectEntity object = record.getS3().getObject();
            Long size = object.getSizeAsLong();
            uploads.add(new UploadRef(
                    record.getS3().getBucket().getName(),
                    decodeKey(object.getKey()),
                    blankToNull(object.getVersionId()),
                    blankToNull(stripQuotes(object.geteTag())),
                    size == null ? -1 : size,
                    record.getEventTime() == null ? null : Instant.ofEpochMilli(record.getEventTime().getMillis()),
                    record.getUserIdentity() == null ? null : blankToNull(record.getUserIdentity().getPrincipalId())));
        }
        return uploads;
    }

    /** Event keys are form-URL-encoded: "%C3%A9" is é and '+' is a space (a real '+' arrives as "%2B"). */
    public static String decodeKey(String key) {
        return URLDecoder.decode(key, StandardCharsets.UTF_8);
    }

    /** The runtime's deserializer turns an absent versionId into "". */
    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    static String stripQuotes(String eTag) {
        if (eTag == null) {
            return null;
        }
        String e = eTag.strip();
        return e.length() >= 2 && e.startsWith("\"") && e.endsWith("\"") ? e.substring(1, e.length() - 1) : e;
    }
}
