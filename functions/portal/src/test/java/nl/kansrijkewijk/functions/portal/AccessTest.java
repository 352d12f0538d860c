package nl.kansrijkewijk.functions.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Isolation between gemeenten, decided on plain values. */
class AccessTest {
    static final Caller.Gemeente A = new Caller.Gemeente("GM0363", "amsterdam-user");
    static final Caller.Gemeente B = new Caller.Gemeente("GM0599", "rotterdam-user");
    static final Caller.Reviewer R = new Caller.Reviewer("reviewer");

    @Test
    void aGemeenteReadsItsOwnOutputsAndDossierOnly() {
        assertTrue(Access.mayReadOutput(A, "GM0363/x.pdf/v1/concept-verleningsbeschikking.pdf"));
        assertTrue(Access.mayReadOutput(A, "dossier/GM0363/events/1.json"));
        assertFalse(Access.mayReadOutput(A, "GM0599/x.pdf/v1/concept-verleningsbeschikking.pdf"));
        assertFalse(Access.mayReadOutput(A, "dossier/GM0599/events/1.json"));
        assertFalse(Access.mayReadGemeente(A, "GM0599"));
        assertTrue(Access.mayReadGemeente(A, "GM0363"));
    }

    @Test
    void keysThatTryToLeaveTheirFolderAreRefusedForEverybody() {
        for (String key : List.of("GM0363/../GM0599/x/v/a.pdf", "GM0363/./a.pdf", "/GM0363/a.pdf", "GM0363//a.pdf",
                "GM0363/%2e%2e/GM0599/a.pdf", "GM0363\\..\\GM0599\\a.pdf", "GM0363/a\n.pdf", "gm0363/a.pdf", "GM363/a.pdf",
                "GM0363", "")) {
            assertFalse(Access.mayReadOutput(A, key), key);
            assertFalse(Access.mayReadOutput(R, key), key);
        }
        assertFalse(Access.mayReadOutput(A, null));
    }

    @Test
    void onlyReviewersSeeTheWerkvoorraadAndWriteABeoordeling() {
        assertFalse(Access.mayReadWerkvoorraad(A));
        assertFalse(Access.mayReadOutput(A, "werkvoorraad/werkvoorraad.xlsx"));
        assertFalse(Access.mayWriteBeoordeling(A));
        assertTrue(Access.mayReadWerkvoorraad(R));
        assertTrue(Access.mayReadOutput(R, "werkvoorraad/werkvoorraad.xlsx"));
        assertTrue(Access.mayReadOutput(R, "GM0599/x.pdf/v1/bevindingen.json"));
        assertTrue(Access.mayWriteBeoordeling(R));
        assertFalse(Access.mayUpload(R));
        assertTrue(Access.mayUpload(A));
    }

    @Test
    void anUploadKeyIsAlwaysDirectlyUnderTheCallersOwnFolder() {
        String id = UploadKeys.newTrackingId(Instant.parse("2023-09-12T10:15:00Z"));
        assertTrue(id.startsWith("20230912-121500-"), id);
        for (String hostile : List.of("../GM0599/aanvraag.pdf", "..\\GM0599\\aanvraag.pdf", "inbox/GM0599/a.pdf",
                "/etc/passwd.pdf", "..pdf", "a/../../b.xlsx", "Ö ñ é.PDF", " .pdf")) {
            String name = UploadKeys.sanitise(hostile).orElseThrow();
            String key = UploadKeys.key(A, id, name);
            assertTrue(key.startsWith("inbox/GM0363/" + id + "-"), key);
            assertEquals(3, key.split("/").length, key);
            assertTrue(UploadKeys.isOwnInboxKey(A, key));
            assertFalse(UploadKeys.isOwnInboxKey(B, key));
        }
        assertEquals(Optional.of("O-n-e.pdf"), UploadKeys.sanitise("Ö ñ é.PDF"));
        assertEquals(Optional.of("aanvraag.pdf"), UploadKeys.sanitise("../GM0599/aanvraag.pdf"));
        assertEquals(Optional.empty(), UploadKeys.sanitise("aanvraag.docx"));
        assertEquals(Optional.empty(), UploadKeys.sanitise("aanvraag.pdf.exe"));
        assertFalse(UploadKeys.isOwnInboxKey(A, "inbox/GM0599/x.pdf"));
        assertFalse(UploadKeys.isOwnInboxKey(A, "inbox/GM0363/sub/x.pdf"));
        assertFalse(UploadKeys.isOwnInboxKey(A, "uploads/GM0363/x.pdf"));
        assertFalse(UploadKeys.isOwnInboxKey(R, "inbox/GM0363/x.pdf"));
        assertThrows(IllegalArgumentException.class, () -> UploadKeys.key(A, id, "../x.pdf"));
    }

    @Test
    void parsedKeysGiveTrackingIdAndName() {
        assertEquals(new nl.kansrijkewijk.pipeline.status.InboxKeys.Parsed("GM0363", "20230912-121500-a1b2c3", "aanvraag.pdf"),
                UploadKeys.parse("inbox/GM0363/20230912-121500-a1b2c3-aanvraag.pdf").orElseThrow());
        assertEquals(new nl.kansrijkewijk.pipeline.status.InboxKeys.Parsed("GM0363", "direct.pdf", "direct.pdf"),
                UploadKeys.parse("inbox/GM0363/direct.pdf").orElseThrow());
        assertEquals(Optional.empty(), UploadKeys.parse("inbox/GM0363/a/b.pdf"));
        assertEquals(Optional.empty(), UploadKeys.parse("inbox/amsterdam/b.pdf"));
    }
}
