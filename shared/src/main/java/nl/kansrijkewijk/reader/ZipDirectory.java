package nl.kansrijkewijk.reader;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.kansrijkewijk.limits.Limits;
import nl.kansrijkewijk.reader.UnreadableDocumentException.Reason;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * A zip upload's table of contents, read from its central directory (nothing is inflated). The central directory
 * is what Excel and POI trust; reading local headers in sequence instead (java.util.zip.ZipInputStream) refuses
 * valid workbooks written by streaming writers (data descriptors, Zip64) and cannot tell a cut-off upload, whose
 * directory at the end is missing, from a damaged one.
 */
public final class ZipDirectory {
    /** Inflating 200× or more is a zip bomb, not a workbook (real sheets compress 5–20×). */
    private static final long BOMB_RATIO = 200;
    private static final long BOMB_MIN_BYTES = 1024 * 1024;
    private static final int MAX_ENTRIES = 5_000;

    final Map<String, Long> sizes;

    private ZipDirectory(Map<String, Long> sizes) {
        this.sizes = sizes;
    }

    public static ZipDirectory read(byte[] content, Limits limits) throws UnreadableDocumentException {
        return read(content, limits, "het formulier");
    }

    /** @param what the document as the messages name it ("het formulier", "de SiSa-bijlage") */
    public static ZipDirectory read(byte[] content, Limits limits, String what) throws UnreadableDocumentException {
        Map<String, Long> sizes = new LinkedHashMap<>();
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(content)).get()) {
            Enumeration<ZipArchiveEntry> entries = zip.getEntries();
            List<ZipArchiveEntry> list = entries == null ? List.of() : Collections.list(entries);
            if (list.size() > MAX_ENTRIES) {
                throw new UnreadableDocumentException(Reason.TE_GROOT, "Het bestand bevat meer dan " + MAX_ENTRIES
                        + " onderdelen en wordt niet gelezen. Upload alleen " + what + ".",
                        "zip with " + list.size() + " entries");
            }
            for (ZipArchiveEntry e : new ArrayList<>(list)) {
                long size = e.getSize();
                long packed = e.getCompressedSize();
                if (size > limits.maxZipEntryBytes()
                        || (size > BOMB_MIN_BYTES && packed >= 0 && size > BOMB_RATIO * Math.max(packed, 1))) {
                    throw new UnreadableDocumentException(Reason.TE_GROOT, "Het bestand is uitgepakt veel te groot ("
                            + e.getName() + " wordt " + (size >> 20) + " MB uit " + Math.max(packed >> 10, 1)
                            + " kB). Zo'n bestand wordt niet gelezen. Sla " + what + " opnieuw op zonder extra "
                            + "werkbladen of bijlagen en upload het nog eens.",
                            "zip entry " + e.getName() + " inflates to " + size + " from " + packed + " bytes");
                }
                sizes.put(e.getName().toLowerCase(Locale.ROOT), size);
            }
        } catch (IOException | RuntimeException e) {
            throw new UnreadableDocumentException(Reason.AFGEBROKEN, "Het bestand is niet compleet: de inhoudsopgave "
                    + "aan het eind van het (xlsx- of zip-)bestand ontbreekt of is beschadigd. Waarschijnlijk is het "
                    + "uploaden of opslaan afgebroken. Sla het formulier opnieuw op en upload het nog eens.",
                    "zip central directory does not parse: " + e, e);
        }
        return new ZipDirectory(sizes);
    }

    boolean has(String name) {
        return sizes.containsKey(name);
    }

    boolean anyStartsWith(String prefix) {
        for (String n : sizes.keySet()) {
            if (n.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** The inflated size of an entry (name compared case-insensitively), or -1 when it is not there. */
    public long size(String name) {
        Long s = sizes.get(name.toLowerCase(Locale.ROOT));
        return s == null ? -1 : s;
    }

    /** What the archive holds, from its entry names: xlsx, xlsm, xlsb, docx, pptx, ods, or zip. */
    public String kind() {
        if (has("xl/workbook.bin")) {
            return "xlsb";
        }
        if (has("xl/workbook.xml") && has("[content_types].xml")) {
            return has("xl/vbaproject.bin") ? "xlsm" : "xlsx";
        }
        if (anyStartsWith("word/")) {
            return "docx";
        }
        if (anyStartsWith("ppt/")) {
            return "pptx";
        }
        if (has("mimetype") || has("content.xml")) {
            return "ods";
        }
        return "zip";
    }
}
