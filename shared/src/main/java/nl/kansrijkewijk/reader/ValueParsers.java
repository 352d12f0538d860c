package nl.kansrijkewijk.reader;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.kansrijkewijk.aanvraag.AanvraagKind;
import nl.kansrijkewijk.aanvraag.ActivityKind;
import nl.kansrijkewijk.regeling.Names;
import nl.kansrijkewijk.regeling.Regeling;

/**
 * Interprets what people type into the form's choice fields. Each parser returns empty for a blank value and
 * throws {@link IllegalArgumentException} whose message is a Dutch reason ("dat is geen ja of nee") for text it
 * cannot read.
 */
public final class ValueParsers {
    private static final Set<String> YES = Set.of("ja", "j", "yes", "y", "x", "✓", "✔", "☑", "☒", "waar", "true",
            "1", "akkoord", "jazeker", "ja hoor", "ok");
    private static final Set<String> NO = Set.of("nee", "n", "no", "neen", "onwaar", "false", "0", "✗", "✘", "niet");
    private static final Set<String> NOT_APPLICABLE = Set.of("nvt", "n v t", "niet van toepassing", "-", "—", "–");
    private static final Set<String> STOPWORDS = Set.of("van", "de", "het", "een", "en", "art", "artikel", "lid",
            "onderdeel", "hoofdthema", "eerste", "tweede", "derde", "vierde");
    private static final Pattern CODE = Pattern.compile("([A-Za-z]{3})(?:\\s*[-–—:(].*)?", Pattern.DOTALL);
    private static final Pattern ARTICLE = Pattern.compile("(?:art(?:ikel)?\\.?\\s*)?(\\d{1,2})(?:\\s*[,(].*)?",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern LETTER = Pattern.compile(
            "(?:(?:art|artikel) )?(?:\\d+ )?(?:lid )?(?:\\d+ )?(?:onder |letter )?([a-z])(?: .*)?");
    private static final Pattern BRIN = Pattern.compile("(?<![0-9A-Za-z])(\\d{2})\\s?([A-Za-z]{2})(?:\\s?(\\d{2}))?(?![0-9A-Za-z])");
    private static final Pattern COUNT = Pattern.compile("(\\d{1,6})(?:[.,]0+)?(?:\\s*scholen)?");

    private ValueParsers() {}

    static boolean notApplicable(String s) {
        return NOT_APPLICABLE.contains(Names.normalise(s)) || NOT_APPLICABLE.contains(s.strip());
    }

    public static Optional<Boolean> yesNo(String s) {
        if (s == null || s.isBlank() || notApplicable(s)) {
            return Optional.empty();
        }
        String t = s.strip().toLowerCase(Locale.ROOT).replaceAll("[.!]+$", "").strip();
        if (YES.contains(t)) {
            return Optional.of(true);
        }
        if (NO.contains(t)) {
            return Optional.of(false);
        }
        String n = Names.normalise(s);
        if (YES.contains(n)) {
            return Optional.of(true);
        }
        if (NO.contains(n)) {
            return Optional.of(false);
        }
        // "Ja, sinds 2022" / "nee, want …": the first word answers.
        String first = n.split(" ")[0];
        if (first.equals("ja")) {
            return Optional.of(true);
        }
        if (first.equals("nee") || first.equals("neen")) {
            return Optional.of(false);
        }
        throw new IllegalArgumentException("dat is geen ja of nee");
    }

    /** Onderdeel code from a code ("ARM"), a name ("preventie armoede en schulden"), or an article ("art. 5", "5"). */
    static Optional<String> onderdeel(String s, Regeling r) {
        if (s == null || s.isBlank()) {
            return Optional.empty();
        }
        String t = s.strip();
        Matcher m = CODE.matcher(t);
        if (m.matches()) {
            String code = m.group(1).toUpperCase(Locale.ROOT);
            if (r.onderdeel(code).isPresent()) {
                return Optional.of(code);
            }
        }
        m = ARTICLE.matcher(t);
        if (m.matches()) {
            int article = Integer.parseInt(m.group(1));
            for (Regeling.Onderdeel o : r.onderdelen()) {
                if (o.article() == article) {
                    return Optional.of(o.code());
                }
            }
            throw new IllegalArgumentException("artikel " + article + " is geen onderdeel van de regeling (artikel 3 tot en met 9)");
        }
        String typed = squashWords(t);
        if (typed.length() >= 4) {
            List<String> hits = new ArrayList<>();
            for (Regeling.Onderdeel o : r.onderdelen()) {
                if (squashWords(o.name()).contains(typed) || typed.contains(squashWords(o.name()))) {
                    hits.add(o.code());
                }
            }
            if (hits.isEmpty() && (typed.startsWith("integra"))) {
                hits.add("INT");
            }
            if (hits.size() == 1) {
                return Optional.of(hits.get(0));
            }
        }
        throw new IllegalArgumentException("dat is geen onderdeel van de regeling (typ ORG, INT, ARM, VEE, REI, SEO of OJK, "
                + "of de naam)");
    }

    /** Onderdeel codes of an objectives list: "ARM, VEE", "armoede; veerkracht", "ARM en VEE". */
    static List<String> objectives(String s, Regeling r) {
        if (s == null || s.isBlank() || notApplicable(s)) {
            return List.of();
        }
        Set<String> codes = new LinkedHashSet<>();
        List<String> unreadable = new ArrayList<>();
        for (String item : s.split("[,;/\\n+&]|\\s+-\\s+")) {
            if (item.isBlank()) {
                continue;
            }
            try {
                onderdeel(item, r).ifPresent(codes::add);
            } catch (IllegalArgumentException e) {
                List<String> parts = List.of(item.split("\\s+(?:en|of)\\s+"));
                List<String> found = new ArrayList<>();
                for (String p : parts) {
                    try {
                        onderdeel(p, r).ifPresent(found::add);
                    } catch (IllegalArgumentException ignored) {
                        found = null;
                        break;
                    }
                }
                if (parts.size() > 1 && found != null) {
                    codes.addAll(found);
                } else {
                    unreadable.add(item.strip());
                }
            }
        }
        if (!unreadable.isEmpty()) {
            throw new PartialException(List.copyOf(codes), "‘" + String.join("’, ‘", unreadable)
                    + "’ is geen onderdeel van de regeling (typ codes als ARM, VEE of namen, gescheiden door komma's)");
        }
        return List.copyOf(codes);
    }

    /** Objectives of which some items were readable: those are kept, the rest is reported. */
    static final class PartialException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        final transient List<String> readable;

        PartialException(List<String> readable, String message) {
            super(message);
            this.readable = readable;
        }
    }

    static Optional<AanvraagKind> aanvraagKind(String s) {
        if (s == null || s.isBlank()) {
            return Optional.empty();
        }
        String n = Names.normalise(s);
        if (n.contains("wijzig")) {
            return Optional.of(AanvraagKind.WIJZIGING);
        }
        if (n.contains("aanvraag") || n.equals("eerste") || n.equals("nieuw") || n.equals("a")) {
            return Optional.of(AanvraagKind.AANVRAAG);
        }
        if (n.equals("w")) {
            return Optional.of(AanvraagKind.WIJZIGING);
        }
        throw new IllegalArgumentException("dat is geen soort aanvraag (typ aanvraag of wijziging)");
    }

    static Optional<ActivityKind> activityKind(String s) {
        if (s == null || s.isBlank()) {
            return Optional.empty();
        }
        String n = Names.normalise(s);
        if (n.startsWith("nieuw") || n.equals("n")) {
            return Optional.of(ActivityKind.NIEUW);
        }
        if (n.contains("uitbrei") || n.equals("u")) {
            return Optional.of(ActivityKind.UITBREIDING);
        }
        if (n.contains("voortzet") || n.contains("voortgezet") || n.contains("continu") || n.equals("v")) {
            return Optional.of(ActivityKind.VOORTZETTING);
        }
        throw new IllegalArgumentException("dat is geen soort activiteit (typ nieuw, uitbreiding of voortzetting)");
    }

    /** A letter of a lettered list ("a", "onder b", "c – digitale weerbaarheid", the aspect's name) or "anders". */
    static Optional<String> letter(String s, Map<String, String> list, boolean andersAllowed, String what) {
        if (s == null || s.isBlank() || notApplicable(s)) {
            return Optional.empty();
        }
        String n = Names.normalise(s);
        if (andersAllowed && (n.equals("anders") || n.startsWith("anders "))) {
            return Optional.of("anders");
        }
        Matcher m = LETTER.matcher(n);
        if (m.matches() && list.containsKey(m.group(1))) {
            return Optional.of(m.group(1));
        }
        for (Map.Entry<String, String> e : list.entrySet()) {
            String name = Names.normalise(e.getValue());
            if (n.equals(name) || (n.length() >= 6 && name.startsWith(n))) {
                return Optional.of(e.getKey());
            }
        }
        List<String> keys = new ArrayList<>(list.keySet());
        throw new IllegalArgumentException("dat is geen " + what + " (typ een letter " + keys.get(0) + " tot en met "
                + keys.get(keys.size() - 1) + (andersAllowed ? " of anders" : "") + ")");
    }

    /** Focusgebied as the regeling spells it, if the typed text names one of the candidates. */
    static Optional<String> canonicalFocusgebied(String typed, List<String> candidates, String gemeenteName) {
        String t = squash(typed);
        String withoutGemeente = gemeenteName == null ? t : t.replace(squash(gemeenteName), "");
        for (String c : candidates) {
            String sc = squash(c);
            if (sc.equals(t) || (!withoutGemeente.isEmpty() && sc.equals(withoutGemeente))) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** Ontwikkelgebied as the regeling spells it when the typed text names one, else the typed text. */
    static String ontwikkelgebied(String typed, List<String> gebieden) {
        String t = squash(typed);
        for (String g : gebieden) {
            String sg = squash(g);
            if (sg.equals(t) || (t.length() >= 5 && sg.startsWith(t))) {
                return g;
            }
        }
        return typed;
    }

    /** BRIN or vestigingsnummers named in a text ("12AB00, 34CD 01"); without any, the comma-separated items. */
    static List<String> brinList(String s) {
        if (s == null || s.isBlank() || notApplicable(s)) {
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        Matcher m = BRIN.matcher(s);
        while (m.find()) {
            out.add(brin(m));
        }
        if (out.isEmpty()) {
            for (String item : s.split("[,;\\n]")) {
                if (!item.isBlank()) {
                    out.add(item.strip().replaceAll("\\s+", " "));
                }
            }
        }
        return List.copyOf(out);
    }

    static String brin(String s) {
        String t = s.strip();
        Matcher m = BRIN.matcher(t);
        if (m.matches()) {
            return brin(m);
        }
        return t.replaceAll("\\s+", " ");
    }

    private static String brin(Matcher m) {
        return (m.group(1) + m.group(2) + (m.group(3) == null ? "" : m.group(3))).toUpperCase(Locale.ROOT);
    }

    static Optional<Integer> count(String s) {
        if (s == null || s.isBlank()) {
            return Optional.empty();
        }
        Matcher m = COUNT.matcher(s.strip().toLowerCase(Locale.ROOT));
        if (m.matches()) {
            return Optional.of(Integer.parseInt(m.group(1)));
        }
        throw new IllegalArgumentException("dat is geen aantal (typ een geheel getal, bijvoorbeeld 12)");
    }

    /** Comparison form without any spaces: "Nieuw-West" and "nieuw west" and "NieuwWest" agree. */
    static String squash(String s) {
        return Names.normalise(s).replace(" ", "");
    }

    /** Comparison form of a name without stop words and spaces. */
    private static String squashWords(String s) {
        StringBuilder b = new StringBuilder();
        for (String w : Names.normalise(stripAccents(s)).split(" ")) {
            if (!w.isEmpty() && !STOPWORDS.contains(w) && !w.matches("\\d+")) {
                b.append(w);
            }
        }
        return b.toString();
    }

    private static String stripAccents(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }
}
