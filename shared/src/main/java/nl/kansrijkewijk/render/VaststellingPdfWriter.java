package nl.kansrijkewijk.render;

import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import nl.kansrijkewijk.regeling.Regeling;
import nl.kansrijkewijk.verantwoording.Vaststelling;

/**
 * Writes concept-vaststellingsbeschikking.pdf (art. 15; terugvordering in the same letter, see {@link VaststellingHtml}):
 * PDF/A-2a and PDF/UA-1 like the verleningsbeschikking, "CONCEPT" on every page, dated by the receipt of the last
 * verantwoording (else the end of the bestedingstermijn) so the same dossier gives the same bytes.
 */
public final class VaststellingPdfWriter {
    public static final String FILE_NAME = "concept-vaststellingsbeschikking.pdf";
    public static final String DEFINITIEF_PDF = "vaststellingsbeschikking.pdf";
    public static final String DEFINITIEF_DOCX = "vaststellingsbeschikking.docx";

    public byte[] write(Vaststelling v, Regeling regeling) {
        return AccessiblePdf.render(xhtml(v, regeling), documentDate(v));
    }

    /**
     * The letter after a reviewer acted: the beoordeling's motivering added to the concept; once a second reviewer
     * fixed the vaststelling, the definitive letter (no CONCEPT marks, no reviewer's box, dated on the vaststelling,
     * signed with the vaststeller's name) as PDF plus an editable DOCX, made from the same XHTML.
     */
    public SortedMap<String, byte[]> write(Vaststelling v, Regeling regeling, List<String> motivering,
                                           BeschikkingVariants.Vaststelling definitief) {
        String xhtml = BeschikkingVariants.revise(xhtml(v, regeling), motivering, definitief);
        SortedMap<String, byte[]> out = new TreeMap<>();
        if (definitief == null) {
            out.put(FILE_NAME, AccessiblePdf.render(xhtml, documentDate(v)));
        } else {
            out.put(DEFINITIEF_PDF, AccessiblePdf.render(xhtml, definitief.datum()));
            out.put(DEFINITIEF_DOCX, BeschikkingDocx.write(xhtml, definitief.datum()));
        }
        return out;
    }

    public String xhtml(Vaststelling v, Regeling regeling) {
        return VaststellingHtml.build(v, regeling);
    }

    static LocalDate documentDate(Vaststelling v) {
        return v.ontvangenLaatsteJaar() != null ? v.ontvangenLaatsteJaar() : v.eindeBestedingstermijn();
    }
}
