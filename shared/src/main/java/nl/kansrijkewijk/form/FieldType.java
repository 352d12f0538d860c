package nl.kansrijkewijk.form;

/** What a form field holds; decides how the readers interpret the typed text and how the XLSX cell is typed. */
public enum FieldType {
    TEXT,
    LONG_TEXT,
    GEMEENTE,
    GEMEENTECODE,
    FOCUSGEBIED,
    AANVRAAG_SOORT,
    DATE,
    AMOUNT,
    YES_NO,
    COUNT,
    ONDERDEEL,
    ACTIVITY_SOORT,
    ART6,
    ART9,
    OBJECTIVES,
    ONTWIKKELGEBIED,
    BRIN,
    BRIN_LIST;

    public boolean multiline() {
        return this == LONG_TEXT;
    }
}
