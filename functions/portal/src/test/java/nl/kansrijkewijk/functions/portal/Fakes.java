package nl.kansrijkewijk.functions.portal;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A signer that records what it was asked to sign, and a store filled like the pipeline fills S3. */
final class Fakes {
    static final String UPLOADS = "up";
    static final String OUTPUTS = "out";

    private Fakes() {}

    static final class RecordingSigner implements UrlSigner {
        final List<String> signed = new ArrayList<>();

        @Override
        public Signed presignPut(String bucket, String key, String contentType, long contentLength, Duration expiry) {
            signed.add("PUT " + bucket + "/" + key);
            return new Signed(URI.create("https://s3.test/" + bucket + "/" + key + "?put"), Map.of("Content-Type", contentType));
        }

        @Override
        public URI presignGet(String bucket, String key, String downloadName, Duration expiry) {
            signed.add("GET " + bucket + "/" + key);
            return URI.create("https://s3.test/" + bucket + "/" + key + "?get");
        }
    }

    /**
     * Amsterdam: one processed upload (one onderdeel over its maximum) and one just received; Rotterdam: one
     * unreadable upload.
     */
    static MemoryStore pipelineOutputs() {
        MemoryStore s = new MemoryStore();
        Instant t1 = Instant.parse("2023-09-12T10:15:00Z");
        s.put(UPLOADS, "inbox/GM0363/20230912-121500-a1b2c3-aanvraag.pdf", "%PDF", t1);
        String folder = "GM0363/20230912-121500-a1b2c3-aanvraag.pdf/v1/";
        s.put(OUTPUTS, folder + "bevindingen.json", """
                {"status":"verwerkt","besluit":{"kenmerk":"KW-2023-GM0363-V","decisionDeadline":"2023-12-23",
                 "onderdelen":[{"onderdeel":"ORG","name":"organisatie","requested":3100000.00,"maximum":3000000.00,
                   "granted":3000000.00,"refused":100000.00}]},
                 "findings":[{"rule":"MAXIMUM-OVERSCHREDEN","article":"art. 3, tweede lid","severity":"afwijzing",
                   "message":"Het meerdere wordt afgewezen.","onderdeel":"ORG"},
                  {"rule":"ONDERBOUWING-ONTBREEKT","article":"art. 12, eerste lid","severity":"waarschuwing",
                   "message":"Geen onderbouwing."}]}""", t1.plusSeconds(5));
        s.put(OUTPUTS, folder + "concept-verleningsbeschikking.pdf", "%PDF", t1.plusSeconds(5));
        s.put(OUTPUTS, folder + "bevindingen.xlsx", "PK", t1.plusSeconds(5));
        s.put(OUTPUTS, folder + "manifest.json", """
                {"status":"verwerkt","gemeente":"Amsterdam","outcome":"gedeeltelijke afwijzing","afwijzingen":1,
                 "waarschuwingen":1,"outputs":[
                  {"name":"bevindingen.json","key":"%sbevindingen.json"},
                  {"name":"bevindingen.xlsx","key":"%sbevindingen.xlsx"},
                  {"name":"concept-verleningsbeschikking.pdf","key":"%sconcept-verleningsbeschikking.pdf"}]}"""
                .formatted(folder, folder, folder), t1.plusSeconds(6));
        s.put(UPLOADS, "inbox/GM0363/20230920-090000-d4e5f6-wijziging.xlsx", "PK", Instant.parse("2023-09-20T07:00:00Z"));

        Instant t2 = Instant.parse("2023-09-05T09:00:00Z");
        s.put(UPLOADS, "inbox/GM0599/kapot.pdf", "xx", t2);
        s.put(OUTPUTS, "GM0599/kapot.pdf/e1/fout.json", "{\"status\":\"onleesbaar\",\"message\":\"Dit bestand is geen PDF.\"}", t2);
        s.put(OUTPUTS, "GM0599/kapot.pdf/e1/manifest.json", """
                {"status":"onleesbaar","outcome":"onleesbaar","afwijzingen":0,"waarschuwingen":0,
                 "outputs":[{"name":"fout.json","key":"GM0599/kapot.pdf/e1/fout.json"}]}""", t2.plusSeconds(2));
        return s;
    }
}
