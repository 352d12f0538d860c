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

    @Test
    void sizesInTheErrorReportAreDutch() {
        assertEquals("20,0 MB", ErrorReport.megabytes(20L * 1024 * 1024));
        assertEquals("1,5 MB", ErrorReport.megabytes(1536L * 1024));
        assertEquals("5 kB", ErrorReport.megabytes(5000));
    }
}
