package nl.kansrijkewijk.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.kansrijkewijk.aanvraag.Aanvraag;
import nl.kansrijkewijk.aanvraag.Source.DocumentShape;
import nl.kansrijkewijk.form.FormFiller;
import nl.kansrijkewijk.form.PdfLayout;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A form "printed to PDF" is read from its page text, also when the print scaled, shifted or dropped pages. */
class FlattenedPdfTest {
    private static byte[] flattened;
    private static Aanvraag expected;

    @BeforeAll
    static void print() throws UnreadableDocumentException {
        byte[] pdf = FormFiller.fillPdf(SampleForms.comprehensive());
        expected = Shapes.content(AanvraagReader.read("ingevuld.pdf", pdf));
        flattened = FormFiller.flatten(pdf);
    }

    @Test
    void theFlattenedPrintHasNoFieldsLeft() throws IOException {
        try (PDDocument doc = Loader.loadPDF(flattened)) {
            assertNull(doc.getDocumentCatalog().getAcroForm(null));
            for (PDPage p : doc.getPages()) {
                assertEquals(0, p.getAnnotations().size());
            }
        }
    }

    @Test
    void aScaledAndShiftedPrintReadsTheSame() throws Exception {
        byte[] scaled = transformPages(flattened, "0.955 0 0 0.962 14.5 9.25 cm");
        ReadResult r = AanvraagReader.read("geschaald.pdf", scaled);
        assertEquals(DocumentShape.PDF_FLATTENED, r.aanvraag().source().shape());
        assertEquals(List.of(), r.findings());
        assertEquals(expected, Shapes.content(r));
    }

    @Test
    void reorderedAndMissingPagesAreFoundByTheirPageNumber() throws Exception {
        byte[] shuffled;
        int emptyActivityPage = PdfLayout.standard().field("C.40.naam").page();
        try (PDDocument doc = Loader.loadPDF(flattened)) {
            PDPage first = doc.getPage(0);
            doc.removePage(emptyActivityPage - 1);
            doc.removePage(0);
            doc.addPage(first);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            shuffled = out.toByteArray();
        }
        ReadResult r = AanvraagReader.read("geschud.pdf", shuffled);
        assertEquals(expected, Shapes.content(r));
        int pages = PdfLayout.standard().pages().size() - 1;
        assertEquals(pages, r.aanvraag().source().location("A.gemeente").page(), "located on the page it is now on");
    }

    private static byte[] transformPages(byte[] pdf, String cm) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (PDPage page : doc.getPages()) {
                List<PDStream> streams = new ArrayList<>();
                streams.add(stream(doc, "q " + cm + "\n"));
                page.getContentStreams().forEachRemaining(s -> streams.add(new PDStream(s.getCOSObject())));
                streams.add(stream(doc, "\nQ\n"));
                page.setContents(streams);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static PDStream stream(PDDocument doc, String content) throws IOException {
        PDStream s = new PDStream(doc);
        try (OutputStream os = s.createOutputStream()) {
            os.write(content.getBytes(StandardCharsets.US_ASCII));
        }
        return s;
    }

    @Test
    void textTooLongForItsBoxNeverSpillsIntoTheNextField() throws Exception {
        String longName = "Programmabureau Groningen Noord voor de wijken Selwerd, De Hoogte, Korrewegwijk, Indische "
                + "Buurt en Oosterparkwijk-Noord";
        String absurd = "heel lang verhaal ".repeat(200).strip();
        Map<String, String> v = Map.of("C.1.naam", longName, "C.1.onderdeel", "ORG", "C.2.naam", absurd,
                "C.2.onderdeel", "INT", "C.2.focusgebied", "Noord", "C.2.omschrijving", absurd);
        ReadResult r = AanvraagReader.read("lang.pdf", FormFiller.flatten(FormFiller.fillPdf(v)));
        assertEquals(List.of(), r.findings());
        assertEquals(longName, r.aanvraag().activities().get(0).name());
        assertEquals("ORG", r.aanvraag().activities().get(0).onderdeel());
        assertEquals("INT", r.aanvraag().activities().get(1).onderdeel());
        assertEquals("Noord", r.aanvraag().activities().get(1).focusgebied());
        // What does not fit is lost in print, as with any printed form; what is shown is the start of the text.
        org.junit.jupiter.api.Assertions.assertTrue(absurd.startsWith(r.aanvraag().activities().get(1).name()));
    }

    @Test
    void valuesKeptOnlyInFieldAppearancesAreStillRead() throws Exception {
        byte[] appearanceOnly;
        try (PDDocument doc = Loader.loadPDF(FormFiller.fillPdf(SampleForms.comprehensive()))) {
            for (org.apache.pdfbox.pdmodel.interactive.form.PDField f : doc.getDocumentCatalog().getAcroForm(null)
                    .getFieldTree()) {
                f.getCOSObject().removeItem(org.apache.pdfbox.cos.COSName.V);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            appearanceOnly = out.toByteArray();
        }
        ReadResult r = AanvraagReader.read("alleen-weergave.pdf", appearanceOnly);
        assertEquals(DocumentShape.PDF_FLATTENED, r.aanvraag().source().shape());
        assertEquals(expected, Shapes.content(r));
    }

    @Test
    void valuesOfAnotherFormStayOutOfTheFields() throws Exception {
        Map<String, String> v = Map.of("C.1.naam", "Alleen een naam");
        ReadResult r = AanvraagReader.read("kort.pdf", FormFiller.flatten(FormFiller.fillPdf(v)));
        assertEquals(1, r.aanvraag().activities().size());
        assertEquals("Alleen een naam", r.aanvraag().activities().get(0).name());
        assertNull(r.aanvraag().activities().get(0).description());
    }
}
