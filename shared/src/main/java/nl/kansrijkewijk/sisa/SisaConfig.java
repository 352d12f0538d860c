package nl.kansrijkewijk.sisa;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Optional;

/**
 * The SiSa bijlage of the regeling per verslagjaar: uitkeringscode, the indicators in column order, and the format's
 * version date. Data, from {@code regeling/kansrijke-wijk-2023-sisa.yaml} (the code is an assumption; see there).
 */
public record SisaConfig(
        String regeling,
        String verstrekker,
        String specifiekeUitkering,
        String juridischeGrondslag,
        boolean rowsPerFocusgebiedWhereSplit,
        int indicatorsPerBlock,
        String deliveryDueMonthDay,
        List<Year> years,
        List<Indicator> indicators) {

    /** How a year's bijlage writes indicator codes: "E99 / 01" (spaced, older) or "E99/01" (compact, newer). */
    public enum CodeStyle { spaced, compact }

    public record Year(int year, LocalDate versionDate, String uitkeringscode, CodeStyle codeStyle) {
        public String code(Indicator i) {
            return uitkeringscode + (codeStyle == CodeStyle.spaced ? " / " : "/") + i.number();
        }
    }

    public enum Kind { row, amount, yesno, text }

    public record Indicator(String key, String number, Kind kind, String aardControle, String name) {
        /** "Aard controle R" / "Aard controle n.v.t." as the bijlage prints it. */
        public String aardControleText() {
            return "Aard controle " + aardControle;
        }
    }

    public Optional<Year> year(int y) {
        return years.stream().filter(v -> v.year() == y).findFirst();
    }

    public Indicator indicator(String key) {
        return indicators.stream().filter(i -> i.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no SiSa indicator " + key));
    }

    /** The date CBS expects the bijlage over year T: 15 July of T+1 (as configured). */
    public LocalDate deliveryDue(int year) {
        return MonthDay.parse("--" + deliveryDueMonthDay).atYear(year + 1);
    }

    /** Indicator blocks as the workbook lays them out: the row key first in every block, then up to n others. */
    public List<List<Indicator>> blocks() {
        Indicator key = indicators.stream().filter(i -> i.kind() == Kind.row).findFirst()
                .orElseThrow(() -> new IllegalStateException("SiSa configuration without a row indicator"));
        List<Indicator> rest = indicators.stream().filter(i -> i != key).toList();
        List<List<Indicator>> blocks = new java.util.ArrayList<>();
        for (int i = 0; i < rest.size(); i += indicatorsPerBlock - 1) {
            List<Indicator> b = new java.util.ArrayList<>();
            b.add(key);
            b.addAll(rest.subList(i, Math.min(rest.size(), i + indicatorsPerBlock - 1)));
            blocks.add(List.copyOf(b));
        }
        return List.copyOf(blocks);
    }
}
