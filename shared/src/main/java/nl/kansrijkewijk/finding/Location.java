package nl.kansrijkewijk.finding;

/**
 * A place in an uploaded document: page and form field for a PDF, sheet!cell for a workbook.
 *
 * @param document the uploaded document's file name
 * @param page     1-based page number (PDF), null otherwise
 * @param field    the form field key (e.g. "C.4.budget.2024") or, for a flattened PDF, the printed label
 * @param cell     "Sheet!H12" for a workbook, null otherwise
 */
public record Location(String document, Integer page, String field, String cell) {

    public static Location field(String document, Integer page, String field) {
        return new Location(document, page, field, null);
    }

    public static Location cell(String document, String sheet, String cellRef, String field) {
        return new Location(document, null, field, quoteSheet(sheet) + "!" + cellRef);
    }

    public static Location document(String document) {
        return new Location(document, null, null, null);
    }

    private static String quoteSheet(String sheet) {
        return sheet.matches("[A-Za-z0-9_]+") ? sheet : "'" + sheet.replace("'", "''") + "'";
    }

    /** Dutch text for people: "pagina 3, veld C.4.budget.2024" or "C Activiteiten!H12 (veld C.4.budget.2024)". */
    public String describe() {
        StringBuilder b = new StringBuilder();
        if (cell != null) {
            b.append(cell);
            if (field != null) {
                b.append(" (veld ").append(field).append(')');
            }
        } else {
            if (page != null) {
                b.append("pagina ").append(page);
            }
            if (field != null) {
                b.append(b.isEmpty() ? "" : ", ").append("veld ").append(field);
            }
        }
        return b.isEmpty() ? "document als geheel" : b.toString();
    }
}
