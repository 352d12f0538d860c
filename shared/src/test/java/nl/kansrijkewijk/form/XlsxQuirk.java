package nl.kansrijkewijk.form;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Things real users do to a workbook; the filler can apply them so tests and fixtures exercise the reader. */
public enum XlsxQuirk {
    /** Blank rows inserted between questions, activities and schools. */
    BLANK_ROWS("blank-rows"),
    /** Answer cells merged with the next column, label cells merged across rows, a merged title. */
    MERGED_CELLS("merged-cells"),
    /** Amounts stored as text exactly as typed ("€ 1.234.567,00") instead of numbers. */
    TEXT_AMOUNTS("text-amounts"),
    /** Section B totals as =SUM(…) and activity amounts as sums (=250000+260000), with cached results. */
    FORMULAS("formulas"),
    /** A hidden sheet of the user's own, and one of the form's sheets hidden. */
    HIDDEN_SHEET("hidden-sheet"),
    /** Dates stored as real Excel dates instead of text. */
    EXCEL_DATES("excel-dates");

    private final String specName;

    XlsxQuirk(String specName) {
        this.specName = specName;
    }

    /** The name used in fixture specs, e.g. "blank-rows". */
    public String specName() {
        return specName;
    }

    public static XlsxQuirk fromSpecName(String name) {
        for (XlsxQuirk q : values()) {
            if (q.specName.equalsIgnoreCase(name.strip())) {
                return q;
            }
        }
        throw new IllegalArgumentException("unknown xlsx quirk '" + name + "'; known: "
                + Arrays.stream(values()).map(XlsxQuirk::specName).collect(Collectors.joining(", ")));
    }
}
