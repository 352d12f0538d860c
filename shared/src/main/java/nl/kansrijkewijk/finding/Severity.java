package nl.kansrijkewijk.finding;

import com.fasterxml.jackson.annotation.JsonValue;

/** Ordered from most to least serious; reports sort on this order. */
public enum Severity {
    /** That amount or activity is refused (art. 13, derde lid). */
    AFWIJZING("afwijzing"),
    /** A reviewer must look before signing. */
    WAARSCHUWING("waarschuwing"),
    /** For the record; changes nothing. */
    INFO("info");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }
}
