package nl.kansrijkewijk.form;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import nl.kansrijkewijk.hash.Sha256;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

/** Saves PDFs byte-identically for identical content: fixed dates and a document ID derived from the content. */
final class PdfBytes {
    private PdfBytes() {}

    /** The regeling's entry into force (art. 18): the date every generated form carries. */
    static Calendar fixedDate() {
        GregorianCalendar c = new GregorianCalendar(TimeZone.getTimeZone("Europe/Amsterdam"));
        c.clear();
        c.set(2023, Calendar.JULY, 1, 0, 0, 0);
        return c;
    }

    static void fixDates(PDDocument doc) {
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setCreationDate(fixedDate());
        info.setModificationDate(fixedDate());
    }

    /**
     * Saves twice: first with a zero ID, then with the ID set to a digest of those bytes, so the ID is derived
     * from the content and PDFBox never falls back to its time-based ID.
     */
    static byte[] save(PDDocument doc) throws IOException {
        fixDates(doc);
        setId(doc, new byte[16]);
        byte[] first = write(doc);
        setId(doc, Arrays.copyOf(Sha256.digest(first), 16));
        return write(doc);
    }

    private static void setId(PDDocument doc, byte[] id) {
        COSArray array = new COSArray();
        array.add(new COSString(id));
        array.add(new COSString(id));
        doc.getDocument().getTrailer().setItem(COSName.ID, array);
    }

    private static byte[] write(PDDocument doc) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
        doc.save(out);
        return out.toByteArray();
    }
}
