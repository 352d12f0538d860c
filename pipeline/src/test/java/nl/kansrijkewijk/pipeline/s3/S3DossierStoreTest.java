package nl.kansrijkewijk.pipeline.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.kansrijkewijk.dossier.Beoordeling;
import nl.kansrijkewijk.dossier.BeoordelingFile;
import nl.kansrijkewijk.dossier.DossierException;
import nl.kansrijkewijk.dossier.DossierService;
import nl.kansrijkewijk.dossier.ReviewerUploads;
import nl.kansrijkewijk.dossier.DossierState;
import nl.kansrijkewijk.dossier.EventKeys;
import nl.kansrijkewijk.processing.Receipt;
import nl.kansrijkewijk.testkit.s3.EmbeddedS3;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/** The dossier on the embedded S3: conditional writes keyed by cause; upload, beoordeling and vaststelling end to end. */
class S3DossierStoreTest {

    @Test
    void eventsAreWrittenOnceAndAnUploadBecomesADossierWithAConcept() throws Exception {
        try (EmbeddedS3 server = new EmbeddedS3(); S3Client s3 = server.client(S3Clients::create)) {
            server.createVersionedBucket(s3, "kw-outputs");
            S3DossierStore store = new S3DossierStore(s3, "kw-outputs");
            byte[] a = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
            assertTrue(store.putIfAbsent("dossier/GM9999/proef/1.json", a));
            assertFalse(store.putIfAbsent("dossier/GM9999/proef/1.json", "{\"b\":2}".getBytes(StandardCharsets.UTF_8)));
            assertArrayEquals(a, store.read("dossier/GM9999/proef/1.json").orElseThrow());
            assertTrue(store.read("dossier/GM0505/nope.json").isEmpty());
            assertEquals(List.of("dossier/GM9999/proef/1.json"), store.list("dossier/GM9999/"));

            byte[] pdf = Files.readAllBytes(fixtures().resolve("generated/dordrecht-jonge-kind-veerkracht.pdf"));
            DossierService service = new DossierService(store);
            var intake = service.ontvang(new Receipt("aanvraag.pdf", "GM0505", Instant.parse("2023-09-14T08:00:00Z"),
                    "v1", "gemeente"), pdf);
            assertEquals("KW-2023-GM0505-V", intake.kenmerk());
            assertFalse(service.ontvang(new Receipt("aanvraag.pdf", "GM0505", Instant.parse("2023-09-14T08:00:00Z"),
                    "v1", "gemeente"), pdf).nieuw(), "a repeated S3 event records nothing new");
            DossierState.Zaak z = service.state("GM0505").zaken().stream()
                    .filter(x -> x.kenmerk().equals("KW-2023-GM0505-V")).findFirst().orElseThrow();
            assertTrue(store.read(EventKeys.view("GM0505", z.kenmerk(), z.versie()) + "concept-verleningsbeschikking.pdf").isPresent());
            assertTrue(store.read(EventKeys.state("GM0505")).isPresent());

            // The reviewer's acts on S3 too: a beoordeling written as a file, the vaststelling by a second reviewer.
            String yaml = """
                    door: {naam: "A. Jansen", rol: beoordelaar}
                    datum: 16-10-2023
                    bevindingen:
                      - {regel: OJK-DIPLOMA-ONBEKEND, activiteit: 7, oordeel: afwijzen, bedrag: "490.000,00",
                         reden: "Geen diploma van ten minste mbo niveau 3 aangetoond", artikel: "art. 9, derde lid"}
                    """;
            Beoordeling b = BeoordelingFile.read(yaml.getBytes(StandardCharsets.UTF_8))
                    .withDefaults("KW-2023-GM0505-V", null, null)
                    .resolve(service.bevindingen("GM0505", "KW-2023-GM0505-V"));
            service.beoordeel("GM0505", b, Instant.parse("2023-10-16T09:00:00Z"));
            var v = service.stelVast("GM0505", "KW-2023-GM0505-V", new Beoordeling.Reviewer("B. de Groot", null),
                    LocalDate.of(2023, 10, 20), Instant.parse("2023-10-20T09:00:00Z"));
            // Dordrecht's spec: 3.995.000 granted; the reviewer refuses activity 7 (490.000) → 3.505.000.
            assertEquals(new BigDecimal("3505000.00"), v.totaalVerleend());
            DossierState.Zaak fixed = service.state("GM0505").zaken().get(0);
            assertTrue(store.read(EventKeys.view("GM0505", fixed.kenmerk(), fixed.versie()) + "verleningsbeschikking.docx").isPresent());
            assertThrows(DossierException.class, () -> new ReviewerUploads(service)
                    .accept("inbox/GM0505/bevindingen.xlsx", new byte[0], "gemeente", Instant.now()));
        }
    }

    private static Path fixtures() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("test-fixtures/generated"))) {
                return p.resolve("test-fixtures");
            }
        }
        throw new IllegalStateException("test-fixtures not found");
    }
}
