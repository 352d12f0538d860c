package nl.kansrijkewijk.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OutputLayoutTest {

    @Test
    void theFolderIsTheInboxPathPlusTheVersionOrElseTheETag() {
        assertEquals("GM0363/a.pdf/3sL4kqtJlcpXroDTDmJ.rbVPaU5cT5pg/", OutputLayout.prefix(
                new UploadRef("b", "inbox/GM0363/a.pdf", "3sL4kqtJlcpXroDTDmJ.rbVPaU5cT5pg", "e1", 1)));
        assertEquals("GM0363/a.pdf/e1/", OutputLayout.prefix(new UploadRef("b", "inbox/GM0363/a.pdf", "null", "e1", 1)));
        assertEquals("a.pdf/e1/", OutputLayout.prefix(new UploadRef("b", "inbox/a.pdf", null, "e1", 1)));
    }

    @Test
    void anUnusualTokenIsHashedRatherThanPutInAKey() {
        String prefix = OutputLayout.prefix(new UploadRef("b", "inbox/a.pdf", "x/../y", null, 1));
        assertTrue(prefix.matches("a\\.pdf/h[0-9a-f]{40}/"), prefix);
    }

    @Test
    void outputNamesArePlainFileNamesAndTheManifestNameIsReserved() {
        assertTrue(OutputLayout.isValidOutputName("concept-verleningsbeschikking.pdf"));
        assertFalse(OutputLayout.isValidOutputName("manifest.json"));
        assertFalse(OutputLayout.isValidOutputName("../x.json"));
        assertFalse(OutputLayout.isValidOutputName("a/b.json"));
        assertFalse(OutputLayout.isValidOutputName(""));
    }

    /** S3 keys are at most 1 024 UTF-8 bytes; an upload key near that limit still gives writable output keys. */
    @Test
    void outputKeysStayWithinS3sLimitWhateverTheUploadKey() {
        String longName = "é".repeat(300) + "-" + "aanvraag".repeat(48) + ".pdf";
        String key = "inbox/GM0363/" + longName;
        assertTrue(key.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 990, "a key near the limit");
        String token = "x".repeat(128);
        String prefix = OutputLayout.prefix(new UploadRef("b", key, token, "e1", 1));
        String longest = prefix + "b".repeat(100);
        assertTrue(longest.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= OutputLayout.MAX_KEY_BYTES,
                longest.length() + " characters");
        assertTrue(OutputLayout.attemptMarker(prefix, 2).getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                <= OutputLayout.MAX_KEY_BYTES);
        assertTrue(prefix.startsWith("GM0363/ééé"), prefix);
        assertTrue(prefix.matches("GM0363/[^/]+~[0-9a-f]{16}/x{128}/"), prefix);
        // deterministic, and distinct for another long name
        assertEquals(prefix, OutputLayout.prefix(new UploadRef("b", key, token, "e1", 1)));
        String other = OutputLayout.prefix(new UploadRef("b", key.replace(".pdf", ".PDF"), token, "e1", 1));
        assertFalse(prefix.equals(other));
        // short keys are unchanged
        assertEquals("GM0363/a.pdf/e1/", OutputLayout.prefix(new UploadRef("b", "inbox/GM0363/a.pdf", null, "e1", 1)));
    }

    @Test
    void sizesInTheErrorReportAreDutch() {
        assertEquals("20,0 MB", ErrorReport.megabytes(20L * 1024 * 1024));
        assertEquals("1,5 MB", ErrorReport.megabytes(1536L * 1024));
        assertEquals("5 kB", ErrorReport.megabytes(5000));
    }
}
