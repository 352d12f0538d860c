package nl.kansrijkewijk.aanvraag;

import java.util.Map;
import nl.kansrijkewijk.finding.Location;

/**
 * Where an Aanvraag came from: the document name, its shape, its SHA-256, and for every form field key
 * (e.g. "A.gemeente", "B.ARM.fg1.2024", "C.4.budget.2025") the place in the document it was read from.
 */
public record Source(String document, DocumentShape shape, String sha256, Map<String, Location> locations) {

    public enum DocumentShape {
        PDF_FORM,
        PDF_FLATTENED,
        XLSX
    }

    /** Where a field was read; a document-level location naming the field when the field was not found. */
    public Location location(String field) {
        Location l = locations.get(field);
        return l != null ? l : Location.field(document, null, field);
    }
}
