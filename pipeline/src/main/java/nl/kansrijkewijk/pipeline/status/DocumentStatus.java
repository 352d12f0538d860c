package nl.kansrijkewijk.pipeline.status;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What the portal shows of one uploaded document: its receipt, where it is in the process and, once
 * processed, the outcome. Built from what the pipeline writes today; a dossier projection can produce the
 * same record later (see {@link StatusSource}).
 *
 * @param trackingId  the portal's id of the upload (the file name for uploads made straight to S3)
 * @param kenmerk     the case kenmerk from the decision outline; null until processed or when unreadable
 * @param outputs     the processed outputs (name and output bucket key); empty until processed
 */
public record DocumentStatus(
        String gemeenteCode,
        String gemeenteName,
        String trackingId,
        String documentName,
        String uploadKey,
        Instant receivedAt,
        Status status,
        String kenmerk,
        String outcome,
        long afwijzingen,
        long waarschuwingen,
        LocalDate decisionDeadline,
        String message,
        List<Onderdeel> onderdelen,
        List<Finding> findings,
        List<Output> outputs) {

    /** The stages a document goes through; the last two come from the reviewer (dossier), not from processing. */
    public enum Status {
        ONTVANGEN("ontvangen"),
        CONCEPT("concept"),
        ONLEESBAAR("onleesbaar"),
        BEOORDEELD("beoordeeld"),
        VASTGESTELD("vastgesteld");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public record Onderdeel(String onderdeel, String name, String focusgebied, BigDecimal requested, BigDecimal maximum,
            BigDecimal granted, BigDecimal refused) {}

    public record Finding(String severity, String rule, String article, String message, String onderdeel) {}

    public record Output(String name, String key) {}

    public boolean processed() {
        return status != Status.ONTVANGEN;
    }
}
