package nl.kansrijkewijk.functions.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.kansrijkewijk.functions.portal.aws.JwtCaller;
import nl.kansrijkewijk.pipeline.status.OutputBucketStatusSource;
import nl.kansrijkewijk.pipeline.werkvoorraad.WerkvoorraadPublisher;
import nl.kansrijkewijk.processing.Json;
import org.junit.jupiter.api.Test;

class NotificationTest {

    @Test
    void aProcessedUploadGivesOneNotificationWithKenmerkStatusAndLinksButNoContents() {
        MemoryStore store = Fakes.pipelineOutputs();
        OutputBucketStatusSource status = new OutputBucketStatusSource(store, Fakes.UPLOADS, Fakes.OUTPUTS);
        List<PortalEvent> sent = new ArrayList<>();
        AfterProcessing after = new AfterProcessing(status, new WerkvoorraadPublisher(status, store, Fakes.OUTPUTS),
                sent::add, "https://portaal.example/");
        after.onManifest("GM0363/20230912-121500-a1b2c3-aanvraag.pdf/v1/manifest.json");
        assertEquals(1, sent.size());
        PortalEvent e = sent.get(0);
        assertEquals("KW-2023-GM0363-V", e.kenmerk());
        assertEquals("concept", e.status());
        assertEquals("https://portaal.example/#20230912-121500-a1b2c3", e.links().get("portaal"));
        String json = new String(Json.bytes(e), StandardCharsets.UTF_8);
        assertFalse(json.contains("Het meerdere"), "no finding texts");
        assertFalse(json.contains("3000000"), "no amounts");
        assertTrue(store.read(Fakes.OUTPUTS, WerkvoorraadPublisher.XLSX_KEY).isPresent(), "werkvoorraad regenerated");

        after.onManifest("werkvoorraad/manifest.json");
        after.onManifest("dossier/GM0363/x/manifest.json");
        assertEquals(1, sent.size(), "only upload manifests notify");
    }

    @Test
    void theCallerComesFromVerifiedClaimsOnly() {
        assertEquals(new Caller.Gemeente("GM0363", "u1"), JwtCaller.from(Map.of("sub", "u1", "custom:gemeente", "GM0363")).orElseThrow());
        assertEquals(new Caller.Reviewer("u2"), JwtCaller.from(Map.of("sub", "u2", "cognito:groups", "[reviewers]")).orElseThrow());
        assertEquals(new Caller.Reviewer("u3"), JwtCaller.from(Map.of("sub", "u3", "cognito:groups", "[staff reviewers]",
                "custom:gemeente", "GM0363")).orElseThrow());
        assertTrue(JwtCaller.from(Map.of("sub", "u4", "custom:gemeente", "Amsterdam")).isEmpty());
        assertTrue(JwtCaller.from(Map.of("sub", "u5", "cognito:groups", "[reviewers-in-training]")).isEmpty());
        assertTrue(JwtCaller.from(Map.of()).isEmpty());
    }
}
