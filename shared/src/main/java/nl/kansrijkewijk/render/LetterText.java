package nl.kansrijkewijk.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns the reviewer's shorthand into letter language: "art. 8, tweede lid, onder d" becomes "artikel 8, tweede
 * lid, onder d"; a citation keeps only provisions of the regeling (the Toelichting explains, it never grounds a
 * decision); form field keys ("D.school.5.inCoalitie") and rule ids are taken out of running text.
 */
final class LetterText {
    /** Field keys of form KW-2023-1: a section letter, a dot, then key parts ("B.ARM.fg1.2023", "C.4.naam"). */
    private static final Pattern FIELD_KEY_IN_PARENS = Pattern.compile("\\s*\\((?:veld )?[A-E]\\.[A-Za-z0-9]+(?:\\.[A-Za-z0-9]+)+\\)");
    private static final Pattern FIELD_KEY = Pattern.compile("\\b[A-E]\\.[A-Za-z0-9]+(?:\\.[A-Za-z0-9]+)+\\b");
    private static final Pattern RULE_ID = Pattern.compile("\\s*\\(?\\b[A-Z]{2,}(?:-(?:[A-Z]{2,}|\\d{2}))+\\b\\)?");
    private static final Pattern ART = Pattern.compile("\\bart\\.\\s*");
    private static final Pattern ARTT = Pattern.compile("\\bartt\\.\\s*");
    /** "€ 1.500.000" without cents, as the reviewer's messages write whole amounts. */
    private static final Pattern WHOLE_EUROS = Pattern.compile("€ (\\d{1,3}(?:\\.\\d{3})*)(?![\\d.,]*\\d)(?!,\\d)");

    private LetterText() {}

    /** "art. 2, eerste lid, jo. art. 1" → "artikel 2, eerste lid, in samenhang met artikel 1". */
    static String articles(String s) {
        if (s == null) {
            return null;
        }
        String t = ARTT.matcher(s).replaceAll("artikelen ");
        t = ART.matcher(t).replaceAll("artikel ");
        t = t.replace(" jo. ", " in samenhang met ").replace(", met de Bijlage", ", met de bijlage bij de regeling")
                .replace(" met de Bijlage", " met de bijlage bij de regeling");
        return t;
    }

    /**
     * The grondslag as the letter states it: only provisions of the regeling, written out. "art. 4, eerste lid;
     * Toelichting art. 4" → "artikel 4, eerste lid". Null when nothing of the regeling remains.
     */
    static String grondslag(String citation) {
        if (citation == null || citation.isBlank()) {
            return null;
        }
        List<String> kept = new ArrayList<>();
        for (String part : citation.split(";")) {
            String p = part.strip();
            if (p.isEmpty() || p.toLowerCase(Locale.ROOT).contains("toelichting")) {
                continue;
            }
            kept.add(articles(p));
        }
        return kept.isEmpty() ? null : String.join("; ", kept);
    }

    /**
     * A message written for the reviewer, made fit for the letter: articles written out, a cited Toelichting
     * dropped from a parenthesised citation, field keys and rule ids removed.
     */
    static String forLetter(String message) {
        if (message == null) {
            return "";
        }
        String t = FIELD_KEY_IN_PARENS.matcher(message).replaceAll("");
        t = FIELD_KEY.matcher(t).replaceAll("het formulier");
        t = RULE_ID.matcher(t).replaceAll("");
        t = t.replaceAll(";\\s*Toelichting art\\.\\s*\\d+", "").replaceAll("\\s*\\(Toelichting[^)]*\\)", "");
        t = WHOLE_EUROS.matcher(t).replaceAll("€ $1,00");
        return articles(t).replaceAll("\\s{2,}", " ").replace(" .", ".").replace(" ,", ",").strip();
    }
}
