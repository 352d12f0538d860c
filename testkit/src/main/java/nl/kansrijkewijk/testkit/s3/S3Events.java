package nl.kansrijkewijk.testkit.s3;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/** S3 events as Lambda receives them: JSON through the Lambda runtime's own deserializer. */
public final class S3Events {
    public static final String REGION = "eu-west-1";

    private S3Events() {}

    public static S3Event fromJson(String json) {
        return LambdaEventSerializers.serializerFor(S3Event.class, S3Events.class.getClassLoader()).fromJson(json);
    }

    /** The event S3 would send for objects that now exist (size, ETag and version from HEAD). */
    public static S3Event created(S3Client s3, String bucket, String... keys) {
        List<S3NotificationJson.ObjectCreated> objects = new ArrayList<>();
        for (String key : keys) {
            HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key(key));
            objects.add(new S3NotificationJson.ObjectCreated(bucket, key, head.contentLength(),
                    stripQuotes(head.eTag()), head.versionId(), Instant.parse("2023-09-01T10:00:00Z")));
        }
        return fromJson(S3NotificationJson.event(REGION, objects));
    }

    public static S3Event createdWithSize(String bucket, String key, long size, String eTag, String versionId) {
        return fromJson(S3NotificationJson.event(REGION, List.of(new S3NotificationJson.ObjectCreated(
                bucket, key, size, eTag, versionId, Instant.parse("2023-09-01T10:00:00Z")))));
    }

    public static String stripQuotes(String eTag) {
        return eTag == null ? null : eTag.replace("\"", "");
    }

    public static String encode(String key) {
        return S3NotificationJson.encodeKey(key);
    }
}
