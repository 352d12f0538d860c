package nl.kansrijkewijk.aanvraag;

/** Section E: the college's statements; null = not answered. */
public record Declarations(
        Boolean programmaorganisatie,
        Boolean alliantieoverleg,
        Boolean noDoubleFunding,
        Boolean stateAidChecked) {}
