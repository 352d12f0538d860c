package nl.kansrijkewijk.dossier;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.kansrijkewijk.finding.Finding;
import nl.kansrijkewijk.hash.Sha256;

/**
 * Stable ids for findings, so a reviewer's judgement can name one: the rule plus a short hash of what the finding
 * is about (onderdeel, focusgebied, activity, form field key). Not the position in a list, and not the page or
 * cell, so the same finding in a fillable PDF, a printed PDF, a workbook or a corrected re-upload keeps its id.
 * Two findings that agree on all of it (rare: the same rule twice on one field) get {@code -2}, {@code -3} in
 * report order.
 */
public final class FindingIds {
    private FindingIds() {}

    /** The ids of {@code findings}, in the same order. */
    public static List<String> of(List<Finding> findings) {
        List<String> ids = new ArrayList<>(findings.size());
        Map<String, Integer> seen = new HashMap<>();
        for (Finding f : findings) {
            String base = base(f);
            int n = seen.merge(base, 1, Integer::sum);
            ids.add(n == 1 ? base : base + "-" + n);
        }
        return ids;
    }

    static String base(Finding f) {
        String subject = String.join("|", nvl(f.onderdeel()), nvl(f.focusgebied()),
                f.activity() == null ? "" : String.valueOf(f.activity()),
                f.location() == null ? "" : nvl(f.location().field()));
        return f.rule() + "-" + Sha256.hex(subject.getBytes(StandardCharsets.UTF_8)).substring(0, 6);
    }

    private static String nvl(String s) {
        return s == null ? "" : s;
    }
}
