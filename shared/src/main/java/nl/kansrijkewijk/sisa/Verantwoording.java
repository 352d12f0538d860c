package nl.kansrijkewijk.sisa;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import nl.kansrijkewijk.finding.Finding;

/**
 * What a SiSa bijlage of the regeling says for one gemeente and one verslagjaar (art. 14), as read.
 *
 * @param correctie   the sheet says it is a correction of an earlier delivery for the same year ("Soort levering")
 * @param leesFindings VJ-LEES-WAARDE findings: values that could not be read and do not count
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Verantwoording(
        String documentName,
        String sha256,
        String gemeente,
        String cbsCode,
        int verslagjaar,
        String uitkeringscode,
        LocalDate versionDate,
        boolean correctie,
        List<VerantwoordingRegel> regels,
        List<Finding> leesFindings) {

    public Verantwoording {
        regels = List.copyOf(regels);
        leesFindings = leesFindings == null ? List.of() : List.copyOf(leesFindings);
    }

    public Optional<VerantwoordingRegel> regel(String key) {
        return regels.stream().filter(r -> r.key().equals(key)).findFirst();
    }
}
