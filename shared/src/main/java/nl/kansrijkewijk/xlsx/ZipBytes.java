package nl.kansrijkewijk.xlsx;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * Writes a workbook with fixed zip entry times, for every XLSX the service makes (blank form, filled fixtures,
 * bevindingen.xlsx). POI stamps every entry with the time of writing; rewriting the archive with a fixed local
 * time (no extended timestamp fields, so no dependency on the time zone) makes equal workbooks byte-identical.
 */
public final class ZipBytes {
    private static final LocalDateTime FIXED = LocalDateTime.of(2023, 7, 1, 0, 0);

    private ZipBytes() {}

    /** With the form's fixed time (the regeling's date of entry into force). */
    public static byte[] write(Workbook wb) {
        return write(wb, FIXED);
    }

    /** With a time derived from the input (e.g. a report dated by the aanvraag). */
    public static byte[] write(Workbook wb, LocalDateTime entryTime) {
        try {
            ByteArrayOutputStream raw = new ByteArrayOutputStream(1 << 16);
            wb.write(raw);
            return normalise(raw.toByteArray(), entryTime);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write workbook", e);
        }
    }

    /** Any OOXML document (e.g. the DOCX copy of a beschikking) with a fixed entry time. */
    public static byte[] writeDocument(org.apache.poi.ooxml.POIXMLDocument doc, LocalDateTime entryTime) {
        try {
            ByteArrayOutputStream raw = new ByteArrayOutputStream(1 << 16);
            doc.write(raw);
            return normalise(raw.toByteArray(), entryTime);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write document", e);
        }
    }

    private static byte[] normalise(byte[] zip, LocalDateTime entryTime) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(zip.length + 1024);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
                ZipOutputStream z = new ZipOutputStream(out)) {
            z.setLevel(6);
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                ZipEntry copy = new ZipEntry(e.getName());
                copy.setTimeLocal(entryTime);
                z.putNextEntry(copy);
                in.transferTo(z);
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
