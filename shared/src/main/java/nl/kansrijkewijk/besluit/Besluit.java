package nl.kansrijkewijk.besluit;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;
import nl.kansrijkewijk.aanvraag.AanvraagKind;
import nl.kansrijkewijk.finding.Trail;
import nl.kansrijkewijk.money.PercentJson;

/**
 * The decision outline: what the draft beschikking states. One {@link OnderdeelBesluit} per onderdeel and,
 * where the Bijlage splits it (Amsterdam), per focusgebied.
 *
 * <p>Money words (the same in JSON, tables and workpapers; Toelichting art. 2: the uitkering "zal … exclusief BTW
 * worden toegekend", the btw component estimated at 5 % and paid into the BTW-compensatiefonds):
 * <ul>
 *   <li>{@code requested}, {@code maximum}, {@code refused}, {@code grantedInclBtw}: inclusief btw, the basis of
 *       the Bijlage and of section B; {@code grantedInclBtw = requested − refused} is what counts against the
 *       maximum;</li>
 *   <li>{@code btwComponent}: the estimate (btwPercent of grantedInclBtw) paid into the BTW-compensatiefonds;</li>
 *   <li>{@code granted}: the uitkering verleend, exclusief btw = grantedInclBtw − btwComponent;</li>
 *   <li>{@code voorschot}: art. 13(4), 100 % of {@code granted}, paid in {@code installments} (exclusief btw).</li>
 * </ul>
 *
 * @param kenmerk               deterministic kenmerk of the case
 * @param regelingId            the regeling version applied (e.g. "kansrijke-wijk-2023")
 * @param submissionDate        the date typed on the form (A.datum), null when blank
 * @param receivedOn            the date the ministry received the upload (Europe/Amsterdam), null when unknown
 * @param timelinessDate        the date the art. 10 windows were judged on: receivedOn, else submissionDate
 * @param timelinessBasis       Dutch: which date that is ("datum van ontvangst", or the typed date when receipt is unknown)
 * @param decisionDeadline      internal deadline for the reviewer (art. 13(1); for a wijziging the reading of
 *                              the Toelichting on art. 13). NOT the date of the letter: the letter is dated when
 *                              it is signed
 * @param decisionDeadlineBasis Dutch: how the deadline follows from the regeling
 * @param periodFrom            art. 13(2)(d): first day of the period the uitkering covers
 * @param periodThrough         art. 13(2)(d): last day (spending deadline, art. 11(2))
 * @param rejectedWhole         non-null when the whole aanvraag (or the whole wijziging) is refused: the reason
 * @param installments          the voorschot per year over all onderdelen (exclusief btw), summing to totalVoorschot
 * @param wijziging             only for a wijziging: what was granted and paid before, and what changes
 */
public record Besluit(
        String kenmerk,
        String regelingId,
        String gemeente,
        String gemeentecode,
        List<String> focusgebieden,
        AanvraagKind kind,
        LocalDate submissionDate,
        LocalDate receivedOn,
        LocalDate timelinessDate,
        String timelinessBasis,
        LocalDate decisionDeadline,
        String decisionDeadlineBasis,
        LocalDate periodFrom,
        LocalDate periodThrough,
        String rejectedWhole,
        List<OnderdeelBesluit> onderdelen,
        BigDecimal totalRequested,
        BigDecimal totalRefused,
        BigDecimal totalGrantedInclBtw,
        BigDecimal totalBtw,
        BigDecimal totalGranted,
        BigDecimal totalVoorschot,
        SortedMap<Integer, BigDecimal> installments,
        WijzigingBesluit wijziging) {

    /**
     * @param refusals            each part refused, with reason and article (art. 13(3)); amounts inclusief btw
     * @param grantedInclBtw      requested − refused, counted against the Bijlage maximum
     * @param btwPercent          Toelichting art. 2 estimate (5 %, 0 % for SEO and OJK)
     * @param btwComponent        btwPercent of grantedInclBtw, paid into the BTW-compensatiefonds
     * @param granted             the uitkering verleend, exclusief btw (grantedInclBtw − btwComponent)
     * @param voorschot           art. 13(4): 100 % of granted
     * @param installmentsInclBtw grantedInclBtw per year along the Bijlage termijnen (inclusief btw, as the Bijlage)
     * @param installments        the voorschot per year (exclusief btw), summing to voorschot; for an accepted
     *                            wijziging the years already paid keep what was paid
     * @param wijziging           only for a wijziging: eerder verleend, al betaald, nieuw verleend, nog te betalen
     *                            or te verrekenen, and the art. 10(4) test
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
            BigDecimal refused,
            List<Refusal> refusals,
            BigDecimal grantedInclBtw,
            @JsonSerialize(using = PercentJson.class) BigDecimal btwPercent,
            BigDecimal btwComponent,
            BigDecimal granted,
            BigDecimal voorschot,
            SortedMap<Integer, BigDecimal> installmentsInclBtw,
            SortedMap<Integer, BigDecimal> installments,
            WijzigingRegel wijziging,
            Trail trail) {}

    /** A refused part: the amount (inclusief btw), the reason in Dutch, the article, and the finding's rule id. */
    public record Refusal(BigDecimal amount, String reason, String article, String rule, Integer activity) {}

    /**
     * One onderdeel (per focusgebied where split) of a wijziging. Amounts exclusief btw unless named InclBtw.
     *
     * @param previousKnown           false when the previous verlening gives no amount for this group (then the
     *                                previous amounts are € 0 and the reviewer must supply them)
     * @param previousGrantedInclBtw  eerder verleend, inclusief btw (against the maximum)
     * @param previousGranted         eerder verleend, exclusief btw
     * @param alreadyPaid             al betaald, per year (exclusief btw)
     * @param alreadyPaidTotal        their sum
     * @param newlyGranted            nieuw verleend, exclusief btw (= the group's granted)
     * @param stillToPay              nog te betalen in the remaining termijnen (newlyGranted − alreadyPaidTotal, when ≥ 0)
     * @param toSettle                te verrekenen (alreadyPaidTotal − newlyGranted, when > 0): more paid than now granted
     * @param changeInclBtw           requested − previousGrantedInclBtw (signed): the change asked for
     * @param changePercent           |change| as a percentage of previousGrantedInclBtw (null when that is 0)
     * @param meetsThreshold          art. 10(4)(a): |change| ≥ 25 % of the previous budget, or a new budget
     */
    public record WijzigingRegel(
            boolean previousKnown,
            BigDecimal previousGrantedInclBtw,
            BigDecimal previousGranted,
            SortedMap<Integer, BigDecimal> alreadyPaid,
            BigDecimal alreadyPaidTotal,
            BigDecimal newlyGranted,
            BigDecimal stillToPay,
            BigDecimal toSettle,
            BigDecimal changeInclBtw,
            @JsonSerialize(using = PercentJson.class) BigDecimal changePercent,
            boolean meetsThreshold) {}

    /**
     * The wijziging as a whole.
     *
     * @param refused             true when the wijziging is refused: the verleningsbeschikking stays as it is; the
     *                            onderdelen then keep their previous amounts and the refusals name the change
     * @param previousKenmerk     kenmerk of the verleningsbeschikking the wijziging changes (as typed), or null
     * @param previousSource      where the previous verlening came from (e.g. the form's "verleend" column)
     * @param paidThrough         termijnen with a payment moment on or before this date count as paid
     * @param totalChangeInclBtw  total requested − total previously granted (inclusief btw), signed
     */
    public record WijzigingBesluit(
            boolean refused,
            String previousKenmerk,
            String previousSource,
            LocalDate paidThrough,
            BigDecimal totalPreviousGranted,
            BigDecimal totalAlreadyPaid,
            BigDecimal totalNewlyGranted,
            BigDecimal totalStillToPay,
            BigDecimal totalToSettle,
            BigDecimal totalChangeInclBtw) {}
}
