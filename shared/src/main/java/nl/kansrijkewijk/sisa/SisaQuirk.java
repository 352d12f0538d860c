package nl.kansrijkewijk.sisa;

/**
 * What real SiSa workbooks look like after a person had them: the fixtures use these to prove the reader survives
 * them. The clean workbook has none.
 */
public enum SisaQuirk {
    /** Amounts typed as Dutch text ("€ 12.345,67") instead of numbers. */
    TEXT_AMOUNTS,
    /** Indicator codes in the older style "E99 / 01" whatever the year's configuration says. */
    SPACED_CODES,
    /** A hidden helper row and an extra note row between the value rows. */
    EXTRA_ROWS,
    /** Cumulatieve besteding as a formula over the row's own cells (cached value kept). */
    FORMULAS,
    /** Every indicator in one wide block instead of wrapped blocks. */
    ONE_BLOCK
}
