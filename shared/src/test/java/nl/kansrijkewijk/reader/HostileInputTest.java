package nl.kansrijkewijk.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import nl.kansrijkewijk.form.BlankFormPdf;
import nl.kansrijkewijk.form.BlankFormXlsx;
import nl.kansrijkewijk.form.FormFiller;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDTextField;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

/** Uploads that are not a readable aanvraagformulier: a clear Dutch message, never another exception. */
class HostileInputTest {

    private static UnreadableDocumentException unreadable(String name, byte[] content) {
        return assertThrows(UnreadableDocumentException.class, () -> AanvraagReader.read(name, content));
    }

    private static void assertMessage(UnreadableDocumentException e, String fragment) {
        assertTrue(e.userMessage().contains(fragment), e.userMessage());
        assertFalse(e.userMessage().contains("Exception"), e.userMessage());
        assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
    }

    @Test
    void emptyAndMissing() {
        assertMessage(unreadable("leeg.pdf", new byte[0]), "leeg");
        assertMessage(unreadable("niets.pdf", null), "leeg");
    }

    @Test
    void theBlankFormInEveryShapeIsAnsweredAsEmptyNotAsARefusal() throws Exception {
        assertMessage(unreadable("leeg-formulier.pdf", BlankFormPdf.generate()), "Het formulier is leeg");
        assertMessage(unreadable("leeg-formulier.xlsx", BlankFormXlsx.generate()), "Het formulier is leeg");
        assertMessage(unreadable("leeg-afgedrukt.pdf", FormFiller.flatten(BlankFormPdf.generate())), "Het formulier is leeg");
    }

    @Test
    void randomBytes() {
        byte[] noise = new byte[4096];
        new Random(42).nextBytes(noise);
        noise[0] = 'x';
        assertMessage(unreadable("aanvraag.pdf", noise), "geen PDF- of Excel-bestand (xlsx)");
        assertMessage(unreadable("aanvraag.txt", "Gemeente: Amsterdam\n".getBytes(StandardCharsets.UTF_8)),
                "geen PDF- of Excel-bestand (xlsx)");
    }

    @Test
    void tooLarge() {
        byte[] big = new byte[AanvraagReader.MAX_BYTES + 1];
        System.arraycopy("%PDF-1.7".getBytes(StandardCharsets.US_ASCII), 0, big, 0, 8);
        assertMessage(unreadable("groot.pdf", big), "groter dan 20 MB");
    }

    @Test
    void legacyXls() throws IOException {
        try (HSSFWorkbook wb = new HSSFWorkbook()) {
            wb.createSheet("Blad1").createRow(0).createCell(0).setCellValue("A.gemeente");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            assertMessage(unreadable("aanvraag.xls", out.toByteArray()), "oud Excel-bestand (xls)");
        }
    }

    @Test
    void wordDocument() throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.createParagraph().createRun().setText("Aanvraagformulier Regeling kansrijke wijk");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.write(out);
            assertMessage(unreadable("aanvraag.docx", out.toByteArray()), "Word-document");
        }
    }

    @Test
    void passwordProtectedPdf() throws IOException {
        byte[] filled = FormFiller.fillPdf(Map.of("A.gemeente", "Utrecht"));
        try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(filled)) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("eigenaar", "geheim", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            assertMessage(unreadable("beveiligd.pdf", out.toByteArray()), "wachtwoord");
        }
    }

    @Test
    void ownerPasswordOnlyPdfIsRead() throws Exception {
        byte[] filled = FormFiller.fillPdf(Map.of("A.gemeente", "Utrecht"));
        try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(filled)) {
            doc.protect(new StandardProtectionPolicy("eigenaar", "", new AccessPermission()));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            assertEquals("Utrecht", AanvraagReader.read("rechten.pdf", out.toByteArray()).aanvraag().gemeente());
        }
    }

    @Test
    void passwordProtectedXlsx() throws Exception {
        byte[] filled = FormFiller.fillXlsx(Map.of("A.gemeente", "Utrecht"));
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor enc = info.getEncryptor();
            enc.confirmPassword("geheim");
            try (OutputStream os = enc.getDataStream(fs)) {
                os.write(filled);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            fs.writeFilesystem(out);
            assertMessage(unreadable("beveiligd.xlsx", out.toByteArray()), "wachtwoord");
        }
    }

    @Test
    void unrelatedPdf() throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                cs.newLineAtOffset(72, 700);
                cs.showText("Factuur 2023-118: levering kantoorartikelen");
                cs.endText();
            }
            assertMessage(unreadable("factuur.pdf", save(doc)), "Dit is niet het aanvraagformulier Regeling kansrijke wijk");
        }
    }

    @Test
    void aPdfFullOfOtherTextIsNotTheForm() throws IOException {
        // A manual's pages put text inside the form's boxes; it used to be read as an aanvraag (gemeente = a heading).
        try (PDDocument doc = new PDDocument()) {
            for (int p = 0; p < 3; p++) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.beginText();
                    cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 10);
                    cs.setLeading(12);
                    cs.newLineAtOffset(40, 800);
                    for (int line = 0; line < 64; line++) {
                        cs.showText("Abstract Syntax Notation One library, section " + line + ", page " + (p + 1)
                                + " of the manual for version 4.19.0");
                        cs.newLine();
                    }
                    cs.endText();
                }
            }
            UnreadableDocumentException e = unreadable("handleiding.pdf", save(doc));
            assertMessage(e, "Dit is niet het aanvraagformulier Regeling kansrijke wijk");
        }
    }

    @Test
    void scannedPdfWithoutText() throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.addRect(72, 72, 300, 300);
                cs.fill();
            }
            UnreadableDocumentException e = unreadable("scan.pdf", save(doc));
            assertMessage(e, "Dit is niet het aanvraagformulier");
            assertMessage(e, "scan");
        }
    }

    @Test
    void someoneElsesFillablePdf() throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            PDAcroForm form = new PDAcroForm(doc);
            doc.getDocumentCatalog().setAcroForm(form);
            form.setDefaultAppearance("/Helv 0 Tf 0 g");
            PDTextField name = new PDTextField(form);
            name.setPartialName("naam");
            PDAnnotationWidget w = name.getWidgets().get(0);
            w.setRectangle(new org.apache.pdfbox.pdmodel.common.PDRectangle(50, 700, 200, 20));
            w.setPage(page);
            page.getAnnotations().add(w);
            form.setFields(java.util.List.of(name));
            name.getCOSObject().setString(org.apache.pdfbox.cos.COSName.V, "Jansen");
            assertMessage(unreadable("ander-formulier.pdf", save(doc)), "Dit is niet het aanvraagformulier");
        }
    }

    @Test
    void unrelatedWorkbook() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            wb.createSheet("Begroting 2024").createRow(0).createCell(0).setCellValue("Kostenpost");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            assertMessage(unreadable("begroting.xlsx", out.toByteArray()), "Dit is niet het aanvraagformulier");
        }
    }

    @Test
    void otherArchives() throws IOException {
        assertMessage(unreadable("bijlagen.zip", zip(Map.of("brief.txt", "hallo"))), "zip-archief");
        assertMessage(unreadable("aanvraag.ods", zip(Map.of("mimetype", "application/vnd.oasis.opendocument.spreadsheet",
                "content.xml", "<x/>"))), "OpenDocument");
        assertMessage(unreadable("kapot.xlsx", "PK\u0003\u0004 niet echt een zip".getBytes(StandardCharsets.ISO_8859_1)),
                "beschadigd");
    }

    @Test
    void damagedPdfAndWorkbook() throws IOException {
        byte[] noise = new byte[20_000];
        new Random(7).nextBytes(noise);
        byte[] pdf = concat(concat("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), noise),
                "\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        UnreadableDocumentException damaged = unreadable("kapot.pdf", pdf);
        assertMessage(damaged, "beschadigd");
        assertEquals(UnreadableDocumentException.Reason.BESCHADIGD, damaged.reason());
        byte[] xlsx = FormFiller.fillXlsx(Map.of("A.gemeente", "Utrecht"));
        UnreadableDocumentException half = unreadable("half.xlsx", Arrays.copyOf(xlsx, xlsx.length / 2));
        assertMessage(half, "niet compleet");
        assertEquals(UnreadableDocumentException.Reason.AFGEBROKEN, half.reason());
    }

    /** Cut off at 95 %: PDFBox would repair it silently and find no values; the answer is "niet compleet". */
    @Test
    void truncatedFilledPdf() {
        byte[] pdf = FormFiller.fillPdf(Map.of("A.gemeente", "Utrecht", "C.1.naam", "Buurtcoach"));
        UnreadableDocumentException e = unreadable("afgebroken.pdf", Arrays.copyOf(pdf, pdf.length * 95 / 100));
        assertMessage(e, "niet compleet");
        assertEquals(UnreadableDocumentException.Reason.AFGEBROKEN, e.reason());
    }

    @Test
    void zipBomb() throws IOException {
        byte[] xlsx = FormFiller.fillXlsx(Map.of("A.gemeente", "Utrecht"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx));
                ZipOutputStream z = new ZipOutputStream(out)) {
            z.setLevel(9);
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                z.putNextEntry(new ZipEntry(e.getName()));
                byte[] data = in.readAllBytes();
                if (e.getName().equals("xl/worksheets/sheet2.xml")) {
                    String xml = new String(data, StandardCharsets.UTF_8);
                    int cut = xml.indexOf("<sheetData");
                    z.write(xml.substring(0, cut).getBytes(StandardCharsets.UTF_8));
                    byte[] spaces = new byte[1 << 20];
                    Arrays.fill(spaces, (byte) ' ');
                    for (int i = 0; i < 60; i++) {
                        z.write(spaces);
                    }
                    z.write(xml.substring(cut).getBytes(StandardCharsets.UTF_8));
                } else {
                    z.write(data);
                }
                z.closeEntry();
            }
        }
        assertTrue(out.size() < 1_000_000, "the bomb is small on disk");
        UnreadableDocumentException e = unreadable("bom.xlsx", out.toByteArray());
        assertEquals(UnreadableDocumentException.Reason.TE_GROOT, e.reason(), e.getMessage());
        assertMessage(e, "uitgepakt veel te groot");
    }

    @Test
    void deeplyNestedPdfObjects() {
        String nested = "[".repeat(100_000) + "]".repeat(100_000);
        byte[] pdf = ("%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R /X " + nested + " >>\nendobj\n"
                + "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
        unreadable("diep.pdf", pdf);
    }

    /** Seeded mutations of real forms: whatever comes out, it is a ReadResult or an UnreadableDocumentException. */
    @Test
    void mutatedFormsNeverThrowAnythingElse() {
        Map<String, String> values = Map.of("A.gemeente", "Utrecht", "C.1.naam", "Buurtcoach", "B.ARM.fg1.2024", "1.000");
        byte[] pdf = FormFiller.fillPdf(values);
        byte[][] samples = {pdf, FormFiller.flatten(pdf), FormFiller.fillXlsx(values)};
        Random random = new Random(2023);
        for (byte[] sample : samples) {
            for (int i = 0; i < 15; i++) {
                byte[] m = mutate(sample, random);
                try {
                    AanvraagReader.read("mutant", m);
                } catch (UnreadableDocumentException e) {
                    assertFalse(e.userMessage().isBlank());
                }
            }
        }
    }

    private static byte[] mutate(byte[] in, Random r) {
        byte[] b = in.clone();
        switch (r.nextInt(3)) {
            case 0 -> {
                for (int i = 0; i < 1 + r.nextInt(20); i++) {
                    b[r.nextInt(b.length)] = (byte) r.nextInt(256);
                }
            }
            case 1 -> b = Arrays.copyOf(b, 16 + r.nextInt(b.length - 16));
            default -> {
                int from = r.nextInt(b.length);
                int len = Math.min(b.length - from, 1 + r.nextInt(4096));
                Arrays.fill(b, from, from + len, (byte) r.nextInt(256));
            }
        }
        return b;
    }

    private static byte[] save(PDDocument doc) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.save(out);
        return out.toByteArray();
    }

    private static byte[] zip(Map<String, String> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> e : new java.util.TreeMap<>(entries).entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
