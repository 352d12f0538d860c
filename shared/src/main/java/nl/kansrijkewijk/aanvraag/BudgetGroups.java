package nl.kansrijkewijk.aanvraag;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import nl.kansrijkewijk.finding.Texts;
import nl.kansrijkewijk.money.Money;
import nl.kansrijkewijk.regeling.FocusgebiedNames;
import nl.kansrijkewijk.regeling.Regeling;
import nl.kansrijkewijk.regeling.Regeling.BijlageEntry;
import nl.kansrijkewijk.regeling.Regeling.Gemeente;
import nl.kansrijkewijk.regeling.Regeling.Inconsistency;

/**
 * The requested amounts of an aanvraag arranged the way the Bijlage caps them: one group per onderdeel, and per
 * focusgebied where the Bijlage splits that onderdeel for the gemeente (Amsterdam). Section B rows and section C
 * activities are both assigned to groups; the checker and the Besluit use the same assignment.
 */
public final class BudgetGroups {
    /** Installment kind recorded for a Bijlage item whose termijnen do not add up to its stated amount. */
    public static final String INSTALLMENTS_DIFFER = "installments-differ-from-stated";

    /** A group: focusgebied is null unless the Bijlage splits the onderdeel per focusgebied. */
    public record Key(String onderdeel, String focusgebied) {}

    /**
     * What the Bijlage allows a group.
     *
     * @param maximum         the binding maximum (data policy: the stated amount; per focusgebied the sum of its termijnen)
     * @param installments    the Bijlage's termijnen for this group, per year (absent year = no termijn)
     * @param installmentsSum their sum
     * @param stated          the amount the Bijlage states for the gemeente ("bedraagt"); for a split group the
     *                        gemeente's total, not the focusgebied's
     * @param split           true when the Bijlage splits the onderdeel per focusgebied
     * @param inconsistency   the recorded disagreement between stated amount and termijnen, or null
     */
    public record Limit(
            BigDecimal maximum,
            SortedMap<Integer, BigDecimal> installments,
            BigDecimal installmentsSum,
            BigDecimal stated,
            boolean split,
            Inconsistency inconsistency) {}

    /**
     * @param lines            section B rows of this group
     * @param activities       section C activities assigned to it
     * @param requestedPerYear sum of the rows per year
     * @param requested        sum over the years
     * @param limit            what the Bijlage allows; null when it names no amount (or the gemeente is unknown)
     */
    public record Group(
            Key key,
            List<BudgetLine> lines,
            List<Activity> activities,
            SortedMap<Integer, BigDecimal> requestedPerYear,
            BigDecimal requested,
            Limit limit) {

        public String onderdeel() {
            return key.onderdeel();
        }

        public String focusgebied() {
            return key.focusgebied();
        }
    }

    private final Aanvraag aanvraag;
    private final Regeling regeling;
    private final Gemeente gemeente;
    private final Map<Key, Group> groups;
    private final Map<Integer, Key> activityKeys = new LinkedHashMap<>();
    private final BigDecimal totalRequested;

    private BudgetGroups(Aanvraag aanvraag, Regeling regeling) {
        this.aanvraag = aanvraag;
        this.regeling = regeling;
        this.gemeente = resolveGemeente(aanvraag, regeling).orElse(null);

        Map<Key, List<BudgetLine>> lines = new LinkedHashMap<>();
        BigDecimal total = Money.ZERO;
        for (BudgetLine line : nonNull(aanvraag.budget())) {
            total = total.add(sumOf(line.perYear()));
            if (line.onderdeel() != null && !line.onderdeel().isBlank()) {
                lines.computeIfAbsent(keyOf(line), k -> new ArrayList<>()).add(line);
            }
        }
        this.totalRequested = Money.scale(total);

        Map<Key, List<Activity>> activities = new LinkedHashMap<>();
        for (Activity a : nonNull(aanvraag.activities())) {
            keyOf(a, lines).ifPresent(k -> {
                activityKeys.put(a.number(), k);
                activities.computeIfAbsent(k, x -> new ArrayList<>()).add(a);
            });
        }

        List<Key> keys = new ArrayList<>(lines.keySet());
        activities.keySet().stream().filter(k -> !keys.contains(k)).forEach(keys::add);
        keys.sort(keyOrder());
        Map<Key, Group> m = new LinkedHashMap<>();
        for (Key k : keys) {
            List<BudgetLine> ls = lines.getOrDefault(k, List.of());
            SortedMap<Integer, BigDecimal> perYear = new TreeMap<>();
            for (BudgetLine l : ls) {
                if (l.perYear() != null) {
                    l.perYear().forEach((y, v) -> {
                        if (v != null) {
                            perYear.merge(y, v, BigDecimal::add);
                        }
                    });
                }
            }
            perYear.replaceAll((y, v) -> Money.scale(v));
            m.put(k, new Group(k, List.copyOf(ls), List.copyOf(activities.getOrDefault(k, List.of())),
                    perYear, sumOf(perYear), limitOf(k)));
        }
        this.groups = m;
    }

    public static BudgetGroups of(Aanvraag aanvraag, Regeling regeling) {
        return new BudgetGroups(aanvraag, regeling);
    }

    /**
     * The gemeente of an aanvraag: by name or alias (or CBS code typed as the name), or — only when the name is
     * blank — by the CBS code field.
     */
    public static Optional<Gemeente> resolveGemeente(Aanvraag aanvraag, Regeling regeling) {
        if (aanvraag.gemeente() != null && !aanvraag.gemeente().isBlank()) {
            return regeling.gemeente(aanvraag.gemeente());
        }
        return regeling.gemeenteByCbsCode(aanvraag.gemeentecode());
    }

    public Optional<Gemeente> gemeente() {
        return Optional.ofNullable(gemeente);
    }

    public List<Group> groups() {
        return List.copyOf(groups.values());
    }

    public List<Group> groups(String onderdeel) {
        return groups.values().stream().filter(g -> g.onderdeel().equals(onderdeel)).toList();
    }

    public Optional<Group> group(Key key) {
        return Optional.ofNullable(groups.get(key));
    }

    /** The group an activity is assigned to; empty when its onderdeel (or, for a split onderdeel, focusgebied) is unclear. */
    public Optional<Key> groupOf(Activity a) {
        return Optional.ofNullable(activityKeys.get(a.number()));
    }

    /** Sum of every section B row, whatever its onderdeel. */
    public BigDecimal totalRequested() {
        return totalRequested;
    }

    /** Requested amount of an onderdeel over all its groups. */
    public BigDecimal requested(String onderdeel) {
        return Money.sum(groups(onderdeel).stream().map(Group::requested).toList());
    }

    /** Does the Bijlage split this onderdeel per focusgebied for the aanvraag's gemeente? */
    public boolean splits(String onderdeel) {
        return gemeente != null && regeling.bijlageEntry(onderdeel, gemeente.name())
                .map(BijlageEntry::splitPerFocusgebied).orElse(false);
    }

    /** "preventie van armoede en schulden" or "preventie van armoede en schulden (Zuidoost)". */
    public String label(Key key) {
        String name = regeling.onderdeel(key.onderdeel()).map(Regeling.Onderdeel::name)
                .orElse("onderdeel " + Texts.quote(key.onderdeel()));
        return key.focusgebied() == null ? name : name + " (" + key.focusgebied() + ")";
    }

    /** Ordering of groups and findings: onderdeel in regeling order (unknown codes last), then focusgebied. */
    public Comparator<Key> keyOrder() {
        return Comparator.<Key>comparingInt(k -> onderdeelIndex(regeling, k.onderdeel()))
                .thenComparing(Key::onderdeel)
                .thenComparingInt(k -> FocusgebiedNames.index(gemeente, k.focusgebied()))
                .thenComparing(k -> k.focusgebied() == null ? "" : k.focusgebied());
    }

    public static int onderdeelIndex(Regeling regeling, String code) {
        if (code == null) {
            return -1;
        }
        for (int i = 0; i < regeling.onderdelen().size(); i++) {
            if (regeling.onderdelen().get(i).code().equals(code)) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }

    private Key keyOf(BudgetLine line) {
        String code = line.onderdeel();
        if (!splits(code)) {
            return new Key(code, null);
        }
        Optional<String> fg = FocusgebiedNames.match(gemeente, line.focusgebied());
        if (fg.isEmpty()) {
            // A row without a readable focusgebied belongs to the focusgebied named in its slot in section A.
            int slot = slotOf(line.fieldPrefix());
            List<String> named = nonNull(aanvraag.focusgebieden());
            if (slot >= 1 && slot <= named.size()) {
                fg = FocusgebiedNames.match(gemeente, named.get(slot - 1));
            }
        }
        String typed = line.focusgebied() == null || line.focusgebied().isBlank()
                ? "focusgebied " + Math.max(slotOf(line.fieldPrefix()), 1) : line.focusgebied().strip();
        return new Key(code, fg.orElse(typed));
    }

    private Optional<Key> keyOf(Activity a, Map<Key, List<BudgetLine>> lines) {
        String code = a.onderdeel() == null ? null : a.onderdeel().strip();
        if (code == null || regeling.onderdeel(code).isEmpty()) {
            return Optional.empty();
        }
        if (!splits(code)) {
            return Optional.of(new Key(code, null));
        }
        Optional<String> fg = FocusgebiedNames.match(gemeente, a.focusgebied());
        if (fg.isPresent()) {
            return Optional.of(new Key(code, fg.get()));
        }
        // No usable focusgebied: only unambiguous when a single focusgebied of this onderdeel has a request.
        List<Key> requested = lines.entrySet().stream()
                .filter(e -> e.getKey().onderdeel().equals(code))
                .filter(e -> e.getValue().stream().anyMatch(l -> sumOf(l.perYear()).signum() > 0))
                .map(Map.Entry::getKey)
                .toList();
        return requested.size() == 1 ? Optional.of(requested.get(0)) : Optional.empty();
    }

    private Limit limitOf(Key k) {
        if (gemeente == null) {
            return null;
        }
        Optional<BijlageEntry> entry = regeling.bijlageEntry(k.onderdeel(), gemeente.name());
        if (entry.isEmpty()) {
            return null;
        }
        BijlageEntry e = entry.get();
        Inconsistency recorded = nonNull(regeling.inconsistencies()).stream()
                .filter(i -> INSTALLMENTS_DIFFER.equals(i.kind()))
                .filter(i -> k.onderdeel().equals(i.onderdeel()) && gemeente.name().equals(i.gemeente()))
                .findFirst().orElse(null);
        BigDecimal stated = Money.scale(e.total());
        if (e.splitPerFocusgebied()) {
            Map<Integer, BigDecimal> own = e.installmentsPerFocusgebied().get(k.focusgebied());
            if (own == null) {
                return null;
            }
            SortedMap<Integer, BigDecimal> inst = scaled(own);
            BigDecimal sum = sumOf(inst);
            return new Limit(sum, inst, sum, stated, true, recorded);
        }
        SortedMap<Integer, BigDecimal> inst = scaled(e.installments());
        BigDecimal sum = sumOf(inst);
        String policy = regeling.policy() == null ? "stated-amount" : regeling.policy().maximum();
        BigDecimal maximum = switch (policy) {
            case "stated-amount" -> stated;
            case "sum-of-installments" -> sum;
            default -> throw new IllegalStateException("unknown maximum policy in regeling data: " + policy);
        };
        return new Limit(maximum, inst, sum, stated, false, recorded);
    }

    private static SortedMap<Integer, BigDecimal> scaled(Map<Integer, BigDecimal> m) {
        SortedMap<Integer, BigDecimal> s = new TreeMap<>();
        if (m != null) {
            m.forEach((y, v) -> s.put(y, Money.scale(v)));
        }
        return s;
    }

    public static BigDecimal sumOf(Map<Integer, BigDecimal> m) {
        return m == null ? Money.ZERO : Money.sum(m.values());
    }

    private static int slotOf(String fieldPrefix) {
        if (fieldPrefix == null) {
            return -1;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\.fg(\\d+)$").matcher(fieldPrefix);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    public static <T> List<T> nonNull(List<T> l) {
        return l == null ? List.of() : l;
    }
}
