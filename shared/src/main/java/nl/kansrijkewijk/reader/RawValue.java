package nl.kansrijkewijk.reader;

import nl.kansrijkewijk.finding.Location;

/**
 * A field's value as the document shows it, before interpretation.
 *
 * @param text     the text as typed (a number or date cell rendered as Dutch text); "" when blank
 * @param location where it was read
 * @param problem  Dutch reason when the cell itself holds no usable value (e.g. a formula error), else null
 */
record RawValue(String text, Location location, String problem) {
    boolean blank() {
        return problem == null && (text == null || text.isBlank());
    }
}
