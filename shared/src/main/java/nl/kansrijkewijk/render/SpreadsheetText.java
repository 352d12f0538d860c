package nl.kansrijkewijk.render;

/**
 * Makes text safe for a spreadsheet cell. Text typed into an uploaded form may start like a formula
 * ("=HYPERLINK(…)", "+31…", "-", "@SUM(…)"): stored as a string cell it is not evaluated, but a reviewer who
 * edits the cell, or exports the sheet to CSV and opens that, would turn it into a live formula. Such values
 * get a leading apostrophe (the OWASP advice for CSV/formula injection), which also shows the reviewer the
 * value was neutralised. Characters XML cannot carry are dropped, and overlong text is cut to what a cell holds.
 */
public final class SpreadsheetText {
    /** Excel's limit for the text of one cell. */
    public static final int MAX_CELL_CHARS = 32_767;

    private SpreadsheetText() {}

    public static String safe(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 1);
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Xhtml.isXmlChar(cp)) {
                b.appendCodePoint(cp);
            }
        }
        String clean = b.toString();
        if (startsLikeFormula(clean)) {
            clean = "'" + clean;
        }
        if (clean.length() > MAX_CELL_CHARS) {
            int cut = MAX_CELL_CHARS - 1;
            if (Character.isHighSurrogate(clean.charAt(cut - 1))) {
                cut--;
            }
            clean = clean.substring(0, cut) + "…";
        }
        return clean;
    }

    /**
     * The characters spreadsheet programs read as the start of a formula, including the full-width forms
     * some of them normalise, and tab / carriage return (which can shift a CSV export into the next cell).
     */
    static boolean startsLikeFormula(String s) {
        if (s.isEmpty()) {
            return false;
        }
        char c = s.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r'
                || c == '\uFF1D' || c == '\uFF0B' || c == '\uFF0D' || c == '\uFF20';
    }
}
