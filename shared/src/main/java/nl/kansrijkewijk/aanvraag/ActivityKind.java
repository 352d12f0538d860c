package nl.kansrijkewijk.aanvraag;

/** Toelichting art. 2: new activities, extension of existing ones, continuation of existing ones. */
public enum ActivityKind {
    NIEUW,
    UITBREIDING,
    VOORTZETTING
}
