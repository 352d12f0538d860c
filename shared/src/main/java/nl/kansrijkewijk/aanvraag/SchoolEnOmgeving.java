package nl.kansrijkewijk.aanvraag;

import java.util.List;

/** Section D: the lokale coalitie (art. 8(1)) and its schools; null in an Aanvraag when the section is empty. */
public record SchoolEnOmgeving(
        String coalitieName,
        Integer schoolsInFocusgebied,
        Integer schoolsInFocusgebiedInCoalitie,
        List<School> schools) {

    public record School(int number, String name, String brin, Boolean inFocusgebied, Boolean inCoalitie) {}
}
