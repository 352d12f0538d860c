package nl.kansrijkewijk.functions.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import nl.kansrijkewijk.pipeline.status.DocumentStatus;
import nl.kansrijkewijk.pipeline.status.DossierStatusSource;
import nl.kansrijkewijk.pipeline.status.OutputBucketStatusSource;
import org.junit.jupiter.api.Test;

/**
 * The portal's status from the dossier projection: the case's kenmerk and stage for an upload the dossier holds, the
 * pipeline's status for the rest, and never another gemeente's dossier.
 */
class DossierStatusSourceTest {
    private static final String AANVRAAG = "inbox/GM0363/20230912-121500-a1b2c3-aanvraag.pdf";

    /** Amsterdam's dossier: the processed upload (version v1) is the current one of a judged verlening. */
    private static MemoryStore withDossier(String uploadStatus, String caseStatus) {
        MemoryStore s = Fakes.pipelineOutputs();
        s.put(Fakes.OUTPUTS, "dossier/GM0363/dossier.json", """
                {"schema":"kw-dossier/1","gemeenteCode":"GM0363","zaken":[
                  {"kenmerk":"KW-2023-GM0363-V","soort":"aanvraag","status":"%s","uploads":[
                    {"sha256":"ab","document":"20230912-121500-a1b2c3-aanvraag.pdf","versionId":"v1",
                     "ontvangen":"2023-09-12T10:15:00Z","status":"%s"}]}],"geschiedenis":[]}"""
                .formatted(caseStatus, uploadStatus), Instant.parse("2023-10-16T09:00:00Z"));
        return s;
    }

    private static DossierStatusSource source(MemoryStore s) {
        return new DossierStatusSource(new OutputBucketStatusSource(s, Fakes.UPLOADS, Fakes.OUTPUTS), s, Fakes.OUTPUTS);
    }

    private static DocumentStatus doc(List<DocumentStatus> docs, String key) {
        return docs.stream().filter(d -> d.uploadKey().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void theCurrentUploadOfAJudgedCaseShowsTheCaseStage() {
        DossierStatusSource source = source(withDossier("huidig", "beoordeeld"));
        DocumentStatus d = doc(source.documents("GM0363"), AANVRAAG);
        assertEquals(DocumentStatus.Status.BEOORDEELD, d.status());
        assertEquals("KW-2023-GM0363-V", d.kenmerk());
        // Not in a dossier yet: the pipeline's status stays.
        assertEquals(DocumentStatus.Status.ONTVANGEN,
                doc(source.documents("GM0363"), "inbox/GM0363/20230920-090000-d4e5f6-wijziging.xlsx").status());
        assertEquals(DocumentStatus.Status.VASTGESTELD,
                doc(source(withDossier("huidig", "vastgesteld")).allDocuments(), AANVRAAG).status());
    }

    @Test
    void aReplacedUploadSaysSoAndKeepsItsOwnConcept() {
        DocumentStatus d = doc(source(withDossier("vervangen", "beoordeeld")).documents("GM0363"), AANVRAAG);
        assertEquals(DocumentStatus.Status.CONCEPT, d.status());
        assertTrue(d.message().startsWith("Vervangen door een latere upload; KW-2023-GM0363-V"), d.message());
    }

    @Test
    void aGemeenteNeverSeesAnotherGemeentesDossier() {
        MemoryStore s = withDossier("huidig", "vastgesteld");
        // Rotterdam's dossier naming Amsterdam's upload, and Amsterdam's dossier copied into Rotterdam's folder.
        s.put(Fakes.OUTPUTS, "dossier/GM0599/dossier.json", """
                {"schema":"kw-dossier/1","gemeenteCode":"GM0363","zaken":[{"kenmerk":"KW-2023-GM0363-V",
                 "status":"vastgesteld","uploads":[{"document":"kapot.pdf","versionId":"e1","status":"huidig"}]}]}""",
                Instant.parse("2023-10-16T09:00:00Z"));
        DossierStatusSource source = source(s);
        List<DocumentStatus> rotterdam = source.documents("GM0599");
        assertEquals(List.of("inbox/GM0599/kapot.pdf"), rotterdam.stream().map(DocumentStatus::uploadKey).toList());
        assertEquals(DocumentStatus.Status.ONLEESBAAR, rotterdam.get(0).status());
        assertNull(rotterdam.get(0).kenmerk());
        assertTrue(source.documents("GM0363").stream().allMatch(d -> d.gemeenteCode().equals("GM0363")));
        assertEquals(List.of(), source.documents("../GM0363"));
    }
}
