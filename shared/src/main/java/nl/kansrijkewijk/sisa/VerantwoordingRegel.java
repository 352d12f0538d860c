package nl.kansrijkewijk.sisa;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.Map;
import nl.kansrijkewijk.finding.Location;

/**
 * One row of the SiSa bijlage: the indicators for one onderdeel, per focusgebied where the Bijlage splits it.
 * Amounts in euros inclusief btw; null where the cell is empty or could not be read.
 *
 * @param focusgebied null for an onderdeel the Bijlage does not split (every gemeente but Amsterdam; ORG in Amsterdam)
 * @param locations   where each indicator (by configuration key) was read; empty for a row built in code
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VerantwoordingRegel(
        String onderdeel,
        String focusgebied,
        BigDecimal besteding,
        BigDecimal reserveVorigJaar,
        BigDecimal reservering,
        BigDecimal correctieVorigJaar,
        BigDecimal cumulatief,
        Boolean eindverantwoording,
        String toelichting,
        @JsonIgnore Map<String, Location> locations) {

    public VerantwoordingRegel {
        locations = locations == null ? Map.of() : Map.copyOf(locations);
    }

    /** A row as typed by hand (fixtures, tests): no locations. */
    public static VerantwoordingRegel of(String onderdeel, String focusgebied, BigDecimal besteding,
            BigDecimal reserveVorigJaar, BigDecimal reservering, BigDecimal correctieVorigJaar, BigDecimal cumulatief,
            Boolean eind, String toelichting) {
        return new VerantwoordingRegel(onderdeel, focusgebied, besteding, reserveVorigJaar, reservering,
                correctieVorigJaar, cumulatief, eind, toelichting, Map.of());
    }

    /** "ARM" or "ARM/Zuidoost": the key rows are matched on, across blocks and across years. */
    @JsonIgnore
    public String key() {
        return key(onderdeel, focusgebied);
    }

    public static String key(String onderdeel, String focusgebied) {
        return focusgebied == null ? onderdeel : onderdeel + "/" + focusgebied;
    }

    /** Where an indicator was read, else the document as a whole. */
    public Location location(String indicatorKey, String documentName) {
        Location l = locations.get(indicatorKey);
        return l != null ? l : Location.document(documentName);
    }
}
