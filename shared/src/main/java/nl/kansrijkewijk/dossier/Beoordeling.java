package nl.kansrijkewijk.dossier;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * One reviewer's judgement of an aanvraag (the concept under {@code kenmerk}): per finding, per activity (art. 12),
 * and free additions to the motivering. It never changes the upload; it is recorded as an event and the concept
 * is regenerated from the upload plus every beoordeling.
 *
 * @param kenmerk     the case, e.g. {@code KW-2023-GM0363-V}
 * @param upload      SHA-256 of the upload the reviewer looked at (for the record; judgements follow the finding
 *                    ids, which survive a corrected re-upload)
 * @param door        who judged
 * @param datum       the date of the judgement
 * @param bevindingen judgements per finding id ({@link FindingIds})
 * @param activiteiten art. 12 judgements per activity
 * @param motivering  paragraphs added to the motivering of the letter
 */
public record Beoordeling(
        String kenmerk,
        String upload,
        Reviewer door,
        LocalDate datum,
        List<BevindingOordeel> bevindingen,
        List<ActiviteitOordeel> activiteiten,
        List<String> motivering) {

    public Beoordeling {
        bevindingen = bevindingen == null ? List.of() : List.copyOf(bevindingen);
        activiteiten = activiteiten == null ? List.of() : List.copyOf(activiteiten);
        motivering = motivering == null ? List.of() : List.copyOf(motivering);
    }

    public Beoordeling withUpload(String sha256) {
        return new Beoordeling(kenmerk, sha256, door, datum, bevindingen, activiteiten, motivering);
    }

    /** A reviewer as named in the act; the name is what four eyes compares ({@link Reviewers}). */
    public record Reviewer(String naam, String rol) {}

    /**
     * @param bevinding the finding id
     * @param bedrag    AFWIJZEN only: the amount refused, inclusief btw
     * @param reden     AFWIJZEN and NIET_VAN_TOEPASSING: required; AKKOORD: optional note
     * @param artikel   AFWIJZEN only: the article the refusal rests on; the finding's own when blank
     */
    public record BevindingOordeel(String bevinding, Oordeel oordeel, BigDecimal bedrag, String reden, String artikel) {}

    /** Art. 12, eerste lid: does the minister expect the activity to contribute to the goals of art. 2(1)? */
    public record ActiviteitOordeel(int activiteit, boolean bijdrageVerwacht, String reden) {}

    public enum Oordeel {
        /** The waarschuwing stays a waarschuwing: seen and accepted. */
        AKKOORD("akkoord"),
        /** The waarschuwing becomes an afwijzing of an amount, with a reason. */
        AFWIJZEN("afwijzen"),
        /** The finding does not apply to this aanvraag, with a reason. */
        NIET_VAN_TOEPASSING("niet van toepassing");

        private final String label;

        Oordeel(String label) {
            this.label = label;
        }

        @JsonValue
        public String label() {
            return label;
        }

        /** Accepts the label, the constant name, and the spellings a reviewer types ("nvt", "n.v.t.", "afwijzing"). */
        @JsonCreator
        public static Oordeel parse(String text) {
            String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replace('_', ' ').replace(".", "");
            return switch (t) {
                case "akkoord", "accepteren", "accept" -> AKKOORD;
                case "afwijzen", "afwijzing", "omzetten in afwijzing" -> AFWIJZEN;
                case "niet van toepassing", "nvt", "n v t" -> NIET_VAN_TOEPASSING;
                default -> throw new IllegalArgumentException("onbekend oordeel '" + text
                        + "'; kies akkoord, afwijzen of niet van toepassing");
            };
        }
    }
}
