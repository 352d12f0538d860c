package nl.kansrijkewijk.hostile;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import nl.kansrijkewijk.form.BlankFormXlsx;
import nl.kansrijkewijk.form.FormFiller;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Builds the hostile uploads the reader must answer within bounds: large ones are generated here rather than
 * committed (scripts/generate-hostile.sh writes them to test-fixtures/hostile/generated/). Deterministic: the same
 * call gives the same bytes.
 */
public final class HostileFiles {
    private HostileFiles() {}

    /** A correctly filled aanvraag, the base of most mutations. */
    public static Map<String, String> values() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("A.gemeente", "Utrecht");
        v.put("A.gemeentecode", "GM0344");
        v.put("A.focusgebied.1", "Overvecht");
        v.put("A.soort", "Aanvraag");
        v.put("A.datum", "28-09-2023");
        v.put("A.ondertekenaar.naam", "J. de Vries");
        v.put("C.1.onderdeel", "ARM");
        v.put("C.1.naam", "Buurtcoach");
        v.put("C.1.omschrijving", "Coaching van huishoudens met geldzorgen.");
        v.put("B.ARM.fg1.2024", "1.000");
        return v;
    }

    /**
     * The XLSX form with {@code extra} activity rows added below the table, each keyed C.61, C.62, … as the form
     * invites (2 000 rows made reading take 68 s when every keyed row re-scanned the rows above it).
     */
    public static byte[] xlsxWithActivityRows(int extra) {
        byte[] base = FormFiller.fillXlsx(values());
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(base))) {
            Sheet s = wb.getSheet(BlankFormXlsx.SHEET_C);
            Row template = null;
            int keyCol = -1;
            for (Row row : s) {
                for (Cell c : row) {
                    if (c.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                            && c.getStringCellValue().equals("C.1")) {
                        template = row;
                        keyCol = c.getColumnIndex();
                    }
                }
            }
            if (template == null) {
                throw new IllegalStateException("no C.1 row in the form");
            }
            int first = s.getLastRowNum() + 1;
            for (int i = 0; i < extra; i++) {
                Row row = s.createRow(first + i);
                for (Cell c : template) {
                    Cell n = row.createCell(c.getColumnIndex());
                    if (c.getColumnIndex() == keyCol) {
                        n.setCellValue("C." + (61 + i));
                    } else {
                        switch (c.getCellType()) {
                            case STRING -> n.setCellValue(c.getStringCellValue());
                            case NUMERIC -> n.setCellValue(c.getNumericCellValue());
                            default -> { }
                        }
                    }
                }
            }
            return nl.kansrijkewijk.xlsx.ZipBytes.write(wb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The form plus a hidden sheet of {@code rows} × 20 numeric cells (a workbook small on disk, large inflated),
     * re-zipped the way Excel writes a package (no Zip64 extras).
     */
    public static byte[] xlsxWithBigHiddenSheet(int rows) {
        byte[] base = FormFiller.fillXlsx(values());
        try (XSSFWorkbook xwb = new XSSFWorkbook(new ByteArrayInputStream(base));
                SXSSFWorkbook wb = new SXSSFWorkbook(xwb, 100)) {
            SXSSFSheet s = wb.createSheet("Data");
            for (int r = 0; r < rows; r++) {
                Row row = s.createRow(r);
                for (int c = 0; c < 20; c++) {
                    row.createCell(c).setCellValue((r * 31 + c * 7) % 1000);
                }
            }
            wb.setSheetVisibility(wb.getSheetIndex("Data"), SheetVisibility.HIDDEN);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return rezip(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The filled form written by POI's streaming writer (data descriptors on every entry). */
    public static byte[] xlsxStreamed() {
        byte[] base = FormFiller.fillXlsx(values());
        try (XSSFWorkbook xwb = new XSSFWorkbook(new ByteArrayInputStream(base));
                SXSSFWorkbook wb = new SXSSFWorkbook(xwb, 100)) {
            wb.setZip64Mode(org.apache.commons.compress.archivers.zip.Zip64Mode.Always);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A one-page PDF whose content stream inflates to {@code decodedBytes} of spaces (a few MB on disk per GB). */
    public static byte[] pdfInflateBomb(long decodedBytes) {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(compressed, new Deflater(9), 1 << 16)) {
            byte[] spaces = new byte[1 << 20];
            Arrays.fill(spaces, (byte) ' ');
            for (long done = 0; done < decodedBytes; done += spaces.length) {
                z.write(spaces, 0, (int) Math.min(spaces.length, decodedBytes - done));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] data = compressed.toByteArray();
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        long[] offsets = new long[5];
        ascii(pdf, "%PDF-1.7\n");
        offsets[1] = pdf.size();
        ascii(pdf, "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
        offsets[2] = pdf.size();
        ascii(pdf, "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n");
        offsets[3] = pdf.size();
        ascii(pdf, "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>\nendobj\n");
        offsets[4] = pdf.size();
        ascii(pdf, "4 0 obj\n<< /Length " + data.length + " /Filter /FlateDecode >>\nstream\n");
        pdf.writeBytes(data);
        ascii(pdf, "\nendstream\nendobj\n");
        long xref = pdf.size();
        StringBuilder x = new StringBuilder("xref\n0 5\n0000000000 65535 f \n");
        for (int i = 1; i < 5; i++) {
            x.append(String.format("%010d 00000 n \n", offsets[i]));
        }
        x.append("trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
        ascii(pdf, x.toString());
        return pdf.toByteArray();
    }

    /** Copies a package entry by entry into a plain java.util.zip archive (local headers with sizes, no Zip64). */
    private static byte[] rezip(byte[] zip) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipFile src = ZipFile.builder().setByteArray(zip).get();
                ZipOutputStream z = new ZipOutputStream(out)) {
            for (ZipArchiveEntry e : Collections.list(src.getEntries())) {
                ZipEntry n = new ZipEntry(e.getName());
                n.setTime(0);
                z.putNextEntry(n);
                try (InputStream data = src.getInputStream(e)) {
                    data.transferTo(z);
                }
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static void ascii(OutputStream out, String s) {
        try {
            out.write(s.getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(XSSFWorkbook wb) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        wb.write(out);
        return out.toByteArray();
    }
}
