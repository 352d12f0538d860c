package nl.kansrijkewijk.aanvraag;

import java.math.BigDecimal;
import java.util.List;
import java.util.SortedMap;

/**
 * One activity of section C. A Boolean is null when the question was left blank.
 *
 * @param number                    the activity's number in the form (1-based)
 * @param onderdeel                 onderdeel code, null if unreadable
 * @param focusgebied               canonical focusgebied name
 * @param kind                      nieuw / uitbreiding / voortzetting (Toelichting art. 2)
 * @param art6Aspect                VEE only: letter a–g of art. 6(2), or "anders"
 * @param art9Activity              OJK only: letter a–e of art. 9(2)
 * @param onderwijsassistent        OJK only: an onderwijsassistent is deployed (art. 9(2)(e))
 * @param onderwijsassistentDiploma OJK only: the diploma as typed ("mbo niveau 3", "mbo-4", "hbo", ...)
 * @param objectives                INT only: onderdeel codes whose objective it serves (art. 4(1))
 * @param budget                    amount per year (inclusief btw)
 * @param otherGovernmentFunding    art. 2(4): the gemeente already receives government funding for it
 * @param compensableBtw            art. 2(5): btw in the budget compensable via the BTW-compensatiefonds
 * @param onderbouwing              art. 12(1): how it contributes to the objective
 * @param outsideSchoolHours        SEO only: voor- or naschools, outside onderwijstijd (art. 8(1), 8(2)(a))
 * @param ontwikkelgebied           SEO only: art. 8(1) area
 * @param schools                   SEO only: BRIN/vestigingsnummers of the schools where it runs
 * @param newActivity               wijziging only: not described in the original aanvraag (art. 10(4)(b))
 */
public record Activity(
        int number,
        String onderdeel,
        String focusgebied,
        String name,
        String description,
        ActivityKind kind,
        String art6Aspect,
        String art9Activity,
        Boolean onderwijsassistent,
        String onderwijsassistentDiploma,
        List<String> objectives,
        SortedMap<Integer, BigDecimal> budget,
        Boolean otherGovernmentFunding,
        BigDecimal compensableBtw,
        String onderbouwing,
        Boolean outsideSchoolHours,
        String ontwikkelgebied,
        List<String> schools,
        Boolean newActivity) {

    public BigDecimal total() {
        return budget.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
    }

    /** Form field key prefix of this activity, e.g. "C.4". */
    public String fieldPrefix() {
        return "C." + number;
    }
}
