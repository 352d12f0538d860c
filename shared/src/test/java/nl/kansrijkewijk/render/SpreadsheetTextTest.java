package nl.kansrijkewijk.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SpreadsheetTextTest {
    @ParameterizedTest
    @ValueSource(strings = {"=1+1", "+31 6 1234", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "\uFF1D1+1", "\uFF0B1",
            "\uFF0D1", "\uFF201", "=cmd|' /C calc'!A0"})
    void formulaStartsGetAnApostrophe(String value) {
        assertEquals("'" + value, SpreadsheetText.safe(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"De aanvraag", "Activiteit 3 = 12", "'al geciteerd", " =spatie ervoor", "€ 1.000", "1-2-2023"})
    void otherTextIsUnchanged(String value) {
        assertEquals(value, SpreadsheetText.safe(value));
    }

    @Test
    void controlCharactersAreDroppedAndLengthIsCapped() {
        assertEquals("ab\tc\nd", SpreadsheetText.safe("a\u0000b\tc\nd\u0007"));
        assertEquals("", SpreadsheetText.safe(null));
        String longText = "x".repeat(40_000);
        String safe = SpreadsheetText.safe(longText);
        assertEquals(SpreadsheetText.MAX_CELL_CHARS, safe.length());
        assertTrue(safe.endsWith("…"));
        // a control character in front must not hide a formula behind it
        assertEquals("'=1", SpreadsheetText.safe("\u0000=1"));
    }
}
