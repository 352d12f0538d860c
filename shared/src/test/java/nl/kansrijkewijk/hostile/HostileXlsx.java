package nl.kansrijkewijk.hostile;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Hostile workbooks made from a good one by rewriting its parts (what a person with a zip tool and a text editor
 * can do): external and recursive XML entities, shared-string tables and style tables far beyond any form, a
 * claimed string count of two billion, formulas nested thousands deep, chained through thousands of cells, or
 * referring to the whole sheet. Deterministic (seeded) so a failure reproduces.
 */
public final class HostileXlsx {
    /** What an external entity would pull in; must never appear in any answer. */
    public static final String SECRET = "GEHEIM-XXE-7f3a9c";
    /** A formula written by POI and then replaced in the XML (POI itself would not parse the hostile one). */
    private static final String PLACEHOLDER = "987654321+1";

    private HostileXlsx() {}

    // ------------------------------------------------------------------------------------------------ parts

    public static String part(byte[] xlsx, String name) {
        try (ZipFile zip = ZipFile.builder().setByteArray(xlsx).get()) {
            ZipArchiveEntry e = zip.getEntry(name);
            if (e == null) {
                return null;
            }
            try (InputStream in = zip.getInputStream(e)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The package with one part replaced (or added when missing). */
    public static byte[] withPart(byte[] xlsx, String name, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipFile zip = ZipFile.builder().setByteArray(xlsx).get(); ZipOutputStream z = new ZipOutputStream(out)) {
            boolean replaced = false;
            for (ZipArchiveEntry e : Collections.list(zip.getEntries())) {
                ZipEntry n = new ZipEntry(e.getName());
                n.setTime(0);
                z.putNextEntry(n);
                if (e.getName().equals(name)) {
                    z.write(content);
                    replaced = true;
                } else {
                    try (InputStream in = zip.getInputStream(e)) {
                        in.transferTo(z);
                    }
                }
                z.closeEntry();
            }
            if (!replaced) {
                ZipEntry n = new ZipEntry(name);
                n.setTime(0);
                z.putNextEntry(n);
                z.write(content);
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] editPart(byte[] xlsx, String name, UnaryOperator<String> edit) {
        return withPart(xlsx, name, edit.apply(part(xlsx, name)).getBytes(StandardCharsets.UTF_8));
    }

    // ------------------------------------------------------------------------------------------------ XML

    /**
     * The shared strings start with a DOCTYPE declaring an external entity (a file holding {@link #SECRET}) and a
     * billion-laughs chain, and the first string uses both.
     */
    public static byte[] withEntities(byte[] xlsx, String part, String secretFileUrl) {
        return editPart(xlsx, part, xml -> {
            int decl = xml.startsWith("<?xml") ? xml.indexOf("?>") + 2 : 0;
            StringBuilder dtd = new StringBuilder("<!DOCTYPE x [<!ENTITY xxe SYSTEM \"" + secretFileUrl + "\">"
                    + "<!ENTITY l0 \"lollollollollollollollollollol\">");
            for (int i = 1; i < 10; i++) {
                dtd.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10))
                        .append("\">");
            }
            dtd.append("]>");
            String body = xml.substring(decl);
            int t = body.indexOf("<t");
            int close = body.indexOf('>', t) + 1;
            body = body.substring(0, close) + "&xxe;&l9;" + body.substring(close);
            return xml.substring(0, decl) + dtd + body;
        });
    }

    /** A shared-string table of {@code strings} random eight-digit strings (about 24 bytes each inflated). */
    public static byte[] withSharedStrings(byte[] xlsx, int strings, String uniqueCount) {
        String old = part(xlsx, "xl/sharedStrings.xml");
        int start = old.indexOf("<si>");
        int end = old.lastIndexOf("</sst>");
        Random random = new Random(strings);
        StringBuilder extra = new StringBuilder(strings * 24);
        for (int i = 0; i < strings; i++) {
            extra.append("<si><t>").append(10_000_000 + random.nextInt(90_000_000)).append("</t></si>");
        }
        String head = old.substring(0, start).replaceAll("(count|uniqueCount)=\"\\d+\"", "")
                .replace("<sst ", "<sst uniqueCount=\"" + uniqueCount + "\" ");
        return withPart(xlsx, "xl/sharedStrings.xml",
                (head + old.substring(start, end) + extra + "</sst>").getBytes(StandardCharsets.UTF_8));
    }

    /** {@code extra} more cell formats (xf), with varied attributes so the part does not compress like a bomb. */
    public static byte[] withStyles(byte[] xlsx, int extra) {
        return editPart(xlsx, "xl/styles.xml", xml -> {
            Random random = new Random(extra);
            int open = xml.indexOf("<cellXfs");
            int body = xml.indexOf('>', open) + 1;
            int close = xml.indexOf("</cellXfs>");
            StringBuilder xfs = new StringBuilder(extra * 90);
            for (int i = 0; i < extra; i++) {
                xfs.append("<xf numFmtId=\"").append(random.nextInt(50)).append("\" fontId=\"0\" fillId=\"0\" ")
                        .append("borderId=\"0\" xfId=\"0\" applyNumberFormat=\"").append(random.nextInt(2))
                        .append("\"/>");
            }
            return xml.substring(0, open) + "<cellXfs>" + xml.substring(body, close) + xfs + xml.substring(close);
        });
    }

    // ------------------------------------------------------------------------------------------------ formulas

    /** Sets {@code cell} to a formula {@code depth} parentheses deep (written into the sheet XML). */
    public static byte[] withNestedFormula(byte[] xlsx, CellEdit cell, int depth) {
        byte[] placed = edit(xlsx, wb -> cell.apply(wb).setCellFormula(PLACEHOLDER));
        String deep = "(".repeat(depth) + "1" + ")".repeat(depth);
        try (ZipFile zip = ZipFile.builder().setByteArray(placed).get()) {
            for (ZipArchiveEntry e : Collections.list(zip.getEntries())) {
                if (e.getName().startsWith("xl/worksheets/")) {
                    String xml = part(placed, e.getName());
                    if (xml.contains(PLACEHOLDER)) {
                        return withPart(placed, e.getName(), xml.replace(PLACEHOLDER, deep)
                                .getBytes(StandardCharsets.UTF_8));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("placeholder formula not found");
    }

    /** {@code cell} refers to a new sheet where each of {@code length} cells adds one to the next. */
    public static byte[] withFormulaChain(byte[] xlsx, CellEdit cell, int length) {
        return edit(xlsx, wb -> {
            var s = wb.createSheet("Keten");
            for (int r = 0; r < length; r++) {
                s.createRow(r).createCell(0).setCellFormula("A" + (r + 2) + "+1");
            }
            cell.apply(wb).setCellFormula("Keten!A1");
        });
    }

    public static byte[] editCell(byte[] xlsx, CellEdit cell, String formula) {
        return edit(xlsx, wb -> cell.apply(wb).setCellFormula(formula));
    }

    /** {@code cell} sums every column of another sheet that holds one value, down to row 4 999. */
    public static byte[] withWholeSheetSum(byte[] xlsx, CellEdit cell) {
        return edit(xlsx, wb -> {
            // POI clamps a range to the sheet's last row, and the readers refuse sheets beyond 5 000 rows: one value
            // in row 4 999 still makes 82 million cells to visit
            wb.createSheet("Leeg").createRow(4_998).createCell(0).setCellValue(1);
            cell.apply(wb).setCellFormula("SUM(Leeg!A1:XFD1048576)");
        });
    }

    /** The value cell of a form key in the aanvraag workbook. */
    public static Cell keyCell(XSSFWorkbook wb, String key) {
        nl.kansrijkewijk.form.XlsxKeyIndex.CellPos p = nl.kansrijkewijk.form.XlsxKeyIndex.of(wb).get(key);
        return p.sheet().getRow(p.row()).getCell(p.col());
    }

    public interface CellEdit {
        Cell apply(XSSFWorkbook wb);
    }

    interface Change {
        void apply(XSSFWorkbook wb);
    }

    static byte[] edit(byte[] xlsx, Change change) {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            change.apply(wb);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------------------------------------ measuring

    /** Time and peak heap of one call (heap pools' peaks in this JVM, after a collection). */
    public record Measured<T>(T value, Throwable thrown, long millis, long peakHeapMb) {}

    public static <T> Measured<T> measure(Callable<T> call) {
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        System.gc();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long t0 = System.nanoTime();
        T value = null;
        Throwable thrown = null;
        try {
            value = call.call();
        } catch (Exception e) {
            thrown = e;
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() >> 20;
        return new Measured<>(value, thrown, ms, peak);
    }
}
