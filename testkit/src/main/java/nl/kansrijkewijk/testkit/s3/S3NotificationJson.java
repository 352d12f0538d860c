package nl.kansrijkewijk.testkit.s3;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import nl.kansrijkewijk.processing.Json;

/**
 * The JSON document S3 hands to Lambda for object-created notifications (event version 2.1), for places
 * without S3 notifications: ./kw demo and serve, and tests. They feed it through the Lambda runtime's own
 * deserializer, so the handler sees exactly what it sees in AWS, URL-encoded keys included.
 */
public final class S3NotificationJson {
    private static final DateTimeFormatter EVENT_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private S3NotificationJson() {}

    /**
     * One object creation.
     *
     * @param key       the real key; it is encoded here as S3 does
     * @param versionId null for an unversioned bucket (S3 then leaves the field out)
     */
    public record ObjectCreated(String bucket, String key, long size, String eTag, String versionId, Instant time) {}

    public static String event(String region, List<ObjectCreated> objects) {
        List<Map<String, Object>> records = new ArrayList<>();
        for (ObjectCreated o : objects) {
            records.add(record(region, o));
        }
        try {
            return Json.mapper().writeValueAsString(Map.of("Records", records));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** As S3 writes keys into events (form-URL-encoded): '/' stays, a space becomes '+'. */
    public static String encodeKey(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/");
    }

    private static Map<String, Object> record(String region, ObjectCreated o) {
        // Ids that S3 makes random are derived from the object here, so the same upload gives the same event.
        String id = UUID.nameUUIDFromBytes((o.bucket() + "/" + o.key() + "/" + o.eTag() + "/" + o.versionId())
                .getBytes(StandardCharsets.UTF_8)).toString();
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("key", encodeKey(o.key()));
        object.put("size", o.size());
        object.put("eTag", o.eTag());
        if (o.versionId() != null) {
            object.put("versionId", o.versionId());
        }
        object.put("sequencer", id.replace("-", "").substring(0, 18).toUpperCase(Locale.ROOT));

        Map<String, Object> s3 = new LinkedHashMap<>();
        s3.put("s3SchemaVersion", "1.0");
        s3.put("configurationId", "kw-local-inbox");
        s3.put("bucket", Map.of("name", o.bucket(), "ownerIdentity", Map.of("principalId", "KWLOCAL"),
                "arn", "arn:aws:s3:::" + o.bucket()));
        s3.put("object", object);

        Map<String, Object> record = new LinkedHashMap<>();
        record.put("eventVersion", "2.1");
        record.put("eventSource", "aws:s3");
        record.put("awsRegion", region);
        record.put("eventTime", EVENT_TIME.format(o.time()));
        record.put("eventName", "ObjectCreated:Put");
        record.put("userIdentity", Map.of("principalId", "AWS:KWLOCAL"));
        record.put("requestParameters", Map.of("sourceIPAddress", "127.0.0.1"));
        record.put("responseElements", Map.of("x-amz-request-id", id.substring(0, 16).toUpperCase(Locale.ROOT),
                "x-amz-id-2", id));
        record.put("s3", s3);
        return record;
    }
}
