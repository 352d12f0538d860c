package nl.kansrijkewijk.regeling;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One version of the regeling, exactly as its data file states it. Loaded by {@link RegelingLoader};
 * the Java side adds look-ups, never amounts.
 */
public record Regeling(
        String id,
        String title,
        String citation,
        String minister,
        LocalDate validFrom,
        List<Integer> years,
        Deadlines deadlines,
        Thresholds thresholds,
        List<Gemeente> gemeenten,
        List<Onderdeel> onderdelen,
        List<String> integralSchoolEnOmgevingGemeenten,
        Map<String, Object> lists,
        Map<String, Map<String, List<String>>> signalWords,
        List<ToelichtingFigure> toelichtingFigures,
        Policy policy,
        List<Inconsistency> inconsistencies,
        List<TextualInconsistency> textualInconsistencies,
        Map<String, List<BijlageEntry>> bijlage,
        Sisa sisa) {

    /** A window with both ends included ("van 1 augustus tot en met 30 september 2023"). */
    public record Period(LocalDate from, LocalDate through) {
        public boolean contains(LocalDate date) {
            return !date.isBefore(from) && !date.isAfter(through);
        }
    }

    public record Deadlines(
            Period aanvraagWindow,
            List<Period> wijzigingWindows,
            int decisionWithinWeeks,
            LocalDate spendBy,
            Period extensionRequestWindow,
            LocalDate extensionThrough,
            int vaststellingWithinWeeks,
            int verantwoordingWithinMonths,
            int terugvorderingNoticeWithinMonths,
            int bezwaarWeeks,
            PaymentMoments paymentMoments) {

        /** Art. 13(4) names the years of the termijnen, not the days: the data's (marked) payment day per year. */
        public PaymentMoments paymentMoments() {
            return paymentMoments == null ? new PaymentMoments(false, null, Map.of()) : paymentMoments;
        }
    }

    public record Thresholds(
            BigDecimal wijzigingMinimumPercent,
            BigDecimal coalitieMinimumPercent,
            BigDecimal reserveringMaximumPercent,
            BigDecimal voorschotPercent,
            int onderwijsassistentMinimumMboLevel) {}

    public record Gemeente(String name, String cbsCode, List<String> focusgebieden, List<String> aliases) {
        public List<String> aliases() {
            return aliases == null ? List.of() : aliases;
        }
    }

    public record Onderdeel(
            String code,
            String name,
            int article,
            String legalBasis,
            String maximumArticle,
            BigDecimal btwPercent,
            List<String> onlyGemeenten,
            String onlyGemeentenArticle) {

        /** Art. 2(3): the five hoofdthema's are articles 5 to 9; 3 and 4 are the other two parts. */
        public boolean isHoofdthema() {
            return article >= 5;
        }
    }

    public record ToelichtingFigure(
            String onderdeel, String source, BigDecimal perFocusgebiedPerYear, Map<Integer, BigDecimal> sumPerYear) {}

    public record Policy(String maximum, String installmentRounding) {}

    public record Inconsistency(
            String kind, String onderdeel, String gemeente, Integer year,
            BigDecimal stated, BigDecimal sumOfInstallments, BigDecimal toelichting, BigDecimal sumOfBijlage,
            BigDecimal difference) {}

    /**
     * SiSa (art. 13, tweede lid, onder c): the uitkeringscode and indicators the beschikking names.
     * {@code isDefault} marks a stand-in where the true code is not public.
     */
    public record Sisa(
            String uitkeringscode,
            @com.fasterxml.jackson.annotation.JsonProperty("default") boolean isDefault,
            List<SisaIndicator> indicators) {}

    public record SisaIndicator(String code, String name, String aardControle, String explanation) {}

    /**
     * The one payment day per year of art. 13(4): the letter states it and the wijziging arithmetic counts a
     * termijn as paid from it on, so the two cannot disagree. {@code isDefault} as for SiSa.
     */
    public record PaymentMoments(
            @com.fasterxml.jackson.annotation.JsonProperty("default") boolean isDefault,
            String source,
            Map<Integer, LocalDate> perYear) {

        public Map<Integer, LocalDate> perYear() {
            return perYear == null ? Map.of() : perYear;
        }
    }

    public record TextualInconsistency(String where, String against, String application) {}

    /**
     * One numbered item of the Bijlage: the amount it states ("bedraagt") for one or more gemeenten and
     * the yearly installments (termijnen), per focusgebied where the Bijlage splits them (Amsterdam).
     */
    public record BijlageEntry(
            List<String> gemeenten,
            BigDecimal total,
            Map<Integer, BigDecimal> installments,
            Map<String, Map<Integer, BigDecimal>> installmentsPerFocusgebied) {

        public boolean splitPerFocusgebied() {
            return installmentsPerFocusgebied != null && !installmentsPerFocusgebied.isEmpty();
        }
    }

    /** Finds a gemeente by name, CBS code or alias, forgiving case, accents and punctuation. */
    public Optional<Gemeente> gemeente(String nameOrCode) {
        if (nameOrCode == null || nameOrCode.isBlank()) {
            return Optional.empty();
        }
        // People write the name the way their letterhead does: "Gemeente Rotterdam".
        String n = Names.normalise(nameOrCode).replaceFirst("^(de )?gemeente (?=\\S)", "");
        return gemeenten.stream()
                .filter(g -> Names.normalise(g.name()).equals(n)
                        || g.cbsCode().equalsIgnoreCase(nameOrCode.strip())
                        || g.aliases().stream().anyMatch(a -> Names.normalise(a).equals(n)))
                .findFirst();
    }

    public Optional<Gemeente> gemeenteByCbsCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String c = code.strip().toUpperCase(java.util.Locale.ROOT);
        String normalised = c.matches("\\d{1,4}") ? "GM" + "0".repeat(4 - c.length()) + c : c;
        return gemeenten.stream().filter(g -> g.cbsCode().equals(normalised)).findFirst();
    }

    public Optional<Onderdeel> onderdeel(String code) {
        return onderdelen.stream().filter(o -> o.code().equals(code)).findFirst();
    }

    /** The Bijlage item for this onderdeel and gemeente; empty if the gemeente does not receive that part. */
    public Optional<BijlageEntry> bijlageEntry(String onderdeelCode, String gemeenteName) {
        return bijlage.getOrDefault(onderdeelCode, List.of()).stream()
                .filter(r -> r.gemeenten().contains(gemeenteName))
                .findFirst();
    }

    /** A lettered list of the regeling, e.g. "art6lid2": a → positieve identiteitsontwikkeling. */
    @SuppressWarnings("unchecked")
    public Map<String, String> letteredList(String name) {
        Object l = lists.get(name);
        if (!(l instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("no lettered list " + name + " in regeling " + id);
        }
        return (Map<String, String>) l;
    }

    /** The development areas of art. 8, eerste lid. */
    @SuppressWarnings("unchecked")
    public List<String> ontwikkelgebieden() {
        return (List<String>) lists.getOrDefault("art8lid1Ontwikkelgebieden", List.of());
    }

    /** Signal phrases for a provision, e.g. signalWords("art8lid2") → {a: [...], ...}. */
    public Map<String, List<String>> signalWords(String provision) {
        return signalWords.getOrDefault(provision, Map.of());
    }
}
