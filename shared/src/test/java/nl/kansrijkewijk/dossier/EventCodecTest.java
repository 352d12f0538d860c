package nl.kansrijkewijk.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.kansrijkewijk.processing.Receipt;
import nl.kansrijkewijk.provenance.Provenance;
import org.junit.jupiter.api.Test;

class EventCodecTest {

    @Test
    void eventsRoundTripAndTheirKeyIsTheirCause() {
        var e = new DossierEvent.AanvraagOntvangen("KW-2023-GM0363-V", "ab12", new Receipt("a.pdf", "GM0363",
                Instant.parse("2023-09-14T08:00:00Z"), "v1", "u"), "PDF_FORM", true,
                new Provenance("1.0.0", "kansrijke-wijk-2023", "aa", "bb", "KW-2023-1"));
        assertEquals(e, EventCodec.read(EventCodec.bytes(e)));
        assertTrue(new String(EventCodec.bytes(e), StandardCharsets.UTF_8).contains("\"type\" : \"AanvraagOntvangen\""));
        assertEquals("dossier/GM0363/events/KW-2023-GM0363-V/AanvraagOntvangen/ab12.json", EventKeys.event(e));
    }

    @Test
    void aLaterStageEventIsKeptAsAnExtensionAndShownInTheHistory() {
        var ext = new DossierEvent.Uitbreiding("VerantwoordingOntvangen", "GM0363", "KW-2023-GM0363-J2024",
                Instant.parse("2025-07-15T08:00:00Z"), "cd34", Map.of("jaar", 2024), null);
        DossierEvent back = EventCodec.read(EventCodec.bytes(ext));
        assertEquals(ext, back);
        assertEquals("dossier/GM0363/events/KW-2023-GM0363-J2024/VerantwoordingOntvangen/cd34.json", EventKeys.event(ext));
        DossierEvent unknown = EventCodec.read(("{\"type\":\"VaststellingBesloten\",\"gemeenteCode\":\"GM0363\","
                + "\"kenmerk\":\"KW-2023-GM0363-S\",\"id\":\"x\",\"bedrag\":1}").getBytes(StandardCharsets.UTF_8));
        assertInstanceOf(DossierEvent.Uitbreiding.class, unknown);
        DossierState s = DossierProjection.project("GM0363", List.of(ext, unknown));
        assertEquals(2, s.geschiedenis().size());
    }

    @Test
    void aKeySegmentFromOutsideCannotEscapeItsFolder() {
        assertThrows(IllegalArgumentException.class, () -> EventKeys.cbs("../GM0363"));
        assertThrows(IllegalArgumentException.class, () -> EventKeys.view("GM0363", "../x", "v"));
        assertThrows(IllegalArgumentException.class, () -> new FileSystemDossierStore(java.nio.file.Path.of("/tmp/x"))
                .read("../../etc/passwd"));
    }
}
