package nl.kansrijkewijk.besluit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;
import nl.kansrijkewijk.aanvraag.AanvraagKind;
import nl.kansrijkewijk.check.Trail;

/**
 * The decision outline: what the draft beschikking prints. One {@link OnderdeelBesluit} per onderdeel and,
 * where the Bijlage splits it (Amsterdam), per focusgebied.
 *
 * @param kenmerk          deterministic kenmerk derived from the upload's content hash
 * @param regelingId       the regeling version applied (e.g. "kansrijke-wijk-2023")
 * @param decisionDeadline art. 13(1): the date by which the minister must decide
 * @param periodFrom       art. 13(2)(d): first day of the period the uitkering covers
 * @param periodThrough    art. 13(2)(d): last day (spending deadline, art. 11(2))
 * @param rejectedWhole    non-null when the whole aanvraag is refused (e.g. outside the window): the reason
 */
public record Besluit(
        String kenmerk,
        String regelingId,
        String gemeente,
        String gemeentecode,
        List<String> focusgebieden,
        AanvraagKind kind,
        LocalDate submissionDate,
        LocalDate decisionDeadline,
        LocalDate periodFrom,
        LocalDate periodThrough,
        String rejectedWhole,
        List<OnderdeelBesluit> onderdelen,
        BigDecimal totalRequested,
        BigDecimal totalGranted,
        BigDecimal totalRefused,
        BigDecimal totalBtw,
        BigDecimal totalPayable,
        SortedMap<Integer, BigDecimal> payableInstallments) {

    /**
     * @param refusals       each part refused, with reason and article (art. 13(3))
     * @param btwPercent     Toelichting art. 2 estimate (5 %, 0 % for SEO and OJK)
     * @param btwComponent   deducted from the granted amount and paid into the BTW-compensatiefonds
     * @param payable        granted − btwComponent
     * @param installments   art. 13(4): granted amount per year (inclusief btw), summing to granted
     * @param payableInstallments installments less their btw share, summing to payable
     */
    public record OnderdeelBesluit(
            String onderdeel,
            String name,
            String legalBasis,
            String maximumArticle,
            String focusgebied,
            SortedMap<Integer, BigDecimal> requestedPerYear,
            BigDecimal requested,
            BigDecimal maximum,
            BigDecimal granted,
            BigDecimal refused,
            List<Refusal> refusals,
            BigDecimal btwPercent,
            BigDecimal btwComponent,
            BigDecimal payable,
            SortedMap<Integer, BigDecimal> installments,
            SortedMap<Integer, BigDecimal> payableInstallments,
            Trail trail) {}

    /** A refused part: the amount, the reason in Dutch, the article, and the finding's rule id. */
    public record Refusal(BigDecimal amount, String reason, String article, String rule, Integer activity) {}
}
