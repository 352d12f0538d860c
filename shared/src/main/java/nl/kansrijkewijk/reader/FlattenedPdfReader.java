package nl.kansrijkewijk.reader;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.kansrijkewijk.aanvraag.Source.DocumentShape;
import nl.kansrijkewijk.finding.Location;
import nl.kansrijkewijk.form.PdfLayout;
import nl.kansrijkewijk.limits.Deadline;
import nl.kansrijkewijk.limits.Limits;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.font.PDCIDFontType2;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.encoding.GlyphList;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Reads the form "printed to PDF": no fields, only page text. The generator's layout says where each field's box
 * is; text whose centre falls inside a box is that field's value. A print may shift or scale the page slightly,
 * so each page is first aligned on two anchors the form prints everywhere: the running title (top left) and
 * "pagina n van m" (bottom right), which also identifies the page when pages were dropped or reordered.
 */
final class FlattenedPdfReader {
    private static final float TOLERANCE = 1.5f;
    private static final Pattern FOOTER = Pattern.compile("pagina(\\d{1,4})van(\\d{1,4})");

    private FlattenedPdfReader() {}

    record Glyph(String text, float x, float baseline, float width, float size) {
        float centreX() {
            return x + width / 2;
        }
    }

    /** Maps printed coordinates back to layout coordinates. */
    record Transform(float sx, float sy, float ox, float oy) {
        static final Transform IDENTITY = new Transform(1, 1, 0, 0);

        Glyph apply(Glyph g) {
            return new Glyph(g.text, (g.x - ox) / sx, (g.baseline - oy) / sy, g.width / sx, g.size / sy);
        }
    }

    static RawForm read(PDDocument doc, String documentName, Limits limits, Deadline deadline) throws IOException {
        Map<Integer, List<Glyph>> pages = glyphs(doc, limits.maxPages(), deadline);
        Set<String> versions = new LinkedHashSet<>();
        PDDocumentInformation info = doc.getDocumentInformation();
        if (info != null) {
            PdfFormReader.addVersions(versions, info.getKeywords());
        }
        RawForm raw = new RawForm(DocumentShape.PDF_FLATTENED, versions, limits.maxTextLength());
        PdfLayout layout = PdfLayout.standard();
        String title = squash(PdfLayout.headerText());
        for (Map.Entry<Integer, List<Glyph>> e : pages.entrySet()) {
            int physical = e.getKey();
            List<List<Glyph>> lines = lines(e.getValue());
            Glyph header = null;
            Glyph footer = null;
            int printedPage = -1;
            int printedTotal = -1;
            for (List<Glyph> line : lines) {
                String s = squashGlyphs(line);
                PdfFormReader.addVersions(versions, text(line));
                if (s.toLowerCase(Locale.ROOT).contains("regelingkansrijkewijk")) {
                    raw.titleSeen = true;
                }
                int t = s.indexOf(title);
                if (t >= 0 && (header == null || nonSpace(line).get(t).baseline < header.baseline)) {
                    header = nonSpace(line).get(t);
                }
                Matcher m = FOOTER.matcher(s);
                if (m.find()) {
                    footer = nonSpace(line).get(m.start());
                    printedPage = Integer.parseInt(m.group(1));
                    printedTotal = Integer.parseInt(m.group(2));
                }
            }
            int logical = footer != null ? printedPage : physical;
            if (logical < 1 || logical > layout.pages().size()) {
                continue;
            }
            Transform t = transform(header, footer, printedPage, printedTotal);
            PdfLayout.Page lp = layout.pages().get(logical - 1);
            Map<String, List<Glyph>> byField = new TreeMap<>();
            for (Glyph g : e.getValue()) {
                Glyph l = t.apply(g);
                float cx = l.centreX();
                float cy = l.baseline - 0.3f * l.size;
                for (PdfLayout.Field f : lp.fields()) {
                    if (cx >= f.x() - TOLERANCE && cx <= f.x() + f.w() + TOLERANCE
                            && cy >= f.y() - TOLERANCE && cy <= f.y() + f.h() + TOLERANCE) {
                        byField.computeIfAbsent(f.key(), k -> new ArrayList<>()).add(l);
                        break;
                    }
                }
            }
            for (PdfLayout.Field f : lp.fields()) {
                List<Glyph> gs = byField.getOrDefault(f.key(), List.of());
                raw.put(f.key(), new RawValue(assemble(gs), Location.field(documentName, physical, f.key()), null));
            }
        }
        return raw;
    }

    static Transform transform(Glyph header, Glyph footer, int page, int total) {
        if (header != null && footer != null) {
            float ex = PdfLayout.footerX(page, total) - PdfLayout.LEFT;
            float ey = PdfLayout.FOOTER_BASELINE - PdfLayout.HEADER_BASELINE;
            float sx = (footer.x - header.x) / ex;
            float sy = (footer.baseline - header.baseline) / ey;
            if (sx > 0.5f && sx < 2f && sy > 0.5f && sy < 2f) {
                return new Transform(sx, sy, header.x - sx * PdfLayout.LEFT, header.baseline - sy * PdfLayout.HEADER_BASELINE);
            }
        }
        if (header != null) {
            return new Transform(1, 1, header.x - PdfLayout.LEFT, header.baseline - PdfLayout.HEADER_BASELINE);
        }
        if (footer != null) {
            return new Transform(1, 1, footer.x - PdfLayout.footerX(page, total),
                    footer.baseline - PdfLayout.FOOTER_BASELINE);
        }
        return Transform.IDENTITY;
    }

    /** Text of a field's glyphs: lines top to bottom, glyphs left to right, a space where a gap shows one. */
    static String assemble(List<Glyph> glyphs) {
        StringBuilder out = new StringBuilder();
        for (List<Glyph> line : lines(glyphs)) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(text(line));
        }
        return out.toString().replaceAll("\\s+", " ").strip();
    }

    private static String text(List<Glyph> line) {
        StringBuilder b = new StringBuilder();
        Glyph prev = null;
        for (Glyph g : line) {
            if (prev != null && g.x - (prev.x + prev.width) > 0.15f * Math.max(g.size, 1)
                    && !prev.text.isBlank() && !g.text.isBlank()) {
                b.append(' ');
            }
            b.append(g.text);
            prev = g;
        }
        return b.toString();
    }

    static List<List<Glyph>> lines(List<Glyph> glyphs) {
        List<Glyph> sorted = new ArrayList<>(glyphs);
        sorted.sort(Comparator.comparingDouble(Glyph::baseline).thenComparingDouble(Glyph::x));
        List<List<Glyph>> lines = new ArrayList<>();
        List<Glyph> current = null;
        float base = 0;
        for (Glyph g : sorted) {
            if (current == null || Math.abs(g.baseline - base) > 0.5f * Math.max(g.size, 1)) {
                current = new ArrayList<>();
                lines.add(current);
                base = g.baseline;
            }
            current.add(g);
        }
        for (List<Glyph> l : lines) {
            l.sort(Comparator.comparingDouble(Glyph::x));
        }
        return lines;
    }

    private static List<Glyph> nonSpace(List<Glyph> line) {
        List<Glyph> out = new ArrayList<>();
        for (Glyph g : line) {
            for (int i = 0; i < g.text.length(); i++) {
                if (!Character.isWhitespace(g.text.charAt(i))) {
                    out.add(g);
                }
            }
        }
        return out;
    }

    private static String squashGlyphs(List<Glyph> line) {
        StringBuilder b = new StringBuilder();
        for (Glyph g : line) {
            b.append(g.text);
        }
        return squash(b.toString());
    }

    private static String squash(String s) {
        return s.replaceAll("\\s+", "");
    }

    private static Map<Integer, List<Glyph>> glyphs(PDDocument doc, int maxPages, Deadline deadline)
            throws IOException {
        Collector c = new Collector(deadline);
        c.setStartPage(1);
        c.setEndPage(Math.min(doc.getNumberOfPages(), maxPages));
        c.writeText(doc, Writer.nullWriter());
        return c.pages;
    }

    /**
     * Ghostscript's pdfwrite (behind many "print to PDF" drivers) writes a ToUnicode map that turns glyphs outside
     * Latin-1 into Latin-1 characters: € becomes ¬, ’ becomes 9, – becomes 3. The embedded subset keeps its glyph
     * names, so when the name denotes a character beyond Latin-1 while the map claims a single Latin-1 character, the
     * name is believed. A correct map never disagrees that way, so other PDFs read as before.
     */
    static String repairedUnicode(TextPosition t) {
        String u = t.getUnicode();
        if (u == null || u.length() != 1 || u.charAt(0) > 0xFF
                || !(t.getFont() instanceof PDType0Font type0)
                || !(type0.getDescendantFont() instanceof PDCIDFontType2 cid)) {
            return u;
        }
        try {
            int[] codes = t.getCharacterCodes();
            var post = codes.length == 1 && cid.isEmbedded() ? cid.getTrueTypeFont().getPostScript() : null;
            String name = post == null ? null : post.getName(cid.codeToGID(codes[0]));
            String byName = name == null ? null : GlyphList.getAdobeGlyphList().toUnicode(name);
            return byName != null && byName.length() == 1 && byName.charAt(0) > 0xFF ? byName : u;
        } catch (IOException | RuntimeException e) {
            return u;
        }
    }

    /** Collects every glyph with its position; PDFTextStripper's own line building is not used. */
    private static final class Collector extends PDFTextStripper {
        final Map<Integer, List<Glyph>> pages = new TreeMap<>();
        private final Deadline deadline;

        Collector(Deadline deadline) {
            this.deadline = deadline;
        }

        @Override
        protected void startPage(org.apache.pdfbox.pdmodel.PDPage page) throws IOException {
            deadline.check();
            super.startPage(page);
        }

        @Override
        protected void processTextPosition(TextPosition t) {
            String u = repairedUnicode(t);
            if (u == null || u.isEmpty()) {
                return;
            }
            float size = t.getFontSizeInPt() > 0 ? t.getFontSizeInPt() : t.getHeightDir();
            pages.computeIfAbsent(getCurrentPageNo(), k -> new ArrayList<>())
                    .add(new Glyph(u, t.getXDirAdj(), t.getYDirAdj(), t.getWidthDirAdj(), size));
        }
    }
}
