package nl.kansrijkewijk.limits;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessStreamCache.StreamCacheCreateFunction;
import org.apache.poi.openxml4j.util.ZipInputStreamZipEntrySource;
import org.apache.poi.openxml4j.util.ZipSecureFile;

/**
 * The bounds on one upload (config/limits.yaml): what a reader reads at most, and how long the whole upload may
 * take. An upload beyond a bound gets a Dutch error report saying which, never a partial reading and never a
 * function that runs out of time or memory first.
 *
 * @param maxUploadBytes        larger uploads are refused unread
 * @param maxPages              PDF pages read
 * @param maxFields             AcroForm fields visited
 * @param maxRows               rows scanned per sheet; a form sheet with more rows is refused
 * @param maxCells              cells in the sheets loaded for reading
 * @param maxDecodedStreamBytes inflated bytes of all PDF streams of one upload; also the XLSX shared strings
 * @param maxZipEntryBytes      one inflated part of an XLSX package
 * @param maxTextLength         characters of one field value
 * @param maxProcessingSeconds  wall time for one upload, read to outputs
 */
public record Limits(
        long maxUploadBytes,
        int maxPages,
        int maxFields,
        int maxRows,
        long maxCells,
        long maxDecodedStreamBytes,
        long maxZipEntryBytes,
        int maxTextLength,
        int maxProcessingSeconds) {

    private static final Limits STANDARD = load();
    private static boolean applied;

    public Limits {
        if (maxUploadBytes <= 0 || maxPages <= 0 || maxFields <= 0 || maxRows <= 0 || maxCells <= 0
                || maxDecodedStreamBytes <= 0 || maxZipEntryBytes <= 0 || maxTextLength <= 0
                || maxProcessingSeconds <= 0) {
            throw new IllegalArgumentException("every limit must be positive: " + this);
        }
    }

    /** The configured limits; the libraries' global settings are applied on first use. */
    public static Limits standard() {
        STANDARD.applyToLibraries();
        return STANDARD;
    }

    public Duration maxProcessingTime() {
        return Duration.ofSeconds(maxProcessingSeconds);
    }

    /**
     * Cell look-ups by the formulas of one workbook (200 per loaded cell: 50 million, a few seconds): POI visits
     * every cell of a referenced range, so one whole-sheet reference would otherwise run for hours.
     */
    public long maxFormulaCellVisits() {
        return 200 * maxCells;
    }

    /**
     * PDFBox's buffer for streams it creates (flattening, appearances) in main memory, never beyond the decoded
     * stream bound: exceeding it is an IOException, not an exhausted heap.
     */
    public StreamCacheCreateFunction pdfStreamCache() {
        return MemoryUsageSetting.setupMainMemoryOnly(maxDecodedStreamBytes).streamCache;
    }

    /**
     * POI keeps its zip limits in statics: they are set once per JVM, from the standard limits (a second set of
     * limits in one JVM, as in a test, changes the per-call bounds only).
     */
    private synchronized void applyToLibraries() {
        if (applied) {
            return;
        }
        applied = true;
        // A deflate ratio below 0.5 % is a zip bomb; real workbooks compress 5–20×.
        ZipSecureFile.setMinInflateRatio(0.005);
        ZipSecureFile.setMaxEntrySize(maxZipEntryBytes);
        ZipSecureFile.setMaxFileCount(5_000);
        // Parts above 8 MB (in practice a sheet that will be skipped) go to a temp file, not the heap. Not
        // encrypted: it lives only while the upload is read, in the function's private /tmp, and encrypting
        // doubled the time to open a workbook with a 120 MB sheet.
        ZipInputStreamZipEntrySource.setThresholdBytesForTempFiles(8 * 1024 * 1024);
        ZipInputStreamZipEntrySource.setEncryptTempFiles(false);
    }

    private static Limits load() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);
        try (InputStream in = Limits.class.getResourceAsStream("/config/limits.yaml")) {
            if (in == null) {
                throw new IllegalStateException("config/limits.yaml is missing from the classpath");
            }
            return yaml.readValue(in, Limits.class);
        } catch (IOException e) {
            throw new UncheckedIOException("config/limits.yaml does not parse", e);
        }
    }
}
