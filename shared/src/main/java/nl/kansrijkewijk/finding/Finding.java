package nl.kansrijkewijk.finding;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;

/**
 * One outcome of a check.
 *
 * @param rule          stable rule id from the catalogue (e.g. "SEO-UITSLUITING-TEKST")
 * @param article       citation, e.g. "art. 8, tweede lid, onder d"
 * @param severity      afwijzing / waarschuwing / info
 * @param message       Dutch text for the reviewer and the gemeente
 * @param location      where in the uploaded document
 * @param trail         inputs and computation that led here
 * @param onderdeel     onderdeel code the finding is about, or null
 * @param focusgebied   focusgebied the finding is about, or null
 * @param activity      activity number the finding is about, or null
 * @param refusedAmount amount (inclusief btw) this finding takes off the request; null when none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Finding(
        String rule,
        String article,
        Severity severity,
        String message,
        Location location,
        Trail trail,
        String onderdeel,
        String focusgebied,
        Integer activity,
        BigDecimal refusedAmount) {}
