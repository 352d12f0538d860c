package nl.kansrijkewijk.pipeline.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import nl.kansrijkewijk.testkit.s3.S3NotificationJson;
import org.junit.jupiter.api.Test;
import nl.kansrijkewijk.testkit.s3.S3Events;
import nl.kansrijkewijk.pipeline.UploadRef;

class S3EventRecordsTest {

    @Test
    void aNotificationAsS3SendsItGivesTheDecodedUploadAndSkipsOtherEventTypes() throws IOException {
        S3Event event;
        try (InputStream in = getClass().getResourceAsStream("/events/s3-put-versioned.json")) {
            event = S3Events.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }

        List<UploadRef> uploads = S3EventRecords.uploads(event);

        assertEquals(List.of(new UploadRef("kw-uploads-123456789012-eu-west-1",
                "inbox/GM0518/Aanvraag kansrijke wijk (2) é+1.pdf", "3sL4kqtJlcpXroDTDmJ.rbVPaU5cT5pg",
                "0123456789abcdef0123456789abcdef", 183045, Instant.parse("2023-09-29T14:03:11.485Z"),
                "AWS:AIDAJDPLRKLG7UEXAMPLE")), uploads);
    }

    @Test
    void theEventsBuiltForLocalUseEncodeKeysAsS3DoesAndSurviveTheRuntimeDeserializer() {
        String key = "inbox/Den Haag/a+b (c) ë%.xlsx";
        String json = S3NotificationJson.event("eu-west-1", List.of(new S3NotificationJson.ObjectCreated(
                "kw-uploads", key, 12, "abc", null, Instant.parse("2023-09-01T10:00:00Z"))));

        S3Event event = S3Events.fromJson(json);

        assertEquals("inbox/Den+Haag/a%2Bb+%28c%29+%C3%AB%25.xlsx", event.getRecords().get(0).getS3().getObject().getKey());
        assertEquals(List.of(new UploadRef("kw-uploads", key, null, "abc", 12, Instant.parse("2023-09-01T10:00:00Z"),
                "AWS:KWLOCAL")), S3EventRecords.uploads(event));
        assertEquals("ObjectCreated:Put", event.getRecords().get(0).getEventName());
    }

    @Test
    void anEmptyOrForeignEventGivesNoUploads() {
        assertEquals(List.of(), S3EventRecords.uploads(null));
        assertEquals(List.of(), S3EventRecords.uploads(S3Events.fromJson("{\"Records\":[]}")));
        assertEquals(List.of(), S3EventRecords.uploads(S3Events.fromJson("{}")));
    }
}
