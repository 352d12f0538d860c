package nl.kansrijkewijk.verantwoording;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.kansrijkewijk.finding.Finding;
import nl.kansrijkewijk.finding.Trail;

/**
 * The proposed vaststelling of the uitkering (art. 15) after the verantwoording over the last year, per onderdeel and
 * focusgebied, every amount with its trail back to the documents and the articles. A proposal: the reviewer's
 * beoordeling and the four-eyes vaststelling of the dossier decide.
 *
 * @param ambtshalve              art. 15(3): the information over the last year did not arrive within 18 months
 * @param ontvangenLaatsteJaar    receipt of the verantwoording over the last year; null when none arrived
 * @param vaststellingUiterlijk   art. 15(1): receipt + 13 weeks; null without receipt
 * @param mededelingTerugvorderingUiterlijk art. 15(4): receipt + one year; null without receipt
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Vaststelling(
        String schema,
        String kenmerk,
        String regelingId,
        String gemeente,
        String cbsCode,
        List<String> verleningKenmerken,
        boolean ambtshalve,
        LocalDate eindeBestedingstermijn,
        LocalDate ontvangenLaatsteJaar,
        LocalDate vaststellingUiterlijk,
        LocalDate mededelingTerugvorderingUiterlijk,
        List<Jaar> jaren,
        List<Regel> regels,
        BigDecimal totaalVerleend,
        BigDecimal totaalUitbetaald,
        BigDecimal totaalBesteed,
        BigDecimal totaalNietAanvaard,
        BigDecimal totaalVastgesteld,
        BigDecimal totaalTerugTeVorderen,
        BigDecimal totaalNabetaling,
        List<Finding> findings) {

    public static final String SCHEMA = "kw-vaststelling/1";

    /** The verantwoording that counts for a year, and whether it arrived in time (art. 15(3)). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Jaar(int verslagjaar, String document, String sha256, LocalDate ontvangen, boolean tijdig,
            boolean correctie, boolean meegeteld) {}

    /**
     * One onderdeel (per focusgebied where split).
     *
     * @param besteed       reported spending over all years (besteding plus corrections)
     * @param nietAanvaard  reported spending that does not count (after the bestedingstermijn; information not received
     *                      in time when the vaststelling is ambtshalve)
     * @param trails        per amount ("verleend", "uitbetaald", "besteed", "vastgesteld", "terugTeVorderen")
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Regel(String onderdeel, String naam, String focusgebied, BigDecimal verleend, BigDecimal uitbetaald,
            BigDecimal besteed, BigDecimal nietAanvaard, BigDecimal vastgesteld, BigDecimal terugTeVorderen,
            BigDecimal nabetaling, Map<String, Trail> trails) {}
}
