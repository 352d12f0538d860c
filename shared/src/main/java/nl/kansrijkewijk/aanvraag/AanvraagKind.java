package nl.kansrijkewijk.aanvraag;

/** Art. 10: a first aanvraag (eerste lid) or a wijziging of the verleningsbeschikking (derde lid). */
public enum AanvraagKind {
    AANVRAAG,
    WIJZIGING
}
