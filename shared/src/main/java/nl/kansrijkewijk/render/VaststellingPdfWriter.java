package nl.kansrijkewijk.render;

import java.time.LocalDate;
import nl.kansrijkewijk.regeling.Regeling;
import nl.kansrijkewijk.verantwoording.Vaststelling;

/**
 * Writes concept-vaststellingsbeschikking.pdf (art. 15; terugvordering in the same letter, see {@link VaststellingHtml}):
 * PDF/A-2a and PDF/UA-1 like the verleningsbeschikking, "CONCEPT" on every page, dated by the receipt of the last
 * verantwoording (else the end of the bestedingstermijn) so the same dossier gives the same bytes.
 */
public final class VaststellingPdfWriter {
    public static final String FILE_NAME = "concept-vaststellingsbeschikking.pdf";

    public byte[] write(Vaststelling v, Regeling regeling) {
        return AccessiblePdf.render(xhtml(v, regeling), documentDate(v));
    }

    public String xhtml(Vaststelling v, Regeling regeling) {
        return VaststellingHtml.build(v, regeling);
    }

    static LocalDate documentDate(Vaststelling v) {
        return v.ontvangenLaatsteJaar() != null ? v.ontvangenLaatsteJaar() : v.eindeBestedingstermijn();
    }
}
