package nl.kansrijkewijk.reader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HexFormat;
import java.util.Locale;
import java.util.List;
import nl.kansrijkewijk.form.FormFields;
import nl.kansrijkewijk.form.XlsxKeyIndex;
import nl.kansrijkewijk.hash.Sha256;
import nl.kansrijkewijk.limits.Deadline;
import nl.kansrijkewijk.limits.Limits;
import nl.kansrijkewijk.reader.UnreadableDocumentException.Reason;
import nl.kansrijkewijk.xlsx.BoundedFormulaEvaluator;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
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

    /** Uploads above this size are refused unread (the standard {@link Limits#maxUploadBytes()}). */
    public static final int MAX_BYTES = (int) Limits.standard().maxUploadBytes();

    private static final String NOT_THE_FORM = "Dit is niet het aanvraagformulier Regeling kansrijke wijk: ";
    private static final String DAMAGED = "Het bestand is beschadigd en kan niet worden gelezen. "
            + "Sla het formulier opnieuw op en upload het nog eens.";
    private static final String TOO_SLOW = "Het bestand is te ingewikkeld om binnen de verwerkingstijd te lezen. Sla "
            + "het formulier opnieuw op (als PDF of xlsx, zonder bijlagen of extra werkbladen) en upload het nog eens.";

    private AanvraagReader() {}

    /** Reads one uploaded document with the standard limits and no deadline (./kw, tests). */
    public static ReadResult read(String documentName, byte[] content) throws UnreadableDocumentException {
        return read(documentName, content, Limits.standard(), Deadline.none());
    }

    /**
     * Reads one uploaded document.
     *
     * @param documentName the file name as uploaded (only used in locations and messages)
     * @param content      the bytes
     * @param limits       what may be read at most
     * @param deadline     by when reading must have given up
     * @return the aanvraag as read and the LEES-* findings
     * @throws UnreadableDocumentException when the upload is not a readable aanvraagformulier
     */
    public static ReadResult read(String documentName, byte[] content, Limits limits, Deadline deadline)
            throws UnreadableDocumentException {
        try {
            return readChecked(documentName, content, limits, deadline);
        } catch (UnreadableDocumentException e) {
            LOG.info("unreadable upload {} ({}): {}", documentName, e.reason().code(), e.getMessage());
            throw e;
        } catch (Deadline.Exceeded e) {
            LOG.warn("upload {} not read within its deadline", documentName);
            throw new UnreadableDocumentException(Reason.TE_COMPLEX, TOO_SLOW, "deadline passed while reading", e);
        } catch (BoundedFormulaEvaluator.TooComplex e) {
            LOG.warn("upload {}: {}", documentName, e.getMessage());
            throw new UnreadableDocumentException(Reason.TE_COMPLEX, "De formules in de Excel-werkmap verwijzen naar "
                    + "veel te veel cellen (bijvoorbeeld naar hele kolommen of werkbladen) om binnen de "
                    + "verwerkingstijd uit te rekenen. Vervang zulke formules door hun waarde en upload het formulier "
                    + "nog eens.", e.getMessage(), e);
        }
    }

    private static ReadResult readChecked(String name, byte[] content, Limits limits, Deadline deadline)
            throws UnreadableDocumentException {
        if (content == null || content.length == 0) {
            throw new UnreadableDocumentException(Reason.LEEG, "Het bestand is leeg.", "empty upload");
        }
        if (content.length > limits.maxUploadBytes()) {
            throw new UnreadableDocumentException(Reason.TE_GROOT, "Het bestand is groter dan "
                    + (limits.maxUploadBytes() >> 20) + " MB en wordt niet gelezen. Een aanvraagformulier is veel "
                    + "kleiner; upload alleen het ingevulde formulier, zonder bijlagen.",
                    "upload of " + content.length + " bytes");
        }
        String sha256 = Sha256.hex(content);
        if (isPdf(content)) {
            return readPdf(name, content, sha256, limits, deadline);
        }
        if (startsWith(content, 'P', 'K', 3, 4) || startsWith(content, 'P', 'K', 5, 6)) {
            return readZip(name, content, sha256, limits, deadline);
        }
        if (startsWith(content, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            throw ole2(content);
        }
        throw new UnreadableDocumentException(Reason.ANDER_FORMAAT, "Het bestand is geen PDF- of Excel-bestand (xlsx). "
                + "Upload het ingevulde aanvraagformulier als PDF of als xlsx.", "unknown content, first bytes "
                + head(content));
    }

    // ------------------------------------------------------------------------------------------------ PDF

    /**
     * Everything PDFBox decodes while this upload is read — object and xref streams inside the loader included — is
     * bounded per stream ({@link PdfDecodeBudget}); an overrun anywhere refuses the upload, even where PDFBox
     * carried on without the stream.
     */
    private static ReadResult readPdf(String name, byte[] content, String sha256, Limits limits, Deadline deadline)
            throws UnreadableDocumentException {
        try (PdfDecodeBudget.Scope budget = PdfDecodeBudget.open(limits.maxDecodedStreamBytes(), deadline)) {
            ReadResult r;
            try {
                r = readPdf(name, content, sha256, limits, deadline, budget);
            } catch (UnreadableDocumentException e) {
                if (budget.exceeded() && e.reason() != Reason.TE_GROOT) {
                    throw overrun(limits, deadline, e);
                }
                throw e;
            }
            if (budget.exceeded()) {
                throw overrun(limits, deadline, null);
            }
            return r;
        }
    }

    private static UnreadableDocumentException overrun(Limits limits, Deadline deadline, Exception cause) {
        deadline.check();
        return new UnreadableDocumentException(Reason.TE_GROOT, PdfStreams.tooLargeMessage(limits),
                "a PDF stream decodes beyond " + limits.maxDecodedStreamBytes() + " bytes (while loading or reading)",
                cause);
    }

    private static ReadResult readPdf(String name, byte[] content, String sha256, Limits limits, Deadline deadline,
            PdfDecodeBudget.Scope budget) throws UnreadableDocumentException {
        boolean complete = endsWithEof(content);
        PDDocument doc;
        try {
            doc = Loader.loadPDF(new RandomAccessReadBuffer(content), "", null, null, limits.pdfStreamCache());
        } catch (InvalidPasswordException e) {
            throw new UnreadableDocumentException(Reason.WACHTWOORD, "De PDF is beveiligd met een wachtwoord; upload "
                    + "een onbeveiligd exemplaar.", "PDF needs a user password", e);
        } catch (IOException | RuntimeException e) {
            if (e instanceof Deadline.Exceeded d) {
                throw d;
            }
            throw complete ? new UnreadableDocumentException(Reason.BESCHADIGD, "Het bestand is beschadigd of geen "
                    + "geldige PDF en kan niet worden gelezen. Sla het formulier opnieuw op en upload het nog eens.",
                    "PDF does not parse: " + e, e) : cutOff(e);
        }
        try (doc) {
            if (budget.exceeded()) {
                throw overrun(limits, deadline, null); // PDFBox loaded what it could without the stream
            }
            if (!complete) {
                // PDFBox repairs a truncated file silently, minus whatever stood in the missing part (often the
                // filled-in values): "het formulier is leeg" would be the wrong answer.
                throw cutOff(null);
            }
            if (doc.getNumberOfPages() == 0) {
                throw new UnreadableDocumentException(Reason.NIET_HET_FORMULIER, NOT_THE_FORM
                        + "de PDF heeft geen pagina's.", "PDF without pages");
            }
            if (doc.getNumberOfPages() > limits.maxPages()) {
                throw new UnreadableDocumentException(Reason.TE_GROOT, "De PDF heeft " + doc.getNumberOfPages()
                        + " pagina's; meer dan " + limits.maxPages() + " wordt niet gelezen. Het aanvraagformulier "
                        + "heeft er " + nl.kansrijkewijk.form.PdfLayout.standard().pages().size() + ": upload alleen "
                        + "het ingevulde formulier, zonder bijlagen.",
                        "PDF with " + doc.getNumberOfPages() + " pages");
            }
            PdfStreams.checkDecodedSize(doc, limits, deadline);
            if (budget.exceeded()) {
                // page content is read through PDFBox's streaming decoder, outside the budget: never start on it
                throw overrun(limits, deadline, null);
            }
            RawForm raw = pdfLibrary(() -> readPdfShape(doc, name, limits, deadline));
            raw.activeContent.addAll(pdfLibrary(() -> PdfActiveContent.find(doc, limits.maxPages())));
            return mapFilled(raw, name, sha256);
        } catch (IOException e) {
            LOG.debug("closing the PDF failed", e);
            throw new UnreadableDocumentException(Reason.BESCHADIGD, DAMAGED, "PDF close failed: " + e, e);
        }
    }

    private static RawForm readPdfShape(PDDocument doc, String name, Limits limits, Deadline deadline)
            throws IOException, UnreadableDocumentException {
        PdfFormReader.FieldCount count = PdfFormReader.count(doc, limits);
        deadline.check();
        if (count.known() > 0 && count.filled() > 0) {
            return PdfFormReader.read(doc, name, limits);
        }
        if (count.known() > 0) {
            showAppearancesAsPageText(doc);
        }
        RawForm raw = FlattenedPdfReader.read(doc, name, limits, deadline);
        // Any text PDF puts some text inside the form's boxes; only the form's own printed text makes it
        // the form (a manual of 100 pages was read as an aanvraag and refused as a whole).
        if (!raw.titleSeen && raw.versions.isEmpty() && count.known() == 0) {
            throw new UnreadableDocumentException(Reason.NIET_HET_FORMULIER, NOT_THE_FORM + "de PDF bevat geen velden "
                    + "en geen tekst van dit formulier. Een scan of foto van het formulier kan niet worden gelezen; "
                    + "gebruik het invulbare formulier (PDF of xlsx).",
                    "PDF without form fields or form text (" + doc.getNumberOfPages() + " pages)");
        }
        return raw;
    }

    private interface LibraryCall<T> {
        T call() throws IOException, UnreadableDocumentException;
    }

    /** PDFBox signals a broken document with IOExceptions and with runtime exceptions from deep in its parser. */
    private static <T> T pdfLibrary(LibraryCall<T> call) throws UnreadableDocumentException {
        try {
            return call.call();
        } catch (IOException | IllegalArgumentException | IllegalStateException | IndexOutOfBoundsException
                | ClassCastException | NullPointerException | UnsupportedOperationException | ArithmeticException e) {
            LOG.info("PDF content does not parse: {}", e.toString());
            throw new UnreadableDocumentException(Reason.BESCHADIGD, "Het bestand is beschadigd of geen geldige PDF en "
                    + "kan niet worden gelezen. Sla het formulier opnieuw op en upload het nog eens.",
                    "PDF content does not parse: " + e, e);
        }
    }

    private static UnreadableDocumentException cutOff(Exception cause) {
        return new UnreadableDocumentException(Reason.AFGEBROKEN, "De PDF is niet compleet: het einde van het bestand "
                + "ontbreekt. Waarschijnlijk is het uploaden of opslaan afgebroken. Sla het formulier opnieuw op en "
                + "upload het nog eens.", "PDF without %%EOF at its end" + (cause == null ? "" : ": " + cause), cause);
    }

    /** A complete PDF ends with %%EOF (possibly followed by a line end or a little padding). */
    private static boolean endsWithEof(byte[] c) {
        int from = Math.max(0, c.length - 2048);
        for (int i = c.length - 5; i >= from; i--) {
            if (c[i] == '%' && c[i + 1] == '%' && c[i + 2] == 'E' && c[i + 3] == 'O' && c[i + 4] == 'F') {
                return true;
            }
        }
        return false;
    }

    /**
     * A form with not one field filled is answered as such, rather than with a refusal of an aanvraag of € 0 for an
     * unknown gemeente (seen with a viewer-filled form printed through a route that drops the field appearances).
     */
    private static ReadResult mapFilled(RawForm raw, String name, String sha256) throws UnreadableDocumentException {
        if (raw.values.values().stream().allMatch(RawValue::blank)) {
            throw new UnreadableDocumentException(Reason.LEEG, "Het formulier is leeg: er is geen enkel veld ingevuld "
                    + "(of de ingevulde waarden zijn bij het opslaan of afdrukken verloren gegaan). Vul het formulier "
                    + "in en sla het op als PDF of xlsx; druk een ingevulde PDF niet af naar een nieuwe PDF.",
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
            if (e instanceof Deadline.Exceeded d) {
                throw d;
            }
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

    private static ReadResult readZip(String name, byte[] content, String sha256, Limits limits, Deadline deadline)
            throws UnreadableDocumentException {
        ZipDirectory dir = ZipDirectory.read(content, limits);
        switch (dir.kind()) {
            case "xlsx" -> {
                /* read below */
            }
            case "xlsm" -> throw new UnreadableDocumentException(Reason.ANDER_FORMAAT, "Het bestand is een Excel-werkmap "
                    + "met macro's (xlsm). Sla het op als gewone Excel-werkmap (xlsx) en upload het opnieuw.",
                    "macro-enabled workbook");
            case "xlsb" -> throw new UnreadableDocumentException(Reason.ANDER_FORMAAT, "Het bestand is een binaire "
                    + "Excel-werkmap (xlsb). Sla het op als Excel-werkmap (xlsx) en upload het opnieuw.", "xlsb workbook");
            case "docx" -> throw new UnreadableDocumentException(Reason.ANDER_FORMAAT, "Het bestand is een "
                    + "Word-document, geen PDF- of Excel-bestand (xlsx). Upload het ingevulde aanvraagformulier.",
                    "word document");
            case "pptx" -> throw new UnreadableDocumentException(Reason.ANDER_FORMAAT, "Het bestand is een "
                    + "PowerPoint-presentatie, geen PDF- of Excel-bestand (xlsx). Upload het ingevulde "
                    + "aanvraagformulier.", "powerpoint document");
            case "ods" -> throw new UnreadableDocumentException(Reason.ANDER_FORMAAT, "Het bestand is een "
                    + "OpenDocument-rekenblad (ods). Sla het op als Excel-werkmap (xlsx) en upload het opnieuw.",
                    "opendocument spreadsheet");
            default -> throw new UnreadableDocumentException(Reason.ANDER_FORMAAT, "Het bestand is een zip-archief, "
                    + "geen PDF- of Excel-bestand (xlsx). Upload het ingevulde aanvraagformulier zelf.",
                    "zip archive without a workbook");
        }
        BoundedWorkbook opened = BoundedWorkbook.open(content, dir, limits, deadline, XlsxKeyIndex::isFormKey,
                "het aanvraagformulier");
        XSSFWorkbook wb = opened.workbook();
        try (wb) {
            RawForm raw = xlsxLibrary(() -> XlsxReader.read(wb, name, limits, deadline));
            raw.titleSeen |= opened.scan.titleSeen;
            raw.versions.addAll(opened.scan.versions);
            if (raw.values.isEmpty()) {
                String why = raw.titleSeen
                        ? "de kolom ‘Sleutel’ met de veldnamen ontbreekt, daardoor zijn de antwoorden niet te vinden. "
                                + "Gebruik het formulier zoals het is verstrekt."
                        : "de Excel-werkmap bevat geen velden van het formulier " + FormFields.FORM_VERSION + ".";
                throw new UnreadableDocumentException(Reason.NIET_HET_FORMULIER, NOT_THE_FORM + why,
                        "workbook without form keys (" + wb.getNumberOfSheets() + " sheets)");
            }
            return mapFilled(raw, name, sha256);
        } catch (IOException e) {
            throw new UnreadableDocumentException(Reason.BESCHADIGD, DAMAGED, "XLSX close failed: " + e, e);
        }
    }

    /** POI signals a broken workbook with runtime exceptions from deep in its model (and XmlBeans). */
    private static <T> T xlsxLibrary(LibraryCall<T> call) throws UnreadableDocumentException {
        try {
            return call.call();
        } catch (IOException | org.apache.poi.ooxml.POIXMLException
                | IllegalArgumentException | IllegalStateException | IndexOutOfBoundsException | ClassCastException
                | UnsupportedOperationException | org.apache.xmlbeans.XmlRuntimeException e) {
            LOG.info("XLSX content does not parse: {}", e.toString());
            throw new UnreadableDocumentException(Reason.BESCHADIGD, DAMAGED, "XLSX content does not parse: " + e, e);
        }
    }

    /** An OLE2 file: a legacy .xls or .doc, or an encrypted (password-protected) xlsx. */
    private static UnreadableDocumentException ole2(byte[] content) {
        try (InputStream in = new ByteArrayInputStream(content); POIFSFileSystem fs = new POIFSFileSystem(in)) {
            DirectoryNode root = fs.getRoot();
            if (root.hasEntry("EncryptionInfo") || root.hasEntry("EncryptedPackage")) {
                return new UnreadableDocumentException(Reason.WACHTWOORD, "De Excel-werkmap is beveiligd met een wachtwoord; upload een "
                        + "onbeveiligd exemplaar.", "encrypted OOXML package");
            }
            if (root.hasEntry("Workbook") || root.hasEntry("Book")) {
                return new UnreadableDocumentException(Reason.ANDER_FORMAAT, "Het bestand is een oud Excel-bestand (xls). Sla het op als "
                        + "Excel-werkmap (xlsx) en upload het opnieuw.", "legacy xls workbook");
            }
            if (root.hasEntry("WordDocument")) {
                return new UnreadableDocumentException(Reason.ANDER_FORMAAT, "Het bestand is een Word-document, geen PDF- "
                        + "of Excel-bestand (xlsx). Upload het ingevulde aanvraagformulier.", "legacy word document");
            }
            return new UnreadableDocumentException(Reason.ANDER_FORMAAT, "Het bestand is geen PDF- of Excel-bestand "
                    + "(xlsx). Upload het ingevulde aanvraagformulier als PDF of als xlsx.",
                    "OLE2 file without a known stream");
        } catch (IOException | RuntimeException e) {
            return new UnreadableDocumentException(Reason.BESCHADIGD, "Het bestand is geen PDF- of Excel-bestand (xlsx), of het is "
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
