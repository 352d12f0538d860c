package nl.kansrijkewijk.form;

import java.util.List;

/**
 * The field keys of the aanvraagformulier, shared by the PDF (AcroForm field names), the XLSX (a key column
 * next to every value) and every finding's location. Keys are stable once shipped: a form in the hands of a
 * gemeente must stay readable. README.md ("The aanvraagformulier") documents each field.
 */
public final class FormFields {
    /** Printed on every page and in the workbook; readers use it to recognise the form. */
    public static final String FORM_VERSION = "KW-2023-1";
    public static final String FORM_TITLE = "Aanvraagformulier Regeling kansrijke wijk";

    public static final int MAX_FOCUSGEBIEDEN = 2;
    public static final int MAX_ACTIVITIES = 60;
    public static final int MAX_SCHOOLS = 40;
    public static final List<Integer> YEARS = List.of(2023, 2024, 2025);
    /** Section B rows, in form order (art. 3 to 9). */
    public static final List<String> ONDERDELEN = List.of("ORG", "INT", "ARM", "VEE", "REI", "SEO", "OJK");

    // A. Aanvrager
    public static final String A_GEMEENTE = "A.gemeente";
    public static final String A_GEMEENTECODE = "A.gemeentecode";
    public static final String A_SOORT = "A.soort";
    public static final String A_KENMERK = "A.kenmerk";
    public static final String A_DATUM = "A.datum";
    public static final String A_ONDERTEKENAAR_NAAM = "A.ondertekenaar.naam";
    public static final String A_ONDERTEKENAAR_FUNCTIE = "A.ondertekenaar.functie";
    public static final String A_CONTACT_NAAM = "A.contact.naam";
    public static final String A_CONTACT_EMAIL = "A.contact.email";
    public static final String A_CONTACT_TELEFOON = "A.contact.telefoon";

    // D. School en omgeving
    public static final String D_COALITIE_NAAM = "D.coalitie.naam";
    public static final String D_SCHOLEN_FOCUSGEBIED = "D.coalitie.scholenFocusgebied";
    public static final String D_SCHOLEN_IN_COALITIE = "D.coalitie.scholenInCoalitie";

    // E. Verklaringen
    public static final String E_PROGRAMMAORGANISATIE = "E.programmaorganisatie";
    public static final String E_ALLIANTIEOVERLEG = "E.alliantieoverleg";
    public static final String E_GEEN_DUBBELFINANCIERING = "E.geenDubbelfinanciering";
    public static final String E_STAATSSTEUN = "E.staatssteun";

    // C. Activiteiten: sub-keys of "C.<n>."
    public static final String C_ONDERDEEL = "onderdeel";
    public static final String C_FOCUSGEBIED = "focusgebied";
    public static final String C_NAAM = "naam";
    public static final String C_OMSCHRIJVING = "omschrijving";
    public static final String C_SOORT = "soort";
    public static final String C_ART6 = "art6";
    public static final String C_ART9 = "art9";
    public static final String C_ONDERWIJSASSISTENT = "onderwijsassistent";
    public static final String C_DIPLOMA = "diploma";
    public static final String C_DOELSTELLINGEN = "doelstellingen";
    public static final String C_OVERHEID = "overheidsvergoeding";
    public static final String C_BTW_COMPENSABEL = "btwCompensabel";
    public static final String C_ONDERBOUWING = "onderbouwing";
    public static final String C_BUITEN_ONDERWIJSTIJD = "buitenOnderwijstijd";
    public static final String C_ONTWIKKELGEBIED = "ontwikkelgebied";
    public static final String C_SCHOLEN = "scholen";
    public static final String C_NIEUW = "nieuweActiviteit";

    // D. school rows: sub-keys of "D.school.<n>."
    public static final String D_NAAM = "naam";
    public static final String D_BRIN = "brin";
    public static final String D_IN_FOCUSGEBIED = "inFocusgebied";
    public static final String D_IN_COALITIE = "inCoalitie";

    private FormFields() {}

    /** "A.focusgebied.1" / "A.focusgebied.2". */
    public static String focusgebied(int slot) {
        return "A.focusgebied." + slot;
    }

    /** "B.ARM.fg1" — prefix of a section B row. */
    public static String budgetRow(String onderdeel, int focusgebiedSlot) {
        return "B." + onderdeel + ".fg" + focusgebiedSlot;
    }

    /** "B.ARM.fg1.2024". */
    public static String budget(String onderdeel, int focusgebiedSlot, int year) {
        return budgetRow(onderdeel, focusgebiedSlot) + "." + year;
    }

    /** "B.ARM.fg1.totaal". */
    public static String budgetTotal(String onderdeel, int focusgebiedSlot) {
        return budgetRow(onderdeel, focusgebiedSlot) + ".totaal";
    }

    /** "B.ARM.fg1.verleend" — wijziging only: the amount currently granted for the row. */
    public static String budgetGranted(String onderdeel, int focusgebiedSlot) {
        return budgetRow(onderdeel, focusgebiedSlot) + ".verleend";
    }

    /** "C.4.naam". */
    public static String activity(int number, String sub) {
        return "C." + number + "." + sub;
    }

    /** "C.4.begroting.2024". */
    public static String activityBudget(int number, int year) {
        return "C." + number + ".begroting." + year;
    }

    /** "D.school.3.brin". */
    public static String school(int number, String sub) {
        return "D.school." + number + "." + sub;
    }
}
