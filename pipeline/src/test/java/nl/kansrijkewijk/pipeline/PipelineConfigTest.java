package nl.kansrijkewijk.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PipelineConfigTest {

    @Test
    void theLambdaEnvironmentNamesBothBucketsAndMayCapTheUploadSize() {
        assertEquals(new PipelineConfig("up", "out", PipelineConfig.DEFAULT_MAX_UPLOAD_BYTES),
                PipelineConfig.fromEnvironment(Map.of("KW_UPLOAD_BUCKET", "up", "KW_OUTPUT_BUCKET", "out")));
        assertEquals(1000, PipelineConfig.fromEnvironment(
                Map.of("KW_UPLOAD_BUCKET", "up", "KW_OUTPUT_BUCKET", "out", "KW_MAX_UPLOAD_BYTES", "1000")).maxUploadBytes());
    }

    @Test
    void aMissingBucketOrOutputsIntoTheUploadBucketAreRefusedAtStart() {
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> PipelineConfig.fromEnvironment(Map.of("KW_UPLOAD_BUCKET", "up")));
        assertTrue(missing.getMessage().contains("KW_OUTPUT_BUCKET"));
        assertThrows(IllegalArgumentException.class,
                () -> PipelineConfig.fromEnvironment(Map.of("KW_UPLOAD_BUCKET", "b", "KW_OUTPUT_BUCKET", "b")));
    }
}
