package nl.kansrijkewijk.render;

import com.openhtmltopdf.extend.FSCacheEx;
import com.openhtmltopdf.extend.FSCacheValue;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder.PdfAConformance;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.kansrijkewijk.hash.Sha256;
import nl.kansrijkewijk.money.DutchDates;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;

/**
 * Renders an XHTML page to a tagged PDF that is PDF/A-2a and PDF/UA-1 (PDF/A-2, not -3: the Nationaal Archief
 * advises against PDF/A-3 for archiving, as it allows arbitrary embedded files): fonts embedded from the classpath
 * (DejaVu Sans; no system font lookup, which is slow and would make output depend on the machine), an sRGB
 * output intent, the structure tree openhtmltopdf derives from the HTML, and no external resources at all.
 *
 * <p>Output is byte-for-byte reproducible: the creation and modification dates (document information and
 * XMP) are the given document date, and the file identifier is a hash of the XHTML, so the same input
 * gives the same bytes and a different input a different identifier.
 */
public final class AccessiblePdf {
    /** The CSS font-family name every style sheet of this package uses. */
    public static final String FONT_FAMILY = "DejaVu Sans";
    public static final PdfAConformance CONFORMANCE = PdfAConformance.PDFA_2_A;
    static final String PRODUCER = "Kansrijke Wijk documentservice (openhtmltopdf, Apache PDFBox)";

    private static final byte[] REGULAR = withoutGlyphSubstitution(resource("/fonts/DejaVuSans.ttf"));
    private static final byte[] BOLD = withoutGlyphSubstitution(resource("/fonts/DejaVuSans-Bold.ttf"));
    private static final byte[] OBLIQUE = withoutGlyphSubstitution(resource("/fonts/DejaVuSans-Oblique.ttf"));
    private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
    /** Font metrics survive between renders: the first document in a JVM pays for parsing the fonts once. */
    private static final MapCache FONT_METRICS = new MapCache();

    private static final DateTimeFormatter XMP_DATE_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
    private static final Pattern XMP_DATE = Pattern.compile(
            "(<xmp:(CreateDate|ModifyDate|MetadataDate)>)[^<]*(</xmp:\\2>)|(xmp:(CreateDate|ModifyDate|MetadataDate)=\")[^\"]*(\")");

    private AccessiblePdf() {}

    /**
     * @param xhtml        a complete XHTML document with {@code lang} on {@code html} and a {@code title}
     * @param documentDate the date recorded as creation and modification date (start of day, Amsterdam)
     */
    public static byte[] render(String xhtml, LocalDate documentDate) {
        RenderLog.install();
        ZonedDateTime start = documentDate.atStartOfDay(DutchDates.AMSTERDAM);
        Calendar date = GregorianCalendar.from(start);
        PdfRendererBuilder builder = new PdfRendererBuilder()
                .usePdfAConformance(CONFORMANCE)
                .usePdfUaAccessibility(true)
                .useColorProfile(SRGB)
                .withProducer(PRODUCER)
                .useCacheStore(PdfRendererBuilder.CacheStore.PDF_FONT_METRICS, FONT_METRICS)
                // Nothing is ever fetched: the page is self-contained and user text must not reach out.
                .useExternalResourceAccessControl((uri, type) -> false,
                        ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI)
                .useExternalResourceAccessControl((uri, type) -> false,
                        ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI)
                .withHtmlContent(xhtml, null);
        builder.useFont(() -> new ByteArrayInputStream(REGULAR), FONT_FAMILY, 400, FontStyle.NORMAL, true);
        builder.useFont(() -> new ByteArrayInputStream(BOLD), FONT_FAMILY, 700, FontStyle.NORMAL, true);
        builder.useFont(() -> new ByteArrayInputStream(OBLIQUE), FONT_FAMILY, 400, FontStyle.ITALIC, true);
        builder.useFont(() -> new ByteArrayInputStream(OBLIQUE), FONT_FAMILY, 400, FontStyle.OBLIQUE, true);

        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
            renderer.createPDFWithoutClosing();
            PDDocument doc = renderer.getPdfDocument();
            fixDates(doc, date, XMP_DATE_FORMAT.format(start));
            fixIdentifier(doc, xhtml);
            doc.save(out);
        } catch (IOException e) {
            throw new UncheckedIOException("rendering PDF failed", e);
        }
        return out.toByteArray();
    }

    /** openhtmltopdf stamps "now" into the document information and the XMP; PDF/A wants both equal. */
    private static void fixDates(PDDocument doc, Calendar date, String iso) throws IOException {
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setCreationDate(date);
        info.setModificationDate(date);
        PDMetadata metadata = doc.getDocumentCatalog().getMetadata();
        if (metadata == null) {
            return;
        }
        String xmp;
        try (InputStream in = metadata.exportXMPMetadata()) {
            xmp = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher m = XMP_DATE.matcher(xmp);
        StringBuilder fixed = new StringBuilder();
        while (m.find()) {
            String replacement = m.group(1) != null ? m.group(1) + iso + m.group(3) : m.group(4) + iso + m.group(6);
            m.appendReplacement(fixed, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(fixed);
        String result = fixed.toString();
        if (!result.contains("xmp:ModifyDate") && result.contains("</xmp:CreateDate>")) {
            // the document information carries a ModDate; PDF/A wants its XMP twin next to CreateDate
            result = result.replace("</xmp:CreateDate>", "</xmp:CreateDate>\n         <xmp:ModifyDate>" + iso
                    + "</xmp:ModifyDate>");
        }
        metadata.importXMPMetadata(result.getBytes(StandardCharsets.UTF_8));
    }

    /** Without an /ID, PDFBox derives one from the clock; a content hash keeps the bytes reproducible. */
    private static void fixIdentifier(PDDocument doc, String xhtml) {
        byte[] id = Arrays.copyOf(Sha256.digest(xhtml.getBytes(StandardCharsets.UTF_8)), 16);
        COSArray ids = new COSArray();
        ids.add(new COSString(id, true));
        ids.add(new COSString(id, true));
        doc.getDocument().getTrailer().setItem(COSName.ID, ids);
    }

    /**
     * PDFBox 3 applies a font's GSUB substitutions when it writes text, so DejaVu's "fi" and "fl" ligatures end up
     * in the text layer as U+FB01/U+FB02 and a search for "specifieke" finds nothing. Renaming the GSUB table in
     * the font's table directory hides it from PDFBox: every character keeps its own glyph. Dutch text needs no
     * other substitution, and the subset PDFBox embeds never contained GSUB anyway.
     */
    static byte[] withoutGlyphSubstitution(byte[] ttf) {
        byte[] copy = ttf.clone();
        int tables = ((copy[4] & 0xff) << 8) | (copy[5] & 0xff);
        for (int i = 0; i < tables; i++) {
            int at = 12 + 16 * i;
            if (copy[at] == 'G' && copy[at + 1] == 'S' && copy[at + 2] == 'U' && copy[at + 3] == 'B') {
                copy[at + 3] = 'X';
            }
        }
        return copy;
    }

    private static byte[] resource(String path) {
        try (InputStream in = AccessiblePdf.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Thread-safe cache for openhtmltopdf's font metrics; keys are font identities, so it stays small. */
    private static final class MapCache implements FSCacheEx<String, FSCacheValue> {
        private final Map<String, FSCacheValue> map = new ConcurrentHashMap<>();

        @Override
        public void put(String key, FSCacheValue value) {
            map.put(key, value);
        }

        @Override
        public FSCacheValue get(String key, Callable<? extends FSCacheValue> loader) {
            return map.computeIfAbsent(key, k -> {
                try {
                    return loader.call();
                } catch (Exception e) {
                    throw new IllegalStateException("font metrics for " + k, e);
                }
            });
        }

        @Override
        public FSCacheValue get(String key) {
            return map.get(key);
        }
    }
}
