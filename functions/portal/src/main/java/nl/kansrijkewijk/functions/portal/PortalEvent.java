package nl.kansrijkewijk.functions.portal;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;
import nl.kansrijkewijk.pipeline.status.DocumentStatus;

/**
 * A notification: which case changed to which status, and where to look. Carries identifiers, counts and
 * links only — never document contents, amounts or finding texts, because subscribers route it to e-mail.
 *
 * @param type   {@code document-verwerkt} (processing finished) or {@code besluit} (a reviewer decided)
 * @param links  {@code portaal} for the gemeente, {@code werkvoorraad} for the ministry (no presigned URLs:
 *               they would outlive their purpose in a mailbox)
 */
@JsonPropertyOrder({"schema", "type", "gemeente", "gemeenteNaam", "kenmerk", "trackingId", "document", "status",
        "outcome", "afwijzingen", "waarschuwingen", "links"})
public record PortalEvent(String schema, String type, String gemeente, String gemeenteNaam, String kenmerk,
        String trackingId, String document, String status, String outcome, long afwijzingen, long waarschuwingen,
        Map<String, String> links) {
    public static final String SCHEMA = "kw-portaal-melding/1";

    public static PortalEvent processed(DocumentStatus d, String portalUrl) {
        String base = portalUrl == null ? "" : portalUrl.replaceAll("/+$", "");
        return new PortalEvent(SCHEMA, "document-verwerkt", d.gemeenteCode(), d.gemeenteName(), d.kenmerk(),
                d.trackingId(), d.documentName(), d.status().label(), d.outcome(), d.afwijzingen(), d.waarschuwingen(),
                Map.of("portaal", base + "/#" + d.trackingId(), "werkvoorraad", base + "/werkvoorraad.html"));
    }
}
