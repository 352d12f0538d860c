package nl.kansrijkewijk.processing;

import nl.kansrijkewijk.aanvraag.Aanvraag;
import nl.kansrijkewijk.aanvraag.AanvraagKind;

/**
 * What an upload is, recognised by its content, never by its file name or folder. Every upload enters through
 * {@link AanvraagProcessor#process(Receipt, byte[])}; that is the seam where a further kind is recognised before
 * the aanvraag reader is tried: the SiSa verantwoording workbook (art. 15) is the next one, and is not built yet,
 * so a verantwoording today is {@link #ONBEKEND} and gets the unreadable-document report.
 */
public enum DocumentKind {
    /** The aanvraagformulier KW-2023-1, filled in as a first aanvraag (art. 10, eerste lid). */
    AANVRAAG,
    /** The same form, filled in as a wijziging of the verleningsbeschikking (art. 10, derde lid). */
    WIJZIGING,
    /** The SiSa verantwoording (art. 15): not recognised yet. */
    VERANTWOORDING,
    /** Not a document the service knows. */
    ONBEKEND;

    public static DocumentKind of(Aanvraag aanvraag) {
        return aanvraag.kind() == AanvraagKind.WIJZIGING ? WIJZIGING : AANVRAAG;
    }
}
