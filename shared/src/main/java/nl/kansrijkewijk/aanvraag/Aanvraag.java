package nl.kansrijkewijk.aanvraag;

import java.time.LocalDate;
import java.util.List;

/**
 * What a filled aanvraagformulier says, read from any of its shapes (fillable PDF, PDF printed with its
 * fields flattened, XLSX). Values are normalised to the regeling's names (gemeente, focusgebied, onderdeel
 * code); a value that could not be read is null and the reader reports a finding for it. Where each value
 * came from is in {@link #source()}.
 *
 * @param formVersion      the form version printed on the form (e.g. "KW-2023-1"), null if absent
 * @param gemeente         canonical gemeente name, or the text as typed when it is not a regeling gemeente
 * @param gemeentecode     CBS code as typed, upper-cased (e.g. "GM0363")
 * @param focusgebieden    canonical focusgebied names (or as typed when unknown), in form order
 * @param verleningKenmerk wijziging only: kenmerk of the verleningsbeschikking it changes
 */
public record Aanvraag(
        String formVersion,
        String gemeente,
        String gemeentecode,
        List<String> focusgebieden,
        AanvraagKind kind,
        String verleningKenmerk,
        LocalDate submissionDate,
        Person signatory,
        Person contact,
        List<BudgetLine> budget,
        List<Activity> activities,
        SchoolEnOmgeving schoolEnOmgeving,
        Declarations declarations,
        Source source) {

    public record Person(String name, String function, String email, String phone) {}
}
