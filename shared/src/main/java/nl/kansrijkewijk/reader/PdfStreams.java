package nl.kansrijkewijk.reader;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.kansrijkewijk.limits.Deadline;
import nl.kansrijkewijk.limits.Limits;
import nl.kansrijkewijk.reader.UnreadableDocumentException.Reason;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.filter.FilterFactory;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Bounds what a PDF inflates to before anything reads it. PDFBox decodes a stream when it is first used and has
 * no cap of its own: a 4 MB upload whose page content inflates to 4 GB kept the text extraction busy for 35 s
 * (287 s on a loaded machine), and COSStream.createInputStream, the obvious way to measure a stream, buffers the
 * whole decoded stream and exhausted an 870 MB heap on it. Every stream stored
 * directly in the file (content, fonts, form XObjects, object streams) is inflated once here through PDFBox's own
 * filters into a counting sink that keeps nothing (except between chained filters) and stops at the bound or
 * the deadline. Images are left out: nothing the readers do decodes them.
 */
final class PdfStreams {
    /** Image codecs: never decoded by the readers, so never inflated here. */
    private static final Set<String> IMAGE_FILTERS = Set.of("DCTDecode", "DCT", "JPXDecode", "JBIG2Decode",
            "CCITTFaxDecode", "CCF", "Crypt");

    private PdfStreams() {}

    /** Thrown by {@link Counting} past the bound; an IOException so that PDFBox's filters pass it on. */
    private static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super("decoded stream bound reached", null);
        }
    }

    /** Counts what a filter writes, keeps it only when a next filter needs it, and stops at the budget. */
    private static final class Counting extends OutputStream {
        private final long budget;
        private final ByteArrayOutputStream kept;
        private final Deadline deadline;
        long count;
        boolean exceeded;

        Counting(long budget, boolean keep, Deadline deadline) {
            this.budget = budget;
            this.kept = keep ? new ByteArrayOutputStream() : null;
            this.deadline = deadline;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if ((count >> 20) != ((count + len) >> 20)) {
                deadline.check();
            }
            count += len;
            if (count > budget) {
                exceeded = true;
                throw new TooLarge();
            }
            if (kept != null) {
                kept.write(b, off, len);
            }
        }
    }

    /**
     * @throws UnreadableDocumentException (te groot) when the streams together inflate beyond the bound
     */
    static void checkDecodedSize(PDDocument doc, Limits limits, Deadline deadline) throws UnreadableDocumentException {
        long total = 0;
        for (Map.Entry<COSObjectKey, Long> e : doc.getDocument().getXrefTable().entrySet()) {
            if (e.getValue() == null || e.getValue() < 0) {
                continue; // inside an object stream: never a stream itself
            }
            deadline.check();
            COSBase base;
            try {
                COSObject object = doc.getDocument().getObjectFromPool(e.getKey());
                base = object == null ? null : object.getObject();
            } catch (RuntimeException ex) {
                continue; // an object that does not parse is judged by the reader that needs it (if any does)
            }
            if (!(base instanceof COSStream stream) || COSName.IMAGE.equals(stream.getCOSName(COSName.SUBTYPE))) {
                continue;
            }
            total += decodedSize(stream, limits.maxDecodedStreamBytes() - total, deadline, limits, e.getKey());
        }
    }

    private static long decodedSize(COSStream stream, long budget, Deadline deadline, Limits limits, COSObjectKey key)
            throws UnreadableDocumentException {
        List<COSName> filters = filters(stream.getFilters());
        if (filters.stream().anyMatch(f -> IMAGE_FILTERS.contains(f.getName()))) {
            return 0;
        }
        try {
            InputStream in = stream.createRawInputStream();
            long size = stream.getLength();
            for (int i = 0; i < filters.size(); i++) {
                boolean last = i == filters.size() - 1;
                Counting out = new Counting(budget, !last, deadline);
                try (InputStream src = in) {
                    FilterFactory.INSTANCE.getFilter(filters.get(i)).decode(src, out, stream, i);
                } catch (TooLarge tooLarge) {
                    throw tooLarge;
                } catch (IOException | RuntimeException ex) {
                    if (ex instanceof Deadline.Exceeded d) {
                        throw d;
                    }
                    if (ex instanceof PdfDecodeBudget.Overrun) {
                        deadline.check(); // the budget stops at the deadline too
                        throw new TooLarge();
                    }
                    if (out.exceeded) {
                        throw new TooLarge();
                    }
                    return out.count; // a stream that does not decode: its reader will judge it
                }
                size = out.count;
                in = last ? null : new ByteArrayInputStream(out.kept.toByteArray());
            }
            return size;
        } catch (TooLarge tooLarge) {
            throw new UnreadableDocumentException(Reason.TE_GROOT, tooLargeMessage(limits), "PDF streams inflate beyond " + limits.maxDecodedStreamBytes()
                            + " bytes (object " + key + ")");
        } catch (IOException ex) {
            return 0; // the raw data cannot even be read: its reader will judge it
        }
    }

    static String tooLargeMessage(Limits limits) {
        return "De PDF is uitgepakt veel groter dan een aanvraagformulier (meer dan "
                + (limits.maxDecodedStreamBytes() >> 20) + " MB) en wordt niet gelezen. Sla het formulier opnieuw op "
                + "als PDF, zonder ingevoegde bijlagen of afbeeldingen, en upload het nog eens.";
    }

    private static List<COSName> filters(COSBase f) {
        if (f instanceof COSName n) {
            return List.of(n);
        }
        List<COSName> names = new ArrayList<>();
        if (f instanceof COSArray a) {
            for (int i = 0; i < a.size(); i++) {
                if (a.getObject(i) instanceof COSName n) {
                    names.add(n);
                }
            }
        }
        return names;
    }
}
