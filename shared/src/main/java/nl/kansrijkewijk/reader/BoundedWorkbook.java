package nl.kansrijkewijk.reader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import javax.xml.parsers.ParserConfigurationException;
import nl.kansrijkewijk.limits.Deadline;
import nl.kansrijkewijk.limits.Limits;
import nl.kansrijkewijk.reader.UnreadableDocumentException.Reason;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.SAXException;

/**
 * Opens an uploaded workbook within the {@link Limits}, for every reader of workbooks (aanvraagformulier, SiSa
 * bijlage). POI builds an in-memory model of every XML part it loads (XmlBeans, 10–20× the XML): the zip ratio
 * check alone lets a 1 MB part inflate to 199 MB, which as styles or as a sheet's merged cells exhausts any heap.
 * So, before POI's model exists: a streamed pass ({@link SheetScan}) finds the sheets worth reading (they hold a
 * key cell) and counts cells; large sheets without keys are removed from the package unread; the loaded sheets are
 * held to {@link #maxLoadedSheetBytes} and {@link Limits#maxCells()}, every other part to {@link #maxLoadedPartBytes},
 * all of them together to {@link Limits#maxDecodedStreamBytes()}.
 */
public final class BoundedWorkbook {
    private static final Logger LOG = LoggerFactory.getLogger(BoundedWorkbook.class);

    private final XSSFWorkbook workbook;
    final SheetScan scan;

    private BoundedWorkbook(XSSFWorkbook workbook, SheetScan scan) {
        this.workbook = workbook;
        this.scan = scan;
    }

    public XSSFWorkbook workbook() {
        return workbook;
    }

    /** A sheet POI loads into its model: half the decoded-stream bound (32 MB, some 300 000 cells). */
    public static long maxLoadedSheetBytes(Limits limits) {
        return limits.maxDecodedStreamBytes() / 2;
    }

    /**
     * Any other part (styles, shared strings, workbook, comments…): a quarter of the decoded-stream bound (16 MB).
     * A 31 MB style table took 8.6 s and 580 MB resident to load at the deployed heap.
     */
    public static long maxLoadedPartBytes(Limits limits) {
        return limits.maxDecodedStreamBytes() / 4;
    }

    /** The shared strings (every text of every sheet): as any other part. */
    public static long maxSharedStringsBytes(Limits limits) {
        return maxLoadedPartBytes(limits);
    }

    /**
     * @param dir   the upload's zip directory ({@link ZipDirectory#read}, already checked to be an xlsx)
     * @param isKey a cell text that makes its sheet one to read
     * @param what  the document as the messages name it ("het aanvraagformulier", "de SiSa-bijlage")
     * @throws UnreadableDocumentException te-groot beyond a bound, beschadigd when POI cannot open it
     */
    public static BoundedWorkbook open(byte[] content, ZipDirectory dir, Limits limits, Deadline deadline,
            Predicate<String> isKey, String what) throws UnreadableDocumentException {
        long strings = dir.size("xl/sharedStrings.xml");
        if (strings > maxSharedStringsBytes(limits)) {
            throw new UnreadableDocumentException(Reason.TE_GROOT, "De Excel-werkmap bevat veel meer tekst dan "
                    + what + " (" + (strings >> 20) + " MB) en wordt niet gelezen. Upload alleen " + what
                    + ", zonder extra werkbladen.", "shared strings of " + strings + " bytes");
        }
        OPCPackage pkg = null;
        try {
            pkg = OPCPackage.open(new ByteArrayInputStream(content));
            SheetScan scan = SheetScan.of(pkg, deadline, isKey);
            long loaded = 0;
            Set<String> skipped = new HashSet<>();
            Set<String> sheets = new HashSet<>();
            for (SheetScan.Sheet s : scan.sheets) {
                sheets.add(s.part().getName().substring(1).toLowerCase(Locale.ROOT));
                if (s.keyed() || s.cells() <= SheetScan.SMALL_SHEET_CELLS) {
                    loaded += s.cells();
                } else {
                    LOG.info("sheet '{}' ({} cells, no key cell) skipped unread", s.name(), s.cells());
                    skipped.add(s.part().getName().substring(1).toLowerCase(Locale.ROOT));
                    pkg.removePart(s.part());
                }
            }
            if (loaded > limits.maxCells()) {
                throw new UnreadableDocumentException(Reason.TE_GROOT, "De werkbladen van " + what + " bevatten "
                        + "samen " + loaded + " cellen; meer dan " + limits.maxCells() + " wordt niet gelezen. "
                        + "Verwijder lege opmaak en extra gegevens en upload het bestand opnieuw.",
                        "workbook with " + loaded + " cells in the sheets to load");
            }
            checkPartSizes(dir, sheets, skipped, limits, what);
            return new BoundedWorkbook(new XSSFWorkbook(pkg), scan);
        } catch (UnreadableDocumentException e) {
            revert(pkg);
            throw e;
        } catch (IOException | RuntimeException | OpenXML4JException | SAXException | ParserConfigurationException e) {
            revert(pkg);
            if (e instanceof Deadline.Exceeded d) {
                throw d;
            }
            if (zipBomb(e)) {
                // POI's own ratio check (ZipSecureFile), on parts below the 1 MB where ZipDirectory starts checking
                throw new UnreadableDocumentException(Reason.TE_GROOT, "Een onderdeel van de Excel-werkmap pakt "
                        + "meer dan 200 keer zo groot uit als het is opgeslagen; zo'n bestand wordt niet gelezen. "
                        + "Sla " + what + " opnieuw op als gewone Excel-werkmap (xlsx) en upload het nog eens.",
                        "POI zip bomb check: " + e, e);
            }
            throw new UnreadableDocumentException(Reason.BESCHADIGD, "Het bestand is beschadigd en kan niet worden "
                    + "gelezen. Sla het bestand opnieuw op als Excel-werkmap (xlsx) en upload het nog eens.",
                    "XLSX does not open: " + e, e);
        }
    }

    /**
     * Every part but the skipped sheets is either loaded by POI or small enough not to matter: images and other
     * binary parts are stored compressed, so within the upload bound they stay under the part bound too. Together
     * the loaded parts stay within the decoded-stream bound.
     */
    private static void checkPartSizes(ZipDirectory dir, Set<String> sheets, Set<String> skipped, Limits limits,
            String what) throws UnreadableDocumentException {
        long total = 0;
        for (Map.Entry<String, Long> e : dir.sizes.entrySet()) {
            if (skipped.contains(e.getKey())) {
                continue;
            }
            long max = sheets.contains(e.getKey()) ? maxLoadedSheetBytes(limits) : maxLoadedPartBytes(limits);
            total += e.getValue();
            if (e.getValue() > max || total > limits.maxDecodedStreamBytes()) {
                long shown = e.getValue() > max ? e.getValue() : total;
                long bound = e.getValue() > max ? max : limits.maxDecodedStreamBytes();
                throw new UnreadableDocumentException(Reason.TE_GROOT, (e.getValue() > max ? "Het onderdeel "
                        + e.getKey() + " van de Excel-werkmap is uitgepakt " : "De onderdelen van de Excel-werkmap "
                        + "zijn uitgepakt samen ") + (shown >> 20) + " MB; meer dan " + (bound >> 20)
                        + " MB wordt niet gelezen (bijvoorbeeld een overmaat aan opmaakstijlen of samengevoegde "
                        + "cellen). Sla " + what + " opnieuw op zonder extra opmaak of werkbladen en upload het nog "
                        + "eens.", "part " + e.getKey() + " inflates to " + e.getValue() + " bytes (" + total
                                + " so far)");
            }
        }
    }

    private static boolean zipBomb(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().startsWith("Zip bomb detected")) {
                return true;
            }
        }
        return false;
    }

    private static void revert(OPCPackage pkg) {
        if (pkg != null) {
            pkg.revert();
        }
    }
}
