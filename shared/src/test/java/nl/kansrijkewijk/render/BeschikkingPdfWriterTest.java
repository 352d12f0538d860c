package nl.kansrijkewijk.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

class BeschikkingPdfWriterTest {
    private static final BeschikkingPdfWriter WRITER = new BeschikkingPdfWriter();
    private static Scenarios.Case amsterdam;
    private static byte[] amsterdamPdf;

    @BeforeAll
    static void renderAmsterdam() throws IOException {
        amsterdam = Scenarios.amsterdam();
        amsterdamPdf = write(amsterdam, "amsterdam");
    }

    static byte[] write(Scenarios.Case c, String name) throws IOException {
        byte[] pdf = WRITER.write(c.besluit(), c.aanvraag(), c.findings(), Scenarios.REGELING);
        // kept for looking at (pdftoppm) and for the README images
        Path dir = Path.of("target", "rendered");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".pdf"), pdf);
        return pdf;
    }

    @Test
    void amsterdamIsPdfA2aAndPdfUa1() throws Exception {
        assertEquals(List.of(), VeraPdf.failures(amsterdamPdf, PDFAFlavour.PDFA_2_A));
        assertEquals(List.of(), VeraPdf.failures(amsterdamPdf, PDFAFlavour.PDFUA_1));
    }

    @Test
    void amsterdamPrintsDecisionRefusalsAndPayments() throws IOException {
        String text = normalise(text(amsterdamPdf));
        assertTrue(text.contains("Verlening specifieke uitkering Regeling kansrijke wijk"), "onderwerp");
        assertTrue(text.contains("De Minister voor Volkshuisvesting en Ruimtelijke Ordening"), "sender");
        assertTrue(text.contains("Ministerie van Binnenlandse Zaken en Koninkrijksrelaties"), "letterhead");
        assertTrue(text.contains("Postbus 20011"), "postal address from the configuration");
        assertTrue(text.contains("Het college van burgemeester en wethouders"), "addressee");
        assertTrue(text.contains("van de gemeente Amsterdam"), "addressee gemeente");
        // the Datum line is the day of sending, filled in by the reviewer; the decision deadline is no part of it
        assertTrue(text.contains("Datum [datum van verzending]"), "datum line");
        assertFalse(text.contains("uiterlijk 23 december 2023"), "no internal deadline in the letter");
        assertTrue(text.contains(amsterdam.besluit().kenmerk()), "kenmerk");
        assertTrue(text.contains("ingediend op 15 september 2023"), "aanvraag date");
        // requested 3.000.000 + 1.200.000 + 1.804.545 + 850.000 + 900.000 + 255.000 + 6.935.359 = 14.944.904
        assertTrue(text.contains("€ 14.944.904"), "total requested");
        // refused 12.500 (btw) + 50.000 (maximum ARM Nieuw-West) + 40.000 (dubbel) + 120.000 (diploma) = 222.500
        assertTrue(text.contains("€ 222.500"), "total refused");
        assertTrue(text.contains("€ 14.722.404"), "total awarded before btw");
        // btw 5 %: 150.000 + 59.375 + 90.227,25 + 42.500 + 42.500 + 10.750 (OJK 0 %) = 395.352,25
        assertTrue(text.contains("€ 395.352,25"), "btw component");
        assertTrue(text.contains("€ 14.327.051,75"), "payable");
        // exclusief btw: the amount verleend is the amount of the voorschot of 100 procent
        assertTrue(text.contains("een specifieke uitkering van € 14.327.051,75 (exclusief btw)"), "granted excl. btw");
        assertTrue(text.contains("voorschot van 100 procent van het verleende bedrag, € 14.327.051,75"), "voorschot");
        assertTrue(text.contains("artikel 5, tweede lid"), "maximum article");
        assertTrue(text.contains("artikel 9, derde lid"), "diploma article");
        assertTrue(text.contains("artikel 2, vierde lid"), "dubbele financiering article");
        assertFalse(text.contains("art. "), "articles written out in running text");
        assertFalse(text.matches("(?s).*\\b[A-E]\\.[A-Za-z0-9]+\\.[A-Za-z0-9.]+.*"), "no form field keys");
        assertFalse(text.contains("MAXIMUM-OVERSCHREDEN") || text.contains("DUBBELE-FINANCIERING"), "no rule ids");
        assertFalse(text.contains("Amsterdam vraagt") || text.contains("vraagt Amsterdam"), "u-form");
        // one reason per refused amount: the maximum's reason once
        assertEquals(1, count(text, "Dat is meer dan het maximum"), "one reason per refusal");
        assertTrue(text.contains("Focusgebied Zuidoost") && text.contains("Focusgebied Nieuw-West"), "split");
        assertTrue(text.contains("Verleend bedrag per focusgebied"), "per-focusgebied summary");
        assertFalse(text.contains("volgt uit de SiSa-bijlage"), "no placeholder for the SiSa code");
        assertTrue(text.contains("KW2023/01") && text.contains("uitkeringscode KW2023"), "SiSa codes from the regeling data");
        assertTrue(text.contains("op 15 februari 2024"), "payment moment from the regeling data (deadlines.paymentMoments)");
        assertEquals(1, count(text, "Betaalschema van het voorschot"), "one payment schedule");
        assertTrue(text.contains("Opgebouwde reserve ultimo (jaar T-1)"), "SiSa indicator");
        assertTrue(text.contains("1 januari 2023 tot en met 31 december 2025"), "period");
        assertTrue(text.contains("31 december 2026"), "extension limit art. 11(3)");
        assertTrue(text.contains("binnen zes weken"), "bezwaar term");
        assertTrue(text.contains("artikel 6:7 van de Algemene wet bestuursrecht"), "bezwaar article");
        assertTrue(text.contains("namens deze,") && text.contains("N.N."), "signature block with the signatory");
        assertTrue(text.contains("Jongerenwerkgelegenheidsbevorderingsprogramma"), "long activity name printed");
        // open waarschuwingen stand only in the reviewer's marked block of the Beoordeling paragraph
        assertTrue(text.contains("Beoordeling (artikel 12)"), "assessment paragraph");
        int block = text.indexOf("[In te vullen door de behandelaar");
        int warning = text.indexOf("geen onderbouwing");
        assertTrue(block > 0 && warning > block && text.indexOf("Voorschot en betaling") > warning,
                "the open waarschuwing is listed in the marked block");
    }

    @Test
    void everyPageSaysConceptAndItsNumber() throws IOException {
        try (PDDocument doc = Loader.loadPDF(amsterdamPdf)) {
            int pages = doc.getNumberOfPages();
            assertTrue(pages >= 4, "a full beschikking takes several pages, got " + pages);
            for (int p = 1; p <= pages; p++) {
                PDFTextStripper s = new PDFTextStripper();
                s.setStartPage(p);
                s.setEndPage(p);
                String page = s.getText(doc);
                assertTrue(page.contains("CONCEPT"), "CONCEPT on page " + p);
                assertTrue(page.contains("pagina " + p + " van " + pages), "page number on page " + p);
                assertTrue(page.contains(amsterdam.besluit().kenmerk()), "kenmerk in header of page " + p);
            }
        }
    }

    @Test
    void metadataIsFixedTitledAndDutch() throws IOException {
        try (PDDocument doc = Loader.loadPDF(amsterdamPdf)) {
            assertEquals("nl-NL", doc.getDocumentCatalog().getLanguage());
            assertTrue(doc.getDocumentInformation().getTitle().startsWith("CONCEPT verleningsbeschikking"));
            Calendar created = doc.getDocumentInformation().getCreationDate();
            assertEquals(2023, created.get(Calendar.YEAR));
            assertEquals(Calendar.SEPTEMBER, created.get(Calendar.MONTH));
            assertEquals(15, created.get(Calendar.DAY_OF_MONTH));
            assertEquals(created.getTimeInMillis(),
                    doc.getDocumentInformation().getModificationDate().getTimeInMillis());
            String xmp = new String(doc.getDocumentCatalog().getMetadata().toByteArray(), "UTF-8");
            assertTrue(xmp.contains("<xmp:CreateDate>2023-09-15T00:00:00+02:00</xmp:CreateDate>"), xmp);
            assertTrue(xmp.contains("<xmp:ModifyDate>2023-09-15T00:00:00+02:00</xmp:ModifyDate>"), xmp);
            assertTrue(doc.getDocumentCatalog().getMarkInfo().isMarked(), "tagged PDF");
        }
    }

    @Test
    void sameInputSameBytesOtherInputOtherId() throws IOException {
        byte[] again = WRITER.write(amsterdam.besluit(), amsterdam.aanvraag(), amsterdam.findings(),
                Scenarios.REGELING);
        assertArrayEquals(amsterdamPdf, again);
        Scenarios.Case other = Scenarios.amsterdam("Een andere naam", "Inzet onderwijsassistenten");
        byte[] otherPdf = WRITER.write(other.besluit(), other.aanvraag(), other.findings(), Scenarios.REGELING);
        assertFalse(Arrays.equals(id(amsterdamPdf), id(otherPdf)), "document ID follows the content");
    }

    @Test
    void rotterdamFullGrantHasNoRefusalSection() throws Exception {
        Scenarios.Case c = Scenarios.rotterdam();
        byte[] pdf = write(c, "rotterdam");
        assertEquals(List.of(), VeraPdf.failures(pdf, PDFAFlavour.PDFA_2_A));
        assertEquals(List.of(), VeraPdf.failures(pdf, PDFAFlavour.PDFUA_1));
        String text = normalise(text(pdf));
        // 1.500.000 + 10.109.280 + 850.000 + 255.000 + 4.006.565 + 43.566.266 + 8.608.093 = 68.895.204
        // 68.895.204 − btw 836.042,25 = 68.059.161,75 verleend exclusief btw
        assertTrue(text.contains("een specifieke uitkering van € 68.059.161,75 (exclusief btw)"), "granted total");
        assertFalse(text.contains("Afwijzing van een deel"), "nothing refused");
        assertFalse(text.contains("Verleend bedrag per focusgebied"), "Rotterdam is not split");
        // the one payment schedule adds up to what is verleend: 68.895.204 − 836.042,25
        assertEquals(1, count(text, "Betaalschema van het voorschot"), "one payment schedule");
        assertTrue(text.contains("€ 68.059.161,75"), "schedule total");
        // btw 5 % of 1.500.000 + 10.109.280 + 850.000 + 255.000 + 4.006.565 = 16.720.845 → 836.042,25; SEO/OJK 0 %
        assertTrue(text.contains("€ 836.042,25"), "btw component");
    }

    @Test
    void wijzigingNamesTheVerleningsbeschikkingAndRefusesSeo() throws Exception {
        Scenarios.Case c = Scenarios.utrechtWijziging();
        byte[] pdf = write(c, "utrecht-wijziging");
        assertEquals(List.of(), VeraPdf.failures(pdf, PDFAFlavour.PDFUA_1));
        String text = normalise(text(pdf));
        assertTrue(text.contains("Wijziging verlening specifieke uitkering Regeling kansrijke wijk"), "onderwerp");
        assertTrue(text.contains("KW-GM0344-7C1D2E3F40"), "kenmerk of the verleningsbeschikking");
        assertFalse(text.contains("uiterlijk 23 januari 2025"), "the decision deadline belongs in the workpapers");
        assertTrue(text.contains("artikel 8, derde lid"), "SEO refusal article");
        assertTrue(text.contains("Het hele onderdeel"), "SEO refused as a whole");
        assertTrue(text.contains("€ 300.000"), "SEO amount");
        // previously granted per the form: 1.500.000 + 848.324 + 850.000 + 255.000 + 731.226 + 2.970.944 + 0
        assertTrue(text.contains("Eerder verleend") && text.contains("€ 7.155.494"), "previous grant shown");
    }

    @Test
    void wholeRefusalIsAnAfwijzingsbeschikking() throws Exception {
        Scenarios.Case c = Scenarios.bredaTooLate();
        byte[] pdf = write(c, "breda-afwijzing");
        assertEquals(List.of(), VeraPdf.failures(pdf, PDFAFlavour.PDFA_2_A));
        assertEquals(List.of(), VeraPdf.failures(pdf, PDFAFlavour.PDFUA_1));
        String text = normalise(text(pdf));
        assertTrue(text.contains("Afwijzing aanvraag specifieke uitkering Regeling kansrijke wijk"), "onderwerp");
        assertTrue(text.contains("Ik wijs uw aanvraag af."), "decision");
        assertEquals(1, count(text, "dus buiten die periode"), "the reason, once");
        assertTrue(text.contains("artikel 10, eerste lid"), "article");
        assertFalse(text.contains("art. "), "articles written out");
        // 1.500.000 + 4.417.491
        assertTrue(text.contains("€ 5.917.491"), "amount not granted");
        assertFalse(text.contains("uiterlijk 26 december 2023"), "no decision deadline in the letter");
        assertTrue(text.contains("binnen zes weken"), "bezwaar clause");
        assertFalse(text.contains("Voorschot"), "no payments in a refusal");
        assertFalse(text.contains("Verantwoordingsindicatoren"), "no SiSa in a refusal");
    }

    @Test
    void nothingLeftToGrantPrintsNoPaymentsOrObligations() throws Exception {
        Scenarios.Case c = Scenarios.arnhemOnlySeo();
        byte[] pdf = write(c, "arnhem-niets-verleend");
        assertEquals(List.of(), VeraPdf.failures(pdf, PDFAFlavour.PDFUA_1));
        String text = normalise(text(pdf));
        assertTrue(text.contains("Ik wijs uw aanvraag voor alle onderdelen af (zie paragraaf 3)"), "decision");
        assertTrue(text.contains("3. Afwijzing van uw aanvraag per onderdeel"), "the paragraph referred to exists");
        assertTrue(text.contains("Afwijzing aanvraag specifieke uitkering"), "the onderwerp says what it is");
        assertFalse(text.contains("Ik verleen"), "nothing is granted, so nothing is said to be");
        assertTrue(text.contains("€ 300.000") && text.contains("artikel 8, derde lid"), "refusal with article");
        assertFalse(text.contains("Voorschot en betaling"), "no payments");
        assertFalse(text.contains("Verplichtingen"), "no obligations");
        assertTrue(text.contains("binnen zes weken"), "bezwaar clause");
    }

    @Test
    void uploadedTextIsEscapedNotInterpreted() throws Exception {
        String hostile = "<script>alert('x')</script> & ]]> <!-- =HYPERLINK(\"http://evil\") \u0000\u0007\uD800 "
                + "onderwijs" + "assistentie".repeat(30) + " 中文";
        Scenarios.Case c = Scenarios.amsterdam(hostile, "<b>vet</b> &amp; <img src=\"file:///etc/passwd\"/>");
        String xhtml = WRITER.xhtml(c.besluit(), c.aanvraag(), c.findings(), Scenarios.REGELING);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document dom = f.newDocumentBuilder().parse(new InputSource(new java.io.StringReader(xhtml)));
        assertEquals(0, dom.getElementsByTagName("script").getLength(), "no script element");
        assertEquals(0, dom.getElementsByTagName("img").getLength(), "no img element");
        assertEquals(0, dom.getElementsByTagName("b").getLength(), "no b element");
        assertTrue(dom.getDocumentElement().getTextContent().contains("<script>alert('x')</script>"));

        byte[] pdf = write(c, "hostile");
        assertEquals(List.of(), VeraPdf.failures(pdf, PDFAFlavour.PDFA_2_A));
        String text = normalise(text(pdf));
        assertTrue(text.contains("<script>alert('x')</script>"), "shown literally");
        assertTrue(text.contains("<b>vet</b> &amp; <img"), "shown literally");
    }

    @Test
    void longTablesBreakBetweenRowsAndRepeatTheirHeader() throws Exception {
        Scenarios.Case r = Scenarios.rotterdam();
        List<nl.kansrijkewijk.aanvraag.Activity> many = new ArrayList<>();
        for (int i = 1; i <= 45; i++) {
            many.add(Scenarios.activity(i, "OJK", "Zuid", "Voorschoolse activiteit nummer " + i
                    + " met ouderbetrokkenheid en een lange omschrijving die over twee regels loopt",
                    Scenarios.years(10_000, 20_000, 20_000)));
        }
        nl.kansrijkewijk.aanvraag.Aanvraag a = r.aanvraag();
        nl.kansrijkewijk.aanvraag.Aanvraag longer = new nl.kansrijkewijk.aanvraag.Aanvraag(a.formVersion(),
                a.gemeente(), a.gemeentecode(), a.focusgebieden(), a.kind(), a.verleningKenmerk(),
                a.submissionDate(), a.signatory(), a.contact(), a.budget(), many, a.schoolEnOmgeving(),
                a.declarations(), a.source());
        byte[] pdf = WRITER.write(r.besluit(), longer, r.findings(), Scenarios.REGELING);
        assertEquals(List.of(), VeraPdf.failures(pdf, PDFAFlavour.PDFUA_1));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            int pagesWithRows = 0;
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                PDFTextStripper s = new PDFTextStripper();
                s.setStartPage(p);
                s.setEndPage(p);
                String page = s.getText(doc);
                if (page.contains("Voorschoolse activiteit nummer")) {
                    pagesWithRows++;
                    assertTrue(page.contains("Begroting"), "header repeated on page " + p);
                }
            }
            assertTrue(pagesWithRows >= 2, "the activities table spans pages: " + pagesWithRows);
        }
    }

    @Test
    void theFontsCarryNoLigaturesIntoTheTextLayer() throws IOException {
        // PDFBox applies GSUB ligatures (fi → U+FB01) when writing; the embedded fonts must offer none
        byte[] font = AccessiblePdf.withoutGlyphSubstitution(
                BeschikkingPdfWriterTest.class.getResourceAsStream("/fonts/DejaVuSans.ttf").readAllBytes());
        try (org.apache.fontbox.ttf.TrueTypeFont ttf = new org.apache.fontbox.ttf.TTFParser()
                .parse(new org.apache.pdfbox.io.RandomAccessReadBuffer(font))) {
            assertEquals(org.apache.fontbox.ttf.model.GsubData.NO_DATA_FOUND, ttf.getGsubData());
        }
        // and the unchanged font does have them: the renaming is what makes the difference
        try (org.apache.fontbox.ttf.TrueTypeFont ttf = new org.apache.fontbox.ttf.TTFParser().parse(
                new org.apache.pdfbox.io.RandomAccessReadBuffer(BeschikkingPdfWriterTest.class
                        .getResourceAsStream("/fonts/DejaVuSans.ttf").readAllBytes()))) {
            assertFalse(ttf.getGsubData() == org.apache.fontbox.ttf.model.GsubData.NO_DATA_FOUND);
        }
    }

    @Test
    void headingsAreBookmarks() throws IOException {
        try (PDDocument doc = Loader.loadPDF(amsterdamPdf)) {
            var outline = doc.getDocumentCatalog().getDocumentOutline();
            List<String> titles = new ArrayList<>();
            outline.children().forEach(i -> titles.add(i.getTitle()));
            assertTrue(titles.contains("1. Besluit"), titles.toString());
            assertTrue(titles.stream().anyMatch(t -> t.startsWith("4. Beoordeling")), titles.toString());
            assertTrue(titles.stream().anyMatch(t -> t.startsWith("Bijlage")), titles.toString());
        }
    }

    static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    /** Line breaks from wrapping become spaces, so sentences can be matched whole. */
    static String normalise(String text) {
        List<String> lines = new ArrayList<>();
        for (String l : text.split("\\R")) {
            lines.add(l.strip());
        }
        return String.join(" ", lines).replace('\u00a0', ' ').replaceAll(" {2,}", " ");
    }

    private static byte[] id(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            COSArray ids = doc.getDocument().getTrailer().getCOSArray(COSName.ID);
            return ((org.apache.pdfbox.cos.COSString) ids.getObject(0)).getBytes();
        }
    }
}
