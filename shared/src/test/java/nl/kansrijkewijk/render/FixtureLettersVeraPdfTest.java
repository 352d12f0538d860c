package nl.kansrijkewijk.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import nl.kansrijkewijk.fixtures.FixtureSpec;
import nl.kansrijkewijk.hash.Sha256;
import nl.kansrijkewijk.processing.AanvraagProcessor;
import nl.kansrijkewijk.processing.Evaluation;
import nl.kansrijkewijk.processing.OutputNames;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.verapdf.pdfa.flavours.PDFAFlavour;

/**
 * Every letter the processor writes for every fixture document is PDF/A-2a and PDF/UA-1 according to veraPDF —
 * not hand-built letters, the real outputs. veraPDF is initialised once and checks both flavours in one parse; a
 * letter that comes out byte-identical for another shape of the same aanvraag is validated once. The negative
 * control shows the validator does reject: the same letter with its XMP metadata and structure tree removed.
 */
class FixtureLettersVeraPdfTest {
    private static final List<PDFAFlavour> FLAVOURS = List.of(PDFAFlavour.PDFA_2_A, PDFAFlavour.PDFUA_1);
    private static final AanvraagProcessor PROCESSOR = new AanvraagProcessor();
    private static final Map<String, Map<PDFAFlavour, List<String>>> BY_CONTENT = new ConcurrentHashMap<>();
    private static final Map<Path, byte[]> LETTERS = new ConcurrentHashMap<>();

    static Stream<Path> fixtureDocuments() throws IOException {
        try (Stream<Path> files = Files.list(FixtureSpec.fixturesDir().resolve("generated"))) {
            return files.filter(f -> f.toString().endsWith(".pdf") || f.toString().endsWith(".xlsx")).sorted()
                    .toList().stream();
        }
    }

    static byte[] letter(Path document) {
        return LETTERS.computeIfAbsent(document, d -> {
            try {
                return render(d);
            } catch (IOException ex) {
                throw new java.io.UncheckedIOException(ex);
            }
        });
    }

    private static byte[] render(Path document) throws IOException {
        Evaluation e = PROCESSOR.evaluate(document.getFileName().toString(), Files.readAllBytes(document));
        assertTrue(e.readable(), "fixture is readable: " + document);
        byte[] pdf = PROCESSOR.outputs(e).get(OutputNames.BESCHIKKING);
        assertNotNull(pdf, "the processor writes a letter for " + document);
        return pdf;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtureDocuments")
    void theLetterIsPdfA2aAndPdfUa1(Path document) throws Exception {
        byte[] pdf = letter(document);
        Map<PDFAFlavour, List<String>> failures = BY_CONTENT.computeIfAbsent(Sha256.hex(pdf), k -> {
            try {
                return VeraPdf.failures(pdf, FLAVOURS);
            } catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
        });
        assertEquals(FLAVOURS.size(), failures.size(), "one result per flavour");
        failures.forEach((flavour, failed) -> assertEquals(List.of(), failed, flavour + " for " + document));
        // the signature is never alone on its page: the closing paragraph stands on the same page
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            // by position, as the eye reads: a marked placeholder inside a sentence is drawn after its line
            org.apache.pdfbox.text.PDFTextStripper reader = new org.apache.pdfbox.text.PDFTextStripper();
            reader.setSortByPosition(true);
            String all = reader.getText(doc).replaceAll("\\s+", " ");
            assertFalse(all.contains("art. "), "articles written out in " + document);
            assertFalse(java.util.regex.Pattern.compile("\\b[A-E]\\.[A-Za-z]+[0-9]*\\.[A-Za-z0-9]+").matcher(all).find(),
                    "no form field keys in " + document);
            var ruleId = java.util.regex.Pattern.compile("\\b[A-Z]{2,}(?:-(?:[A-Z]{2,}|[0-9]{2}))+\\b").matcher(all);
            boolean found = ruleId.find();
            assertFalse(found, "no rule ids in " + document + (found ? ": " + ruleId.group() : ""));
            // the only bracketed text is what the reviewer fills in: the date, the verleningsbeschikking a
            // wijziging changes (the form has no date for it), the art. 12 block and an afwijzing's motivering
            var brackets = java.util.regex.Pattern.compile("\\[([^\\]]*)\\]").matcher(all);
            while (brackets.find()) {
                String b = brackets.group(1);
                assertTrue(b.equals("datum van verzending") || b.startsWith("In te vullen door de behandelaar")
                        || b.startsWith("motiveer per onderdeel") || b.equals("datum verleningsbeschikking")
                        || b.equals("kenmerk verleningsbeschikking") || b.startsWith("aanvullende motivering"),
                        "placeholder [" + b + "] in " + document);
            }
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                org.apache.pdfbox.text.PDFTextStripper s = new org.apache.pdfbox.text.PDFTextStripper();
                s.setStartPage(p);
                s.setEndPage(p);
                String page = s.getText(doc);
                if (page.contains("Hoogachtend")) {
                    assertTrue(page.contains("Heeft u vragen over deze brief"), "signature with its closing, page " + p);
                }
            }
        }
    }

    /** The kenmerk and the letter follow the aanvraag, not the upload: every shape of one spec, one letter. */
    @Test
    void theSameAanvraagInEveryShapeGetsTheSameLetter() throws IOException {
        Map<String, List<Path>> bySpec = new java.util.TreeMap<>();
        fixtureDocuments().forEach(p -> bySpec.computeIfAbsent(p.getFileName().toString()
                .replaceFirst("(-afgedrukt)?\\.(pdf|xlsx)$", ""), k -> new java.util.ArrayList<>()).add(p));
        int compared = 0;
        for (Map.Entry<String, List<Path>> e : bySpec.entrySet()) {
            byte[] first = letter(e.getValue().get(0));
            for (Path other : e.getValue().subList(1, e.getValue().size())) {
                compared++;
                assertTrue(java.util.Arrays.equals(first, letter(other)),
                        e.getValue().get(0).getFileName() + " and " + other.getFileName() + " give the same letter");
            }
        }
        assertTrue(compared >= 15, "fixtures in several shapes: " + compared);
    }

    @Test
    void aBrokenLetterFailsValidation() throws Exception {
        Path first = fixtureDocuments().findFirst().orElseThrow();
        byte[] broken;
        try (PDDocument doc = Loader.loadPDF(letter(first))) {
            doc.getDocumentCatalog().getCOSObject().removeItem(COSName.METADATA);
            doc.getDocumentCatalog().getCOSObject().removeItem(COSName.STRUCT_TREE_ROOT);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            broken = out.toByteArray();
        }
        Map<PDFAFlavour, List<String>> failures = VeraPdf.failures(broken, FLAVOURS);
        assertFalse(failures.get(PDFAFlavour.PDFA_2_A).isEmpty(), "PDF/A-2a must fail without XMP metadata");
        assertFalse(failures.get(PDFAFlavour.PDFUA_1).isEmpty(), "PDF/UA-1 must fail without a structure tree");
    }
}
