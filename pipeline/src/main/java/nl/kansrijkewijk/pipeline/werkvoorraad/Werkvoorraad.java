package nl.kansrijkewijk.pipeline.werkvoorraad;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import nl.kansrijkewijk.pipeline.status.DocumentStatus;

/**
 * The reviewers' werkvoorraad: one row per gemeente and aanvraag (a case kenmerk; a document without one — not
 * yet processed or unreadable — is a row of its own), most urgent decision deadline first.
 */
public record Werkvoorraad(List<Row> rows) {

    /**
     * @param lead the document whose outcome the row shows: the latest processed one of the case
     */
    public record Row(String gemeenteCode, String gemeenteName, String kenmerk, List<DocumentStatus> documents,
            DocumentStatus lead) {

        public DocumentStatus.Status status() {
            return documents.stream().anyMatch(d -> d.status() == DocumentStatus.Status.ONTVANGEN)
                    ? DocumentStatus.Status.ONTVANGEN : lead.status();
        }

        public LocalDate decisionDeadline() {
            return lead.decisionDeadline();
        }

        public BigDecimal total(java.util.function.Function<DocumentStatus.Onderdeel, BigDecimal> amount) {
            return lead.onderdelen().stream().map(amount).filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        public long openWaarschuwingen() {
            // Nothing closes a waarschuwing yet (beoordelingen live in the dossier): all are open.
            return lead.waarschuwingen();
        }
    }

    public static Werkvoorraad of(List<DocumentStatus> documents) {
        Map<String, List<DocumentStatus>> byCase = new LinkedHashMap<>();
        List<DocumentStatus> sorted = new ArrayList<>(documents);
        sorted.sort(Comparator.comparing(DocumentStatus::receivedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(DocumentStatus::uploadKey));
        for (DocumentStatus d : sorted) {
            String caseKey = d.kenmerk() != null ? d.gemeenteCode() + "|" + d.kenmerk() : d.gemeenteCode() + "|" + d.uploadKey();
            byCase.computeIfAbsent(caseKey, k -> new ArrayList<>()).add(d);
        }
        List<Row> rows = new ArrayList<>();
        for (List<DocumentStatus> docs : byCase.values()) {
            DocumentStatus lead = docs.stream().filter(DocumentStatus::processed)
                    .reduce((a, b) -> b).orElse(docs.get(docs.size() - 1));
            DocumentStatus first = docs.get(0);
            rows.add(new Row(first.gemeenteCode(), first.gemeenteName(), lead.kenmerk(), List.copyOf(docs), lead));
        }
        rows.sort(Comparator.comparing(Row::decisionDeadline, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Row::gemeenteName).thenComparing(r -> r.kenmerk() == null ? "" : r.kenmerk())
                .thenComparing(r -> r.documents().get(0).uploadKey()));
        return new Werkvoorraad(List.copyOf(rows));
    }

    /** The latest receipt: the werkvoorraad's "as of" date, derived from its input so that bytes repeat. */
    public Instant asOf() {
        return rows.stream().flatMap(r -> r.documents().stream()).map(DocumentStatus::receivedAt)
                .filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
    }
}
