package nl.kansrijkewijk.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.verapdf.pdfa.flavours.PDFAFlavour;

/** The letter after a reviewer acted: added motivering, and the definitive letter without CONCEPT marks. */
class BeschikkingVariantsTest {

    @Test
    void theDefinitiveLetterHasNoConceptMarkStaysPdfUaAndIsReproducible() throws Exception {
        Scenarios.Case c = Scenarios.amsterdam();
        var v = new BeschikkingVariants.Vaststelling(LocalDate.of(2023, 10, 20), "B. de Groot", "senior beoordelaar");
        String concept = BeschikkingVariants.xhtml(c.besluit(), c.aanvraag(), c.findings(), Scenarios.REGELING, List.of(), null);
        assertTrue(concept.contains("class=\"watermark\"") && concept.contains("class=\"concept-status\""),
                "the concept keeps the marks this class removes (the contract with BeschikkingHtml)");
        String xhtml = BeschikkingVariants.xhtml(c.besluit(), c.aanvraag(), c.findings(), Scenarios.REGELING,
                List.of("Een alinea van de beoordelaar."), v);
        byte[] pdf = BeschikkingVariants.pdf(xhtml, v.datum());
        Files.createDirectories(Path.of("target", "rendered"));
        Files.write(Path.of("target", "rendered", "amsterdam-definitief.pdf"), pdf);
        String text = BeschikkingPdfWriterTest.normalise(BeschikkingPdfWriterTest.text(pdf));
        assertFalse(text.contains("CONCEPT"), "no CONCEPT mark");
        assertTrue(text.contains("20 oktober 2023") && !text.contains("bij ondertekening invullen"), "dated on the vaststelling");
        assertTrue(text.contains("B. de Groot, senior beoordelaar"), "signed");
        // the minister decides; the vaststeller signs on the minister's behalf, in place of the configured signatory
        int minister = text.indexOf("De Minister voor Volkshuisvesting en Ruimtelijke Ordening,");
        int namens = text.indexOf("namens deze,", minister);
        int signer = text.indexOf("B. de Groot, senior beoordelaar", namens);
        assertTrue(minister > 0 && namens > minister && signer > namens, "signature order: " + text);
        assertFalse(text.contains("N.N."), "the configured stand-in signatory is replaced");
        assertFalse(text.contains("In te vullen door de behandelaar"), "the reviewer's working note is not signed");
        // The motivering is the section before Bezwaar, which moves one number on.
        int motivering = text.indexOf("Aanvullende motivering");
        int bezwaar = text.indexOf("Bezwaar");
        assertTrue(motivering > 0 && motivering < bezwaar && text.contains("Een alinea van de beoordelaar."), text);
        assertEquals(List.of(), VeraPdf.failures(pdf, PDFAFlavour.PDFA_2_A));
        assertEquals(List.of(), VeraPdf.failures(pdf, PDFAFlavour.PDFUA_1));
        assertArrayEquals(pdf, BeschikkingVariants.pdf(xhtml, v.datum()));
        byte[] docx = BeschikkingDocx.write(xhtml, v.datum());
        Files.write(Path.of("target", "rendered", "amsterdam-definitief.docx"), docx);
        assertArrayEquals(docx, BeschikkingDocx.write(xhtml, v.datum()), "same bytes on a second write");
    }
}
