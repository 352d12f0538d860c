package nl.kansrijkewijk.dossier;

import java.time.Instant;
import java.util.List;

/**
 * The dossier of one gemeente as the projection of its events computes it ({@code dossier.json}); never stored as
 * the truth, always recomputed.
 *
 * @param zaken        one per kenmerk: the aanvraag ({@code -V}) and each wijziging ({@code -W1} …)
 * @param geschiedenis every event in the order the projection folds them
 */
public record DossierState(String schema, String gemeenteCode, List<Zaak> zaken,
                           List<VerantwoordingZaak> verantwoordingen,
                           nl.kansrijkewijk.verantwoording.VerantwoordingContext.Uitstel uitstel,
                           VaststellingZaak vaststelling, List<Regel> geschiedenis) {
    public static final String SCHEMA = "kw-dossier/1";

    /**
     * @param soort         "aanvraag" or "wijziging"
     * @param status        "concept", "beoordeeld", "vastgesteld", "onleesbaar"
     * @param huidigeUpload SHA-256 of the upload the case is decided on; earlier uploads are "vervangen"
     * @param beoordelingen ids of the beoordelingen in effect, in order
     * @param versie        the folder of the current outputs ({@link EventKeys#view}); earlier ones stay, listed
     *                      in {@code eerdereVersies}
     * @param verlening     the definitive verlening, once a second reviewer fixed it
     * @param versieHerkomst what produced the outputs in {@code versie} (the provenance of its concept event); it may
     *                      be an older code version than the one that wrote this file: a concept once made for a set
     *                      of inputs is not made again
     */
    public record Zaak(String kenmerk, String soort, String status, List<Upload> uploads, String huidigeUpload,
                       List<String> beoordelingen, List<Beoordeling.Reviewer> beoordelaars, String versie,
                       List<String> eerdereVersies, DossierEvent.VerleningVastgesteld verlening,
                       String getoetstAanVerlening, nl.kansrijkewijk.provenance.Provenance versieHerkomst) {}

    /** @param status "huidig", "vervangen", "onleesbaar", "na vaststelling ontvangen" */
    public record Upload(String sha256, String document, String versionId, String uploader, Instant ontvangen,
                         String shape, String status) {}

    /**
     * One line of the history: when, what, for which case, by whom, and what produced it (the provenance the
     * event was recorded with; absent for an event recorded before provenance was kept).
     */
    public record Regel(Instant at, String soort, String kenmerk, String door, String oorzaak,
                        nl.kansrijkewijk.provenance.Provenance herkomst) {}

    /**
     * A SiSa verantwoording received ({@code …-J2024}).
     *
     * @param status "geldt", "vervangen door correctie", "tweede levering zonder correctie, telt niet"
     * @param versie the folder of its check ({@code verantwoording.json}), named by a hash of its inputs
     */
    public record VerantwoordingZaak(String kenmerk, int verslagjaar, String sha256, String document, String uploader,
                                     Instant ontvangen, boolean correctie, String status, String versie) {}

    /**
     * The vaststelling ({@code …-S}) once the verantwoording over the last year is in.
     *
     * @param status        "concept", "beoordeeld" or "vastgesteld"
     * @param versie        the folder of vaststelling.json, the werkpapier and the concept-vaststellingsbeschikking
     *                      (once vastgesteld: the definitive vaststellingsbeschikking, PDF and DOCX)
     * @param beoordelingen ids of the beoordelingen in effect
     * @param vaststelling  the definitive vaststelling, once a second reviewer fixed it
     */
    public record VaststellingZaak(String kenmerk, String status, String versie, List<String> beoordelingen,
                                   List<Beoordeling.Reviewer> beoordelaars,
                                   DossierEvent.VaststellingVastgesteld vaststelling) {}
}
