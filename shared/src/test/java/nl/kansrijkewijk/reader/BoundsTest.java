package nl.kansrijkewijk.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.kansrijkewijk.aanvraag.Activity;
import nl.kansrijkewijk.finding.Finding;
import nl.kansrijkewijk.form.FormFiller;
import nl.kansrijkewijk.hostile.HostileFiles;
import nl.kansrijkewijk.limits.Deadline;
import nl.kansrijkewijk.limits.Limits;
import nl.kansrijkewijk.reader.UnreadableDocumentException.Reason;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.junit.jupiter.api.Test;

/**
 * The limits and the deadline hold, and what lies within them is still read. The large kinds (2 000 rows, a 4 GB
 * inflating PDF, a 120 MB hidden sheet) are in the hostile corpus, measured in a child JVM (HostileCorpusTest).
 */
class BoundsTest {

    @Test
    void aBigSheetWithoutFormKeysIsSkippedNotLoaded() throws Exception {
        // 15 000 rows × 20 cells = 300 000 cells: over the cell limit if it were loaded
        ReadResult r = AanvraagReader.read("verborgen.xlsx", HostileFiles.xlsxWithBigHiddenSheet(15_000));
        assertEquals("Utrecht", r.aanvraag().gemeente());
    }

    @Test
    void aPassedDeadlineEndsReadingWithItsOwnReason() {
        byte[] pdf = FormFiller.flatten(FormFiller.fillPdf(HostileFiles.values()));
        UnreadableDocumentException e = assertThrows(UnreadableDocumentException.class,
                () -> AanvraagReader.read("traag.pdf", pdf, Limits.standard(), Deadline.after(Duration.ZERO)));
        assertEquals(Reason.TE_COMPLEX, e.reason());
        assertTrue(e.userMessage().contains("verwerkingstijd"), e.userMessage());
    }

    @Test
    void aSmallerPageLimitRefusesInsteadOfReadingInPart() {
        Limits l = Limits.standard();
        Limits two = new Limits(l.maxUploadBytes(), 2, l.maxFields(), l.maxRows(), l.maxCells(),
                l.maxDecodedStreamBytes(), l.maxZipEntryBytes(), l.maxTextLength(), l.maxProcessingSeconds());
        UnreadableDocumentException e = assertThrows(UnreadableDocumentException.class,
                () -> AanvraagReader.read("a.pdf", FormFiller.fillPdf(HostileFiles.values()), two, Deadline.none()));
        assertEquals(Reason.TE_GROOT, e.reason());
        assertTrue(e.userMessage().contains("pagina's"), e.userMessage());
    }

    @Test
    void aFourHundredDigitAmountIsUnreadableNotAnAmount() throws Exception {
        Map<String, String> v = new HashMap<>(HostileFiles.values());
        v.put("B.ARM.fg1.2024", "1".repeat(400));
        ReadResult r = AanvraagReader.read("groot.pdf", FormFiller.fillPdf(v));
        assertTrue(r.findings().stream().anyMatch(f -> f.rule().equals("LEES-VELD")
                && "B.ARM.fg1.2024".equals(f.location().field())), r.findings().toString());
        r.aanvraag().budget().forEach(b -> assertFalse(String.valueOf(b).contains("1".repeat(20)), b.toString()));
    }

    @Test
    void directionControlsAreRemovedAndFlagged() throws Exception {
        Map<String, String> v = new HashMap<>(HostileFiles.values());
        v.put("A.ondertekenaar.naam", "J. de \u202Eseirv\u202C");
        ReadResult r = AanvraagReader.read("rtl.xlsx", FormFiller.fillXlsx(v));
        assertEquals("J. de seirv", r.aanvraag().signatory().name());
        List<Finding> flagged = r.findings().stream().filter(f -> f.rule().equals("LEES-TEKENS")).toList();
        assertEquals(1, flagged.size());
        assertEquals("A.ondertekenaar.naam", flagged.get(0).location().field());
    }

    @Test
    void aPdfWithAnAttachmentAndJavaScriptIsReadWithAWarning() throws Exception {
        byte[] pdf = FormFiller.fillPdf(HostileFiles.values());
        byte[] hostile;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDEmbeddedFile file = new PDEmbeddedFile(doc, new java.io.ByteArrayInputStream(
                    "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*".getBytes()));
            PDComplexFileSpecification spec = new PDComplexFileSpecification();
            spec.setFile("eicar.com");
            spec.setEmbeddedFile(file);
            PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
            tree.setNames(Map.of("eicar.com", spec));
            PDDocumentNameDictionary names = new PDDocumentNameDictionary(doc.getDocumentCatalog());
            names.setEmbeddedFiles(tree);
            doc.getDocumentCatalog().setNames(names);
            doc.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert('hallo')"));
            hostile = save(doc);
        }
        ReadResult r = AanvraagReader.read("bijlage.pdf", hostile);
        assertEquals("Utrecht", r.aanvraag().gemeente());
        Finding f = r.findings().stream().filter(x -> x.rule().equals("LEES-BIJLAGE-ACTIEF")).findFirst().orElseThrow();
        assertTrue(f.message().contains("ingesloten bestanden"), f.message());
        assertTrue(f.message().contains("actie die bij het openen"), f.message());
        assertTrue(AanvraagReader.read("schoon.pdf", pdf).findings().stream()
                .noneMatch(x -> x.rule().equals("LEES-BIJLAGE-ACTIEF")));
    }

    @Test
    void aFilledFormBehindTwentyThousandOtherFieldsIsStillRead() throws Exception {
        byte[] pdf = FormFiller.fillPdf(HostileFiles.values());
        byte[] crowded;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            var form = doc.getDocumentCatalog().getAcroForm(null);
            var others = new org.apache.pdfbox.cos.COSArray();
            for (int i = 0; i < 20_000; i++) {
                COSDictionary f = new COSDictionary();
                f.setName(COSName.FT, "Tx");
                f.setString(COSName.T, "ander" + i);
                others.add(f);
            }
            others.addAll(form.getCOSObject().getCOSArray(COSName.FIELDS));
            form.getCOSObject().setItem(COSName.FIELDS, others);
            crowded = save(doc);
        }
        ReadResult r = AanvraagReader.read("druk.pdf", crowded);
        assertEquals("Utrecht", r.aanvraag().gemeente());
        Activity a = r.aanvraag().activities().get(0);
        assertEquals("Buurtcoach", a.name());
    }

    private static byte[] save(PDDocument doc) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.save(out);
        return out.toByteArray();
    }
}
