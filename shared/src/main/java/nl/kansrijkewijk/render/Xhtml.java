package nl.kansrijkewijk.render;

/**
 * A small XHTML writer. Every text that reaches it goes through {@link #text(String)}, so a value typed
 * into an uploaded form can never open a tag, an entity or an attribute (the PDF renderer parses the page
 * as XML; one stray "&lt;" would otherwise break or alter the document).
 */
final class Xhtml {
    private final StringBuilder out = new StringBuilder(32_768);
    private final boolean printed;

    /** A page for the browser: text as given. */
    Xhtml() {
        this(false);
    }

    /**
     * @param printed for a paged document: "€ 1.234" never breaks between the sign and the amount (the
     *                space becomes a no-break space)
     */
    Xhtml(boolean printed) {
        this.printed = printed;
    }

    /** Escapes for element content and attribute values, and drops what XML 1.0 cannot carry at all. */
    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            switch (cp) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (isXmlChar(cp)) {
                        b.appendCodePoint(cp);
                    } else if (cp == '\u000B' || cp == '\u000C') {
                        b.append(' ');
                    }
                    // other control characters and lone surrogates carry no meaning for a reader: dropped
                }
            }
        }
        return b.toString();
    }

    /** XML 1.0 "Char" production. A lone surrogate arrives here as a code point in the surrogate range. */
    static boolean isXmlChar(int cp) {
        return cp == 0x9 || cp == 0xA || cp == 0xD
                || (cp >= 0x20 && cp <= 0xD7FF)
                || (cp >= 0xE000 && cp <= 0xFFFD)
                || (cp >= 0x10000 && cp <= 0x10FFFF);
    }

    /** Appends markup written in this code base (never user text). */
    Xhtml raw(String markup) {
        out.append(markup);
        return this;
    }

    /** Appends escaped text. */
    Xhtml text(String s) {
        out.append(escape(printed && s != null ? s.replace("€ ", "€\u00a0") : s));
        return this;
    }

    /** {@code <tag class="cls">text</tag>} with the text escaped; cls may be null. */
    Xhtml element(String tag, String cls, String text) {
        open(tag, cls);
        text(text);
        return close(tag);
    }

    Xhtml open(String tag, String cls) {
        out.append('<').append(tag);
        if (cls != null) {
            out.append(" class=\"").append(escape(cls)).append('"');
        }
        out.append('>');
        return this;
    }

    Xhtml close(String tag) {
        out.append("</").append(tag).append('>');
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
