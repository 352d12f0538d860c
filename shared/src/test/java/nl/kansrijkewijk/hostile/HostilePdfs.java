package nl.kansrijkewijk.hostile;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.Adler32;
import java.util.zip.Deflater;

/**
 * Hostile PDFs aimed at what PDFBox does while loading, before any reader code runs: object and cross-reference
 * streams that inflate to gigabytes, a /Length far beyond the file or in a reference loop, a /Prev chain that
 * points at itself, arrays nested 100 000 deep inside an object stream, a page tree that contains itself. Written
 * byte by byte (PDFBox would not write them), small on disk: a 4 GB bomb is one 1 MB deflate chunk of zeros
 * repeated, since after the first megabyte every back-reference lands in zeros again.
 */
public final class HostilePdfs {
    private static final String CATALOG = "<< /Type /Catalog /Pages 2 0 R >>";
    private static final String PAGES = "<< /Type /Pages /Kids [3 0 R] /Count 1 >>";
    private static final String PAGE = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>";

    private HostilePdfs() {}

    /** The catalog lives in an object stream that inflates to {@code megabytes} MB (PDFBox decodes it to load). */
    public static byte[] objectStreamBomb(long megabytes) {
        Pdf pdf = new Pdf();
        pdf.obj(2, PAGES);
        pdf.obj(3, PAGE);
        byte[] data = zlibZeros(("1 0 " + CATALOG + "\n").getBytes(StandardCharsets.US_ASCII), megabytes);
        pdf.stream(4, "/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode", data);
        return pdf.xrefStream(5, Map.of(1, new long[] {2, 4, 0}), "", null);
    }

    /** The cross-reference stream itself inflates to {@code megabytes} MB: its six entries, then zeros. */
    public static byte[] xrefStreamBomb(long megabytes) {
        Pdf pdf = new Pdf();
        pdf.obj(1, CATALOG);
        pdf.obj(2, PAGES);
        pdf.obj(3, PAGE);
        return pdf.xrefStream(4, Map.of(), "", megabytes);
    }

    /** The page's content stream inflates to {@code megabytes} MB (PDFBox decodes page content by streaming). */
    public static byte[] contentStreamBomb(long megabytes) {
        Pdf pdf = new Pdf();
        pdf.obj(1, CATALOG);
        pdf.obj(2, PAGES);
        pdf.obj(3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>");
        pdf.stream(4, "/Filter /FlateDecode", zlibZeros("BT ET\n".getBytes(StandardCharsets.US_ASCII), megabytes));
        return pdf.classicXref(4);
    }

    /** A content stream whose /Length claims 100 GB. */
    public static byte[] hugeLength() {
        Pdf pdf = new Pdf();
        pdf.obj(1, CATALOG);
        pdf.obj(2, PAGES);
        pdf.obj(3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>");
        pdf.raw(4, "<< /Length 107374182400 >>\nstream\nBT /F1 12 Tf 72 720 Td (x) Tj ET\nendstream");
        return pdf.classicXref(4);
    }

    /** A /Length that refers to an object that refers back to the first. */
    public static byte[] lengthLoop() {
        Pdf pdf = new Pdf();
        pdf.obj(1, CATALOG);
        pdf.obj(2, PAGES);
        pdf.obj(3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>");
        pdf.raw(4, "<< /Length 5 0 R >>\nstream\nBT ET\nendstream");
        pdf.obj(5, "6 0 R");
        pdf.obj(6, "5 0 R");
        return pdf.classicXref(6);
    }

    /** A cross-reference stream whose /Prev is its own offset. */
    public static byte[] prevLoop() {
        Pdf pdf = new Pdf();
        pdf.obj(1, CATALOG);
        pdf.obj(2, PAGES);
        pdf.obj(3, PAGE);
        return pdf.xrefStream(4, Map.of(), "/Prev SELF", null);
    }

    /** The catalog, in an object stream, carries an array nested {@code depth} deep. */
    public static byte[] deepNestingInObjectStream(int depth) {
        Pdf pdf = new Pdf();
        pdf.obj(2, PAGES);
        pdf.obj(3, PAGE);
        String catalog = "<< /Type /Catalog /Pages 2 0 R /X " + "[".repeat(depth) + "]".repeat(depth) + " >>";
        byte[] body = ("1 0 " + catalog + "\n").getBytes(StandardCharsets.US_ASCII);
        pdf.stream(4, "/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode", deflate(body));
        return pdf.xrefStream(5, Map.of(1, new long[] {2, 4, 0}), "", null);
    }

    /** A page tree whose root lists itself as its only kid. */
    public static byte[] pageTreeLoop() {
        Pdf pdf = new Pdf();
        pdf.obj(1, CATALOG);
        pdf.obj(2, "<< /Type /Pages /Kids [2 0 R] /Count 1 >>");
        return pdf.classicXref(2);
    }

    // ------------------------------------------------------------------------------------------------ writing

    /** Objects with their offsets; the file ends in a classic xref table or a cross-reference stream. */
    private static final class Pdf {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final Map<Integer, Long> offsets = new TreeMap<>();

        Pdf() {
            ascii("%PDF-1.7\n%\u00e2\u00e3\n");
        }

        void ascii(String s) {
            out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
        }

        void obj(int n, String body) {
            raw(n, body);
        }

        void raw(int n, String body) {
            offsets.put(n, (long) out.size());
            ascii(n + " 0 obj\n" + body + "\nendobj\n");
        }

        void stream(int n, String dict, byte[] data) {
            offsets.put(n, (long) out.size());
            ascii(n + " 0 obj\n<< " + dict + " /Length " + data.length + " >>\nstream\n");
            out.writeBytes(data);
            ascii("\nendstream\nendobj\n");
        }

        byte[] classicXref(int last) {
            long xref = out.size();
            StringBuilder x = new StringBuilder("xref\n0 " + (last + 1) + "\n0000000000 65535 f \n");
            for (int i = 1; i <= last; i++) {
                x.append(String.format("%010d 00000 n \n", offsets.getOrDefault(i, 0L)));
            }
            x.append("trailer\n<< /Size ").append(last + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref)
                    .append("\n%%EOF\n");
            ascii(x.toString());
            return out.toByteArray();
        }

        /**
         * @param compressed object number → {type 2, object stream, index}
         * @param extra      more trailer keys; "SELF" stands for this stream's own offset
         * @param bombMb     when set, the stream is deflated and followed by this many MB of zeros
         */
        byte[] xrefStream(int n, Map<Integer, long[]> compressed, String extra, Long bombMb) {
            long self = out.size();
            offsets.put(n, self);
            int size = n + 1;
            ByteArrayOutputStream entries = new ByteArrayOutputStream();
            for (int i = 0; i < size; i++) {
                long[] e = compressed.get(i);
                if (i == 0) {
                    entry(entries, 0, 0, 65535);
                } else if (e != null) {
                    entry(entries, e[0], e[1], e[2]);
                } else {
                    entry(entries, 1, offsets.getOrDefault(i, 0L), 0);
                }
            }
            byte[] data = bombMb == null ? entries.toByteArray() : zlibZeros(entries.toByteArray(), bombMb);
            String filter = bombMb == null ? "" : " /Filter /FlateDecode";
            ascii(n + " 0 obj\n<< /Type /XRef /Size " + size + " /W [1 4 2] /Root 1 0 R" + filter + " "
                    + extra.replace("SELF", Long.toString(self)) + " /Length " + data.length + " >>\nstream\n");
            out.writeBytes(data);
            ascii("\nendstream\nendobj\nstartxref\n" + self + "\n%%EOF\n");
            return out.toByteArray();
        }

        private static void entry(ByteArrayOutputStream b, long type, long field2, long field3) {
            b.write((int) type);
            for (int shift = 24; shift >= 0; shift -= 8) {
                b.write((int) (field2 >> shift) & 0xFF);
            }
            b.write((int) (field3 >> 8) & 0xFF);
            b.write((int) field3 & 0xFF);
        }
    }

    // ------------------------------------------------------------------------------------------------ deflate

    static byte[] deflate(byte[] data) {
        Deflater d = new Deflater(9);
        d.setInput(data);
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        while (!d.finished()) {
            out.write(buf, 0, d.deflate(buf));
        }
        d.end();
        return out.toByteArray();
    }

    /** A zlib stream of {@code prefix} followed by {@code megabytes} MB of zero bytes, about 1 kB per MB. */
    static byte[] zlibZeros(byte[] prefix, long megabytes) {
        Deflater d = new Deflater(9, true);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x78);
        out.write(0xDA);
        byte[] mb = new byte[1 << 20];
        push(d, prefix, Deflater.NO_FLUSH, out);
        push(d, mb, Deflater.SYNC_FLUSH, out);
        ByteArrayOutputStream chunk = new ByteArrayOutputStream();
        push(d, mb, Deflater.SYNC_FLUSH, chunk);
        byte[] repeated = chunk.toByteArray();
        for (long i = 2; i <= megabytes; i++) {
            out.writeBytes(repeated);
        }
        d.finish();
        push(d, new byte[0], Deflater.NO_FLUSH, out);
        d.end();
        // Adler-32 of prefix + zeros: zeros leave the first sum alone and add it to the second once per byte
        Adler32 a = new Adler32();
        a.update(prefix);
        long s1 = a.getValue() & 0xFFFF;
        long s2 = (a.getValue() >>> 16) & 0xFFFF;
        long zeros = Math.max(megabytes, 1) << 20;
        s2 = (s2 + s1 * (zeros % 65521)) % 65521;
        long adler = (s2 << 16) | s1;
        for (int shift = 24; shift >= 0; shift -= 8) {
            out.write((int) (adler >> shift) & 0xFF);
        }
        return out.toByteArray();
    }

    private static void push(Deflater d, byte[] in, int flush, ByteArrayOutputStream out) {
        d.setInput(in);
        byte[] buf = new byte[1 << 16];
        while (true) {
            int n = d.deflate(buf, 0, buf.length, flush);
            out.write(buf, 0, n);
            if (d.finished() || (n < buf.length && d.needsInput())) {
                return;
            }
        }
    }
}
