package nl.kansrijkewijk.reader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HexFormat;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import nl.kansrijkewijk.form.FormFields;
import nl.kansrijkewijk.hash.Sha256;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads an uploaded aanvraagformulier in any of its shapes. The shape is recognised by content, never by file
 * name: a PDF whose AcroForm holds values of the form's fields is read field by field; a PDF without them (the
 * form printed to PDF) is read from the page text in the fields' boxes; an XLSX workbook by its key cells. One
 * mapper interprets the raw text for all shapes.
 *
 * <p>Uploads are hostile until proven otherwise: anything that is not a readable aanvraagformulier ends in an
 * {@link UnreadableDocumentException} with a Dutch message for the user; no other exception leaves
 * {@link #read}.
 */
public final class AanvraagReader {
    private static final Logger LOG = LoggerFactory.getLogger(AanvraagReader.class);

    /** Uploads above this size are refused unread. */
    public static final int MAX_BYTES = 20 * 1024 * 1024;

    private static final String NOT_THE_FORM = "Dit is niet het aanvraagformulier Regeling kansrijke wijk: ";
    private static final String DAMAGED = "Het bestand is beschadigd of onvolledig en kan niet worden gelezen. "
            + "Sla het formulier opnieuw op en upload het nog eens.";

    static {
        // POI keeps these limits in statics: set once, for every workbook this JVM opens.
        ZipSecureFile.setMinInflateRatio(0.005);
        ZipSecureFile.setMaxEntrySize(200L * 1024 * 1024);
        // Max text size stays at POI's default (10 Mi chars): far above any real form, and POI warns above it.
        ZipSecureFile.setMaxFileCount(5_000);
    }

    private AanvraagReader() {}

    /**
     * Reads one uploaded document.
     *
     * @param documentName the file name as uploaded (only used in locations and messages)
     * @param content      the bytes
     * @return the aanvraag as read and the LEES-* findings
     * @throws UnreadableDocumentException when the upload is not a readable aanvraagformulier
     */
    public static ReadResult read(String documentName, byte[] content) throws UnreadableDocumentException {
        try {
            return readChecked(documentName, content);
        } catch (UnreadableDocumentException e) {
            LOG.info("unreadable upload {}: {}", documentName, e.getMessage());
            throw e;
        } catch (StackOverflowError | OutOfMemoryError e) {
            LOG.warn("upload {} exhausted resources while reading", documentName, e);
            throw new UnreadableDocumentException("Het bestand is te ingewikkeld of te groot om te lezen. Sla het "
                    + "formulier opnieuw op (zonder bijlagen) en upload het nog eens.", "resources exhausted: " + e, e);
        } catch (Exception | LinkageError | AssertionError e) {
            LOG.warn("upload {} could not be read", documentName, e);
            throw new UnreadableDocumentException(DAMAGED, "read failed: " + e, e);
        }
    }

    private static ReadResult readChecked(String name, byte[] content) throws Exception {
        if (content == null || content.length == 0) {
            throw new UnreadableDocumentException("Het bestand is leeg.", "empty upload");
        }
        if (content.length > MAX_BYTES) {
            throw new UnreadableDocumentException("Het bestand is groter dan 20 MB en wordt niet gelezen. Upload alleen "
                    + "het ingevulde formulier, zonder bijlagen.", "upload of " + content.length + " bytes");
        }
        String sha256 = Sha256.hex(content);
        if (isPdf(content)) {
            return readPdf(name, content, sha256);
        }
        if (startsWith(content, 'P', 'K', 3, 4) || startsWith(content, 'P', 'K', 5, 6)) {
            return readZip(name, content, sha256);
        }
        if (startsWith(content, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            throw ole2(content);
        }
        throw new UnreadableDocumentException("Het bestand is geen PDF- of Excel-bestand (xlsx). Upload het ingevulde "
                + "aanvraagformulier als PDF of als xlsx.", "unknown content, first bytes " + head(content));
    }

    // ------------------------------------------------------------------------------------------------ PDF

    private static ReadResult readPdf(String name, byte[] content, String sha256) throws Exception {
        PDDocument doc;
        try {
            doc = Loader.loadPDF(new RandomAccessReadBuffer(content), "");
        } catch (InvalidPasswordException e) {
            throw new UnreadableDocumentException("De PDF is beveiligd met een wachtwoord; upload een onbeveiligd "
                    + "exemplaar.", "PDF needs a user password", e);
        } catch (IOException e) {
            throw new UnreadableDocumentException("Het bestand is beschadigd of geen geldige PDF en kan niet worden "
                    + "gelezen. Sla het formulier opnieuw op en upload het nog eens.", "PDF does not parse: " + e, e);
        }
        try (doc) {
            if (doc.getNumberOfPages() == 0) {
                throw new UnreadableDocumentException(NOT_THE_FORM + "de PDF heeft geen pagina's.", "PDF without pages");
            }
            PdfFormReader.FieldCount count = PdfFormReader.count(doc);
            RawForm raw;
            if (count.known() > 0 && count.filled() > 0) {
                raw = PdfFormReader.read(doc, name);
            } else {
                if (count.known() > 0) {
                    showAppearancesAsPageText(doc);
                }
                raw = FlattenedPdfReader.read(doc, name);
                // Any text PDF puts some text inside the form's boxes; only the form's own printed text makes it
                // the form (a manual of 100 pages was read as an aanvraag and refused as a whole).
                if (!raw.titleSeen && raw.versions.isEmpty() && count.known() == 0) {
                    throw new UnreadableDocumentException(NOT_THE_FORM + "de PDF bevat geen velden en geen tekst van dit "
                            + "formulier. Een scan of foto van het formulier kan niet worden gelezen; gebruik het "
                            + "invulbare formulier (PDF of xlsx).",
                            "PDF without form fields or form text (" + doc.getNumberOfPages() + " pages)");
                }
            }
            return mapFilled(raw, name, sha256);
        }
    }

    /**
     * A form with not one field filled is answered as such, rather than with a refusal of an aanvraag of € 0 for an
     * unknown gemeente (seen with a viewer-filled form printed through a route that drops the field appearances).
     */
    private static ReadResult mapFilled(RawForm raw, String name, String sha256) throws UnreadableDocumentException {
        if (raw.values.values().stream().allMatch(RawValue::blank)) {
            throw new UnreadableDocumentException("Het formulier is leeg: er is geen enkel veld ingevuld (of de "
                    + "ingevulde waarden zijn bij het opslaan of afdrukken verloren gegaan). Vul het formulier in en "
                    + "sla het op als PDF of xlsx; druk een ingevulde PDF niet af naar een nieuwe PDF.",
                    "form without any filled value (" + raw.values.size() + " fields seen)");
        }
        return AanvraagMapper.map(raw, name, sha256);
    }

    /**
     * The form's fields are there but hold no values: a viewer may have kept what was typed only in the fields'
     * appearances. Drawing those into the pages lets the flattened reader see it; a blank form stays blank.
     */
    private static void showAppearancesAsPageText(PDDocument doc) {
        try {
            doc.getDocumentCatalog().getAcroForm(null).flatten();
        } catch (IOException | RuntimeException e) {
            LOG.info("field appearances not flattened ({}); reading the page text only", e.toString());
        }
    }

    private static boolean isPdf(byte[] c) {
        int limit = Math.min(c.length - 5, 1024);
        for (int i = 0; i <= limit; i++) {
            if (c[i] == '%' && c[i + 1] == 'P' && c[i + 2] == 'D' && c[i + 3] == 'F' && c[i + 4] == '-') {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------------------------------------ XLSX

    private static ReadResult readZip(String name, byte[] content, String sha256) throws Exception {
        String kind = zipKind(content);
        switch (kind) {
            case "xlsx" -> {
                /* read below */
            }
            case "xlsb" -> throw new UnreadableDocumentException("Het bestand is een binaire Excel-werkmap (xlsb). Sla "
                    + "het op als Excel-werkmap (xlsx) en upload het opnieuw.", "xlsb workbook");
            case "docx" -> throw new UnreadableDocumentException("Het bestand is een Word-document, geen PDF- of "
                    + "Excel-bestand (xlsx). Upload het ingevulde aanvraagformulier.", "word document");
            case "pptx" -> throw new UnreadableDocumentException("Het bestand is een PowerPoint-presentatie, geen PDF- of "
                    + "Excel-bestand (xlsx). Upload het ingevulde aanvraagformulier.", "powerpoint document");
            case "ods" -> throw new UnreadableDocumentException("Het bestand is een OpenDocument-rekenblad (ods). Sla het "
                    + "op als Excel-werkmap (xlsx) en upload het opnieuw.", "opendocument spreadsheet");
            case "broken" -> throw new UnreadableDocumentException(DAMAGED, "zip archive does not parse");
            default -> throw new UnreadableDocumentException("Het bestand is een zip-archief, geen PDF- of Excel-bestand "
                    + "(xlsx). Upload het ingevulde aanvraagformulier zelf.", "zip archive without a workbook");
        }
        XSSFWorkbook wb;
        try {
            wb = new XSSFWorkbook(new ByteArrayInputStream(content));
        } catch (IOException | RuntimeException e) {
            throw new UnreadableDocumentException(DAMAGED, "XLSX does not open: " + e, e);
        }
        try (wb) {
            RawForm raw = XlsxReader.read(wb, name);
            if (raw.values.isEmpty()) {
                String why = raw.titleSeen
                        ? "de kolom ‘Sleutel’ met de veldnamen ontbreekt, daardoor zijn de antwoorden niet te vinden. "
                                + "Gebruik het formulier zoals het is verstrekt."
                        : "de Excel-werkmap bevat geen velden van het formulier " + FormFields.FORM_VERSION + ".";
                throw new UnreadableDocumentException(NOT_THE_FORM + why, "workbook without form keys ("
                        + wb.getNumberOfSheets() + " sheets)");
            }
            return mapFilled(raw, name, sha256);
        }
    }

    /** What a zip archive holds, from its entry names only (nothing is inflated). */
    private static String zipKind(byte[] content) {
        boolean workbook = false;
        boolean contentTypes = false;
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(content))) {
            int n = 0;
            String result = null;
            for (ZipEntry e; (e = z.getNextEntry()) != null && n < 10_000; n++) {
                String entry = e.getName().toLowerCase(Locale.ROOT);
                if (entry.equals("[content_types].xml")) {
                    contentTypes = true;
                } else if (entry.equals("xl/workbook.xml")) {
                    workbook = true;
                } else if (entry.equals("xl/workbook.bin")) {
                    result = "xlsb";
                } else if (entry.startsWith("word/")) {
                    result = result == null ? "docx" : result;
                } else if (entry.startsWith("ppt/")) {
                    result = result == null ? "pptx" : result;
                } else if (entry.equals("mimetype") || entry.equals("content.xml")) {
                    result = result == null ? "ods" : result;
                }
            }
            if (workbook && contentTypes) {
                return "xlsx";
            }
            if (n == 0) {
                return "broken";
            }
            return result == null ? "zip" : result;
        } catch (IOException | RuntimeException e) {
            return workbook && contentTypes ? "xlsx" : "broken";
        }
    }

    /** An OLE2 file: a legacy .xls or .doc, or an encrypted (password-protected) xlsx. */
    private static UnreadableDocumentException ole2(byte[] content) {
        try (InputStream in = new ByteArrayInputStream(content); POIFSFileSystem fs = new POIFSFileSystem(in)) {
            DirectoryNode root = fs.getRoot();
            if (root.hasEntry("EncryptionInfo") || root.hasEntry("EncryptedPackage")) {
                return new UnreadableDocumentException("De Excel-werkmap is beveiligd met een wachtwoord; upload een "
                        + "onbeveiligd exemplaar.", "encrypted OOXML package");
            }
            if (root.hasEntry("Workbook") || root.hasEntry("Book")) {
                return new UnreadableDocumentException("Het bestand is een oud Excel-bestand (xls). Sla het op als "
                        + "Excel-werkmap (xlsx) en upload het opnieuw.", "legacy xls workbook");
            }
            if (root.hasEntry("WordDocument")) {
                return new UnreadableDocumentException("Het bestand is een Word-document, geen PDF- of Excel-bestand "
                        + "(xlsx). Upload het ingevulde aanvraagformulier.", "legacy word document");
            }
            return new UnreadableDocumentException("Het bestand is geen PDF- of Excel-bestand (xlsx). Upload het "
                    + "ingevulde aanvraagformulier als PDF of als xlsx.", "OLE2 file without a known stream");
        } catch (IOException | RuntimeException e) {
            return new UnreadableDocumentException("Het bestand is geen PDF- of Excel-bestand (xlsx), of het is "
                    + "beschadigd. Upload het ingevulde aanvraagformulier als PDF of als xlsx.", "broken OLE2 file: " + e, e);
        }
    }

    // ------------------------------------------------------------------------------------------------ bytes

    private static boolean startsWith(byte[] c, int... magic) {
        if (c.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((c[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static String head(byte[] c) {
        return HexFormat.of().formatHex(c, 0, Math.min(c.length, 16));
    }
}
