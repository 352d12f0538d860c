package nl.kansrijkewijk.processing;

import java.util.Optional;
import nl.kansrijkewijk.aanvraag.Aanvraag;
import nl.kansrijkewijk.regeling.Regeling;
import nl.kansrijkewijk.regeling.RegelingCatalogus;

/**
 * The gemeente of the upload folder ({@code inbox/GM0363/…}) is authoritative: it is what the gemeente's access
 * rights allow it to write. A document for another gemeente is refused rather than judged, so that no concept for
 * Rotterdam is ever filed under (and readable by) Amsterdam.
 */
final class UploadFolderCheck {
    static final String UNKNOWN_FOLDER = "map-onbekend";
    static final String OTHER_GEMEENTE = "andere-gemeente";

    private UploadFolderCheck() {}

    /** @return the Dutch message when the folder's code is no gemeente of any version of the regeling */
    static Optional<String> unknownFolder(Receipt receipt, RegelingCatalogus catalogus) {
        String code = receipt.gemeenteCode();
        if (code == null) {
            return Optional.empty();
        }
        boolean known = catalogus.versions().stream().anyMatch(r -> r.gemeenteByCbsCode(code).isPresent());
        return known ? Optional.empty() : Optional.of("De map inbox/" + code + "/ hoort niet bij een gemeente van de "
                + "Regeling kansrijke wijk. Upload het formulier in de map van uw eigen gemeente: inbox/ gevolgd door "
                + "de CBS-code van de gemeente, bijvoorbeeld inbox/GM0363/ voor Amsterdam.");
    }

    /**
     * The form names its gemeente by name and by CBS code; the name decides when both are filled in (a wrong code
     * next to a right name is a finding of the checks, not a reason to refuse). A form whose gemeente is no
     * regeling gemeente at all is left to the checks as well.
     *
     * @return the Dutch message when the form is another gemeente's than the folder's
     */
    static Optional<String> otherGemeente(Receipt receipt, Aanvraag aanvraag, Regeling regeling) {
        if (receipt.gemeenteCode() == null) {
            return Optional.empty();
        }
        Optional<Regeling.Gemeente> folder = regeling.gemeenteByCbsCode(receipt.gemeenteCode());
        Optional<Regeling.Gemeente> form = regeling.gemeente(aanvraag.gemeente())
                .or(() -> regeling.gemeenteByCbsCode(aanvraag.gemeentecode()));
        if (folder.isEmpty() || form.isEmpty() || form.get().cbsCode().equals(folder.get().cbsCode())) {
            return Optional.empty();
        }
        Regeling.Gemeente f = form.get();
        Regeling.Gemeente m = folder.get();
        return Optional.of("Dit formulier is van de gemeente " + f.name() + ", maar is geüpload in de map van "
                + m.name() + " (" + m.cbsCode() + "). Upload het in de map van " + f.name() + " (inbox/"
                + f.cbsCode() + "/).");
    }
}
