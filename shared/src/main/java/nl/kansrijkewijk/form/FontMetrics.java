package nl.kansrijkewijk.form;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * Text widths of the shipped DejaVu fonts, without a PDF document: the layout (and the flattened-PDF reader,
 * which recomputes the layout) must measure text the same way the generator renders it.
 */
public final class FontMetrics {
    public enum Face {
        REGULAR("/fonts/DejaVuSans.ttf"),
        BOLD("/fonts/DejaVuSans-Bold.ttf"),
        OBLIQUE("/fonts/DejaVuSans-Oblique.ttf");

        public final String resource;

        Face(String resource) {
            this.resource = resource;
        }
    }

    private static final FontMetrics[] LOADED = new FontMetrics[Face.values().length];

    private final float[] advance;
    private final CmapLookup cmap;

    private FontMetrics(TrueTypeFont ttf) throws IOException {
        this.cmap = ttf.getUnicodeCmapLookup();
        int n = ttf.getNumberOfGlyphs();
        float upem = ttf.getUnitsPerEm();
        this.advance = new float[n];
        for (int gid = 0; gid < n; gid++) {
            advance[gid] = ttf.getAdvanceWidth(gid) / upem;
        }
    }

    public static synchronized FontMetrics of(Face face) {
        FontMetrics m = LOADED[face.ordinal()];
        if (m == null) {
            try (InputStream in = FontMetrics.class.getResourceAsStream(face.resource)) {
                if (in == null) {
                    throw new IllegalStateException("font missing from the classpath: " + face.resource);
                }
                TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(in));
                try {
                    m = new FontMetrics(ttf);
                } finally {
                    ttf.close();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            LOADED[face.ordinal()] = m;
        }
        return m;
    }

    /** Width in points of text at a font size; characters the font lacks count as the replacement glyph. */
    public float width(String text, float size) {
        float w = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            int gid = cmap.getGlyphId(cp);
            w += gid > 0 && gid < advance.length ? advance[gid] : advance[0];
        }
        return w * size;
    }

    public boolean canDisplay(int codePoint) {
        return cmap.getGlyphId(codePoint) > 0;
    }

    /** Greedy word wrap; a word longer than the width is broken by character. Explicit newlines are kept. */
    public List<String> wrap(String text, float size, float maxWidth) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\\R", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" ")) {
                if (word.isEmpty()) {
                    continue;
                }
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (width(candidate, size) <= maxWidth) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                while (width(word, size) > maxWidth && word.length() > 1) {
                    int cut = word.length() - 1;
                    while (cut > 1 && width(word.substring(0, cut), size) > maxWidth) {
                        cut--;
                    }
                    lines.add(word.substring(0, cut));
                    word = word.substring(cut);
                }
                line.append(word);
            }
            lines.add(line.toString());
        }
        return lines;
    }
}
