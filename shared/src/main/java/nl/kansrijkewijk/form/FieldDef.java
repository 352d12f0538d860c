package nl.kansrijkewijk.form;

/**
 * One field of the aanvraagformulier.
 *
 * @param key       the FormFields key ("C.4.begroting.2024")
 * @param section   "A" … "E"
 * @param label     Dutch label naming the field unambiguously, used in messages ("Activiteit 4: begroting 2024")
 * @param caption   the short caption printed next to the field and used as column header ("Begroting 2024")
 * @param help      Dutch tooltip: what to fill in and which values are allowed
 * @param type      how the value is read
 * @param article   the provision of the regeling the field serves
 * @param group     activity or school number, or null
 * @param sub       the key part after the group prefix ("begroting.2024", "naam", "2023"), or null for single fields
 * @param onderdeel onderdeel code for section B fields, else null
 */
public record FieldDef(
        String key,
        String section,
        String label,
        String caption,
        String help,
        FieldType type,
        String article,
        Integer group,
        String sub,
        String onderdeel) {

    /** Tooltip text (PDF /TU): caption plus help. */
    public String tooltip() {
        return help == null || help.isBlank() ? label : label + ". " + help;
    }
}
