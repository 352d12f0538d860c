package nl.kansrijkewijk.testkit;

import java.nio.charset.StandardCharsets;
import java.util.SortedMap;
import java.util.TreeMap;
import nl.kansrijkewijk.hash.Sha256;
import nl.kansrijkewijk.processing.DocumentProcessor;
import nl.kansrijkewijk.processing.ErrorOutputs;
import nl.kansrijkewijk.processing.ProcessingResult;

/**
 * Test double for the S3 plumbing only (the real processor is tested in kw-shared): deterministic outputs
 * computed from the upload, so a test can say what each output must hold. Content starting with
 * "CORRUPT" is treated as unreadable; "CRASH" makes it fail like a bug in the service.
 */
public final class ContentDerivedProcessor implements DocumentProcessor {
    @Override
    public ProcessingResult process(String documentName, byte[] content) {
        String text = new String(content, StandardCharsets.ISO_8859_1);
        if (text.startsWith("CRASH")) {
            throw new IllegalStateException("simulated fault of the service");
        }
        if (text.startsWith("CORRUPT")) {
            return new ProcessingResult(ProcessingResult.Status.ONLEESBAAR, null, "onleesbaar", 0, 0,
                    ErrorOutputs.of(documentName, null, "test-onleesbaar", "Het bestand is beschadigd."));
        }
        SortedMap<String, byte[]> outputs = new TreeMap<>();
        outputs.put("naam.txt", documentName.getBytes(StandardCharsets.UTF_8));
        outputs.put("omgekeerd.bin", reversed(content));
        outputs.put("sha256.txt", Sha256.hex(content).getBytes(StandardCharsets.US_ASCII));
        long afwijzingen = content.length % 3;
        return new ProcessingResult(ProcessingResult.Status.VERWERKT, "Testgemeente",
                afwijzingen == 0 ? "toekenning" : "gedeeltelijke afwijzing", afwijzingen, content.length % 5, outputs);
    }

    public static byte[] reversed(byte[] content) {
        byte[] r = new byte[content.length];
        for (int i = 0; i < content.length; i++) {
            r[i] = content[content.length - 1 - i];
        }
        return r;
    }
}
