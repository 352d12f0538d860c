package nl.kansrijkewijk.reader;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import nl.kansrijkewijk.limits.Deadline;
import nl.kansrijkewijk.limits.Limits;
import nl.kansrijkewijk.reader.UnreadableDocumentException.Reason;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Bounds what a PDF inflates to before anything reads it. PDFBox decodes a stream when it is first used and has
 * no cap of its own: a 4 MB upload whose page content inflates to 4 GB kept the reader busy for 35 s. Every
 * stream stored directly in the file (content, fonts, form XObjects, object streams) is inflated once here
 * through PDFBox's own filters, counting bytes and discarding them; past the bound (or the deadline) reading
 * stops at once. Images are left out: nothing the readers do decodes them.
 */
final class PdfStreams {
    private PdfStreams() {}

    static void checkDecodedSize(PDDocument doc, Limits limits, Deadline deadline) throws UnreadableDocumentException {
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        for (Map.Entry<COSObjectKey, Long> e : doc.getDocument().getXrefTable().entrySet()) {
            if (e.getValue() == null || e.getValue() < 0) {
                continue; // inside an object stream: never a stream itself
            }
            deadline.check();
            COSObject object = doc.getDocument().getObjectFromPool(e.getKey());
            COSBase base = object == null ? null : object.getObject();
            if (!(base instanceof COSStream stream) || COSName.IMAGE.equals(stream.getCOSName(COSName.SUBTYPE))) {
                continue;
            }
            try (InputStream in = stream.createInputStream()) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    total += n;
                    if (total > limits.maxDecodedStreamBytes()) {
                        throw new UnreadableDocumentException(Reason.TE_GROOT, "De PDF is uitgepakt veel groter dan "
                                + "een aanvraagformulier (meer dan " + (limits.maxDecodedStreamBytes() >> 20) + " MB) "
                                + "en wordt niet gelezen. Sla het formulier opnieuw op als PDF, zonder ingevoegde "
                                + "bijlagen of afbeeldingen, en upload het nog eens.",
                                "PDF streams inflate beyond " + limits.maxDecodedStreamBytes() + " bytes (object "
                                        + e.getKey() + ")");
                    }
                    if ((total & 0xFFFFF) < n) {
                        deadline.check();
                    }
                }
            } catch (IOException | RuntimeException ex) {
                if (ex instanceof Deadline.Exceeded d) {
                    throw d;
                }
                // A stream that does not decode is judged by the reader that needs it (if any does).
            }
        }
    }
}
