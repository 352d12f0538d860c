package nl.kansrijkewijk.processing;

import java.util.List;
import nl.kansrijkewijk.besluit.Besluit;
import nl.kansrijkewijk.finding.Finding;
import nl.kansrijkewijk.finding.Severity;
import nl.kansrijkewijk.provenance.Provenance;

/**
 * The machine-readable report (bevindingen.json, and what {@code ./kw check --json} prints). Its schema is
 * documented in README.md; {@link #SCHEMA} changes when a field changes meaning or disappears.
 */
public record CheckReport(
        String schema,
        Document document,
        String regeling,
        String status,
        String gemeente,
        String outcome,
        Summary summary,
        List<Finding> findings,
        Besluit besluit,
        String error,
        Provenance provenance) {

    public static final String SCHEMA = "kw-bevindingen/1";

    /** @param kind AANVRAAG, WIJZIGING, …: what the content was recognised as ({@link DocumentKind}) */
    public record Document(String name, String shape, String sha256, String formVersion, DocumentKind kind) {}

    public record Summary(long afwijzingen, long waarschuwingen, long info) {}

    public static CheckReport of(Evaluation e) {
        if (!e.readable()) {
            return new CheckReport(SCHEMA, new Document(e.documentName(), null, e.sha256(), null, DocumentKind.ONBEKEND),
                    null, "onleesbaar", null, e.outcome(), new Summary(0, 0, 0), List.of(), null, e.error(),
                    Provenance.of(null, null));
        }
        var a = e.aanvraag();
        return new CheckReport(
                SCHEMA,
                new Document(e.documentName(), a.source().shape().name(), a.source().sha256(), a.formVersion(),
                        DocumentKind.of(a)),
                e.regeling().id(),
                "verwerkt",
                a.gemeente(),
                e.outcome(),
                new Summary(e.count(Severity.AFWIJZING), e.count(Severity.WAARSCHUWING), e.count(Severity.INFO)),
                e.findings(),
                e.besluit(),
                null,
                Provenance.of(e.regeling(), a.formVersion()));
    }
}
