package nl.kansrijkewijk.hostile;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import nl.kansrijkewijk.form.FormFiller;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;

/**
 * The hostile corpus: every kind of upload that once went wrong, generated deterministically. Small kinds are
 * committed in test-fixtures/hostile/; the large ones (MBs on disk, GBs inflated) are generated into
 * test-fixtures/hostile/generated/ (git-ignored) by scripts/generate-hostile.sh or by the test itself.
 * test-fixtures/hostile/expected.tsv holds the expected answer per file.
 */
public final class HostileCorpus {
    private HostileCorpus() {}

    /** Small kinds (committed), by file name. */
    public static Map<String, Supplier<byte[]>> small() {
        Map<String, Supplier<byte[]>> k = new LinkedHashMap<>();
        k.put("afgebroken-95-procent.pdf", () -> {
            byte[] pdf = FormFiller.fillPdf(HostileFiles.values());
            return Arrays.copyOf(pdf, pdf.length * 95 / 100);
        });
        k.put("afgebroken-helft.xlsx", () -> {
            byte[] x = FormFiller.fillXlsx(HostileFiles.values());
            return Arrays.copyOf(x, x.length / 2);
        });
        k.put("streaming-writer-zip64.xlsx", HostileFiles::xlsxStreamed);
        k.put("richting-omgekeerd.xlsx", () -> withValue("A.ondertekenaar.naam", "J. de \u202Eseirv\u202C"));
        // A text field: Excel cannot hold 400 digits as a number (it becomes #DIV/0!-like junk), a PDF field can.
        k.put("bedrag-400-cijfers.pdf", () -> {
            Map<String, String> v = new HashMap<>(HostileFiles.values());
            v.put("B.ARM.fg1.2024", "1".repeat(400));
            return FormFiller.fillPdf(v);
        });
        k.put("bijlage-en-javascript.pdf", HostileCorpus::pdfWithAttachment);
        k.put("wachtwoord.pdf", HostileCorpus::passwordPdf);
        k.put("oud-excel.xls", HostileCorpus::xls);
        k.put("rekenblad.ods", () -> zip(Map.of("mimetype", "application/vnd.oasis.opendocument.spreadsheet",
                "content.xml", "<office:document-content/>")));
        k.put("macro.xlsm", HostileCorpus::xlsm);
        k.put("zip-bom.xlsx", HostileCorpus::zipBomb);
        k.put("leeg.pdf", () -> new byte[0]);
        k.put("ander-document.pdf", HostileCorpus::otherPdf);
        k.put("activiteiten-2000.xlsx", () -> HostileFiles.xlsxWithActivityRows(2000));
        // an amount cell summing 16 384 columns × 4 999 rows of another sheet (82 million cell visits)
        k.put("formule-heel-blad.xlsx", () -> HostileXlsx.withWholeSheetSum(FormFiller.fillXlsx(HostileFiles.values()),
                wb -> HostileXlsx.keyCell(wb, "B.ARM.fg1.2024")));
        // an external entity (a local file) and a billion-laughs chain in the shared strings
        k.put("xml-entiteiten.xlsx", () -> HostileXlsx.withEntities(FormFiller.fillXlsx(HostileFiles.values()),
                "xl/sharedStrings.xml", "file:///etc/passwd"));
        return k;
    }

    /** Large kinds (generated, not committed), by file name. */
    public static Map<String, Supplier<byte[]>> large() {
        Map<String, Supplier<byte[]>> k = new LinkedHashMap<>();
        // 4 GB of page content from a ~4 MB upload (took 35 s to read before the bound)
        k.put("pdf-inflate-4gb.pdf", () -> HostileFiles.pdfInflateBomb(4L << 30));
        // ~120 MB hidden sheet in a ~13 MB workbook (took 2.1 GB of memory before it was skipped)
        k.put("verborgen-blad-120mb.xlsx", () -> HostileFiles.xlsxWithBigHiddenSheet(165_000));
        // the catalog in an object stream, and the xref stream itself, inflating to 4 GB from ~4 MB: PDFBox decodes
        // both while loading (out of memory at -Xmx870m after 16–21 s before the decode budget)
        k.put("pdf-objectstroom-4gb.pdf", () -> HostilePdfs.objectStreamBomb(4096));
        k.put("pdf-xrefstroom-4gb.pdf", () -> HostilePdfs.xrefStreamBomb(4096));
        // 500 000 cell formats (40 MB of styles.xml from 1 MB) and 720 000 shared strings (17 MB from 3.7 MB)
        k.put("stijlen-40mb.xlsx", () -> HostileXlsx.withStyles(FormFiller.fillXlsx(HostileFiles.values()), 500_000));
        k.put("gedeelde-teksten-17mb.xlsx", () -> HostileXlsx.withSharedStrings(
                FormFiller.fillXlsx(HostileFiles.values()), 720_000, "720000"));
        return k;
    }

    /** Seed corpora of ReaderFuzzTest, by method: a fixture of the shape plus the small hostile kinds. */
    public static Map<String, Map<String, Supplier<byte[]>>> fuzzSeeds() {
        Map<String, Supplier<byte[]>> all = small();
        Map<String, Map<String, Supplier<byte[]>>> seeds = new LinkedHashMap<>();
        Map<String, Supplier<byte[]>> pdf = new LinkedHashMap<>();
        pdf.put("ingevuld.pdf", () -> FormFiller.fillPdf(HostileFiles.values()));
        // Kept small so the regression replay stays fast; the hostile corpus test covers the other PDF kinds.
        for (String n : java.util.List.of("afgebroken-95-procent.pdf", "leeg.pdf", "ander-document.pdf")) {
            pdf.put(n, all.get(n));
        }
        pdf.put("inflate-80mb.pdf", () -> HostileFiles.pdfInflateBomb(80L << 20));
        pdf.put("diep-genest.pdf", () -> ("%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R /X " + "[".repeat(20_000)
                + "]".repeat(20_000) + " >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n"
                + "<< /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII));
        // structure PDFBox meets while loading (PdfLoadBoundsTest): bombs in object and xref streams, loops, nesting
        pdf.put("objectstroom-80mb.pdf", () -> HostilePdfs.objectStreamBomb(80));
        pdf.put("xrefstroom-80mb.pdf", () -> HostilePdfs.xrefStreamBomb(80));
        pdf.put("length-lus.pdf", HostilePdfs::lengthLoop);
        pdf.put("prev-lus.pdf", HostilePdfs::prevLoop);
        pdf.put("paginaboom-lus.pdf", HostilePdfs::pageTreeLoop);
        pdf.put("diep-genest-objstm.pdf", () -> HostilePdfs.deepNestingInObjectStream(20_000));
        seeds.put("pdfFormReader", pdf);
        Map<String, Supplier<byte[]>> flat = new LinkedHashMap<>();
        flat.put("afgedrukt.pdf", () -> FormFiller.flatten(FormFiller.fillPdf(HostileFiles.values())));
        flat.put("afgedrukt-afgebroken.pdf", () -> {
            byte[] p = FormFiller.flatten(FormFiller.fillPdf(HostileFiles.values()));
            return Arrays.copyOf(p, p.length * 9 / 10);
        });
        flat.put("ander-document.pdf", all.get("ander-document.pdf"));
        seeds.put("flattenedPdfReader", flat);
        Map<String, Supplier<byte[]>> xlsx = new LinkedHashMap<>();
        xlsx.put("ingevuld.xlsx", () -> FormFiller.fillXlsx(HostileFiles.values()));
        for (String n : java.util.List.of("afgebroken-helft.xlsx", "streaming-writer-zip64.xlsx",
                "richting-omgekeerd.xlsx", "oud-excel.xls", "rekenblad.ods", "macro.xlsm",
                "zip-bom.xlsx", "formule-heel-blad.xlsx", "xml-entiteiten.xlsx")) {
            xlsx.put(n, all.get(n));
        }
        seeds.put("xlsxReader", xlsx);
        return seeds;
    }

    /** Writes the small kinds to {@code dir} and the large ones to {@code dir/generated}. */
    public static void main(String[] args) throws IOException {
        if (args.length == 2 && "--fuzz-seeds".equals(args[0])) {
            for (var method : fuzzSeeds().entrySet()) {
                Path d = Path.of(args[1], method.getKey());
                Files.createDirectories(d);
                for (var e : method.getValue().entrySet()) {
                    Files.write(d.resolve(e.getKey()), e.getValue().get());
                }
            }
            return;
        }
        Path dir = Path.of(args.length > 0 ? args[0] : "test-fixtures/hostile");
        boolean withLarge = args.length < 2 || !"--small".equals(args[1]);
        boolean largeOnly = args.length >= 2 && "--large-if-missing".equals(args[1]);
        Files.createDirectories(dir.resolve("generated"));
        for (var e : largeOnly ? Map.<String, Supplier<byte[]>>of().entrySet() : small().entrySet()) {
            Files.write(dir.resolve(e.getKey()), e.getValue().get());
        }
        if (withLarge) {
            for (var e : large().entrySet()) {
                Path p = dir.resolve("generated").resolve(e.getKey());
                if (!Files.exists(p)) {
                    Files.write(p, e.getValue().get());
                }
            }
        }
    }

    static byte[] withValue(String key, String value) {
        Map<String, String> v = new HashMap<>(HostileFiles.values());
        v.put(key, value);
        return FormFiller.fillXlsx(v);
    }

    static byte[] pdfWithAttachment() {
        try (PDDocument doc = Loader.loadPDF(FormFiller.fillPdf(HostileFiles.values()))) {
            PDEmbeddedFile file = new PDEmbeddedFile(doc, new ByteArrayInputStream(
                    "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"
                            .getBytes(StandardCharsets.US_ASCII)));
            PDComplexFileSpecification spec = new PDComplexFileSpecification();
            spec.setFile("eicar.com");
            spec.setEmbeddedFile(file);
            PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
            tree.setNames(Map.of("eicar.com", spec));
            PDDocumentNameDictionary names = new PDDocumentNameDictionary(doc.getDocumentCatalog());
            names.setEmbeddedFiles(tree);
            doc.getDocumentCatalog().setNames(names);
            doc.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert('hallo')"));
            return save(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The filled form with 20 000 other fields listed before the form's own. */
    public static byte[] crowdedPdf() {
        try (PDDocument doc = Loader.loadPDF(FormFiller.fillPdf(HostileFiles.values()))) {
            var form = doc.getDocumentCatalog().getAcroForm(null);
            COSArray others = new COSArray();
            for (int i = 0; i < 20_000; i++) {
                COSDictionary f = new COSDictionary();
                f.setName(COSName.FT, "Tx");
                f.setString(COSName.T, "ander" + i);
                others.add(f);
            }
            others.addAll(form.getCOSObject().getCOSArray(COSName.FIELDS));
            form.getCOSObject().setItem(COSName.FIELDS, others);
            return save(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] passwordPdf() {
        try (PDDocument doc = Loader.loadPDF(FormFiller.fillPdf(HostileFiles.values()))) {
            StandardProtectionPolicy p = new StandardProtectionPolicy("eigenaar", "geheim", new AccessPermission());
            p.setEncryptionKeyLength(128);
            doc.protect(p);
            return save(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] otherPdf() {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                cs.newLineAtOffset(72, 700);
                cs.showText("Factuur 2023-118: schilderwerk gemeentehuis");
                cs.endText();
            }
            doc.getDocumentInformation().setCreationDate(null);
            COSArray id = new COSArray();
            id.add(new org.apache.pdfbox.cos.COSString("kw-hostile-ander-document"));
            id.add(new org.apache.pdfbox.cos.COSString("kw-hostile-ander-document"));
            doc.getDocument().getTrailer().setItem(COSName.ID, id);
            return save(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] xls() {
        try (HSSFWorkbook wb = new HSSFWorkbook()) {
            wb.createSheet("A Aanvrager").createRow(0).createCell(0).setCellValue("A.gemeente");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The filled form re-zipped with a macro project added: what Excel writes as .xlsm. */
    static byte[] xlsm() {
        return rezip(FormFiller.fillXlsx(HostileFiles.values()), "xl/vbaProject.bin", "macro".getBytes(StandardCharsets.US_ASCII), null);
    }

    /** The filled form whose activity sheet gets 60 MB of spaces (~60 kB compressed). */
    static byte[] zipBomb() {
        return rezip(FormFiller.fillXlsx(HostileFiles.values()), null, null, "xl/worksheets/sheet4.xml");
    }

    private static byte[] rezip(byte[] xlsx, String addName, byte[] addData, String inflate) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx));
                ZipOutputStream z = new ZipOutputStream(out)) {
            z.setLevel(9);
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                ZipEntry copy = new ZipEntry(e.getName());
                copy.setTime(0);
                z.putNextEntry(copy);
                byte[] data = in.readAllBytes();
                if (e.getName().equals(inflate)) {
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
            if (addName != null) {
                ZipEntry added = new ZipEntry(addName);
                added.setTime(0);
                z.putNextEntry(added);
                z.write(addData);
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] zip(Map<String, String> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (var e : new java.util.TreeMap<>(entries).entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                entry.setTime(0);
                z.putNextEntry(entry);
                z.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] save(PDDocument doc) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.save(out);
        return out.toByteArray();
    }
}
