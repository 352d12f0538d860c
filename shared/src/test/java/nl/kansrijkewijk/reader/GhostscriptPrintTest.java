package nl.kansrijkewijk.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.kansrijkewijk.aanvraag.Source.DocumentShape;
import nl.kansrijkewijk.form.FormFiller;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontFactory;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * A form printed through Ghostscript's pdfwrite (cups-pdf, many "print to PDF" drivers) came back with € read as ¬
 * and ’ as 9: its ToUnicode map truncates characters beyond Latin-1 (seen with gs 10.00). Every amount typed with
 * "€" became LEES-VELD. The test puts that same defect into our own flattened print.
 */
class GhostscriptPrintTest {

    @Test
    void glyphNamesRepairAToUnicodeMapThatTruncatesCharactersBeyondLatin1() throws Exception {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("A.gemeente", "’s-Gravenhage");
        values.put("A.datum", "30-9-2023");
        values.put("B.ORG.fg1.2024", "€ 500.000");
        values.put("B.ORG.fg1.totaal", "€ 1.500.000,-");
        values.put("C.1.naam", "Wijkcoach – Zuidwest");
        byte[] garbled = likeGhostscript(FormFiller.flatten(FormFiller.fillPdf(values)));
        try (PDDocument doc = Loader.loadPDF(garbled)) {
            String plain = new PDFTextStripper().getText(doc);
            assertTrue(plain.contains("¬ 500.000") && plain.contains("9s-Gravenhage"), "the defect is in place");
        }

        ReadResult r = AanvraagReader.read("afgedrukt-via-gs.pdf", garbled);
        assertEquals(DocumentShape.PDF_FLATTENED, r.aanvraag().source().shape());
        assertEquals(List.of(), r.findings());
        assertEquals("Den Haag", r.aanvraag().gemeente());
        assertEquals(new BigDecimal("500000.00"), r.aanvraag().budget().get(0).perYear().get(2024));
        assertEquals(new BigDecimal("1500000.00"), r.aanvraag().budget().get(0).statedTotal());
        assertEquals("Wijkcoach – Zuidwest", r.aanvraag().activities().get(0).name());
    }

    /** Rewrites every Type0 font's ToUnicode the way gs 10.00 does: U+20AC → U+00AC, U+2019 → '9', U+2013 → '3'. */
    private static byte[] likeGhostscript(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            // Fonts of flattened fields sit in form XObjects, so every font object of the file is visited.
            for (COSObject object : doc.getDocument().getObjectsByType(COSName.FONT)) {
                if (object.getObject() instanceof COSDictionary font && COSName.TYPE0.equals(font.getCOSName(COSName.SUBTYPE))
                        && font.getDictionaryObject(COSName.TO_UNICODE) instanceof COSStream cmap) {
                    String text;
                    try (InputStream in = cmap.createInputStream()) {
                        text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
                    }
                    PDFont pdFont = PDFontFactory.createFont(font);
                    StringBuilder wrong = new StringBuilder();
                    for (String[] pair : new String[][] {{"€", "00AC"}, {"’", "0039"}, {"–", "0033"}}) {
                        byte[] code;
                        try {
                            code = pdFont.encode(pair[0]);
                        } catch (IllegalArgumentException notInThisFont) {
                            continue;
                        }
                        wrong.append(String.format("<%02X%02X> <%s>%n", code[0], code[1], pair[1]));
                    }
                    long n = wrong.toString().lines().count();
                    // A later bfchar overrides the ranges before it.
                    String bad = text.replace("endcmap", n + " beginbfchar\n" + wrong + "endbfchar\nendcmap");
                    try (OutputStream out = cmap.createOutputStream()) {
                        out.write(bad.getBytes(StandardCharsets.ISO_8859_1));
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }
}
