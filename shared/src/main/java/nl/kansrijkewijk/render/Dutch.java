package nl.kansrijkewijk.render;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import nl.kansrijkewijk.besluit.Besluit;
import nl.kansrijkewijk.finding.Texts;
import nl.kansrijkewijk.form.FormFields;
import nl.kansrijkewijk.money.Money;

/** Small pieces of Dutch text shared by the letter and the reports. */
final class Dutch {
    private static final Map<Integer, String> WORDS = Map.ofEntries(
            Map.entry(1, "één"), Map.entry(2, "twee"), Map.entry(3, "drie"), Map.entry(4, "vier"),
            Map.entry(5, "vijf"), Map.entry(6, "zes"), Map.entry(7, "zeven"), Map.entry(8, "acht"),
            Map.entry(9, "negen"), Map.entry(10, "tien"), Map.entry(11, "elf"), Map.entry(12, "twaalf"),
            Map.entry(13, "dertien"), Map.entry(14, "veertien"), Map.entry(15, "vijftien"),
            Map.entry(16, "zestien"), Map.entry(17, "zeventien"), Map.entry(18, "achttien"),
            Map.entry(19, "negentien"), Map.entry(20, "twintig"));

    private Dutch() {}

    /**
     * An amount as a beschikking states it: always with its cents ("€ 1.500.000,00"), so that no reader wonders
     * whether cents were dropped; a negative amount with a minus sign before the euro sign.
     */
    static String money(BigDecimal amount) {
        if (amount == null) {
            return "—";
        }
        BigDecimal b = Money.scale(amount);
        java.text.DecimalFormatSymbols sym = new java.text.DecimalFormatSymbols(java.util.Locale.ROOT);
        sym.setGroupingSeparator('.');
        sym.setDecimalSeparator(',');
        java.text.DecimalFormat f = new java.text.DecimalFormat("#,##0.00", sym);
        return (b.signum() < 0 ? "−€ " : "€ ") + f.format(b.abs());
    }

    /** Legal texts write small numbers in words ("binnen zes weken"). */
    static String number(int n) {
        return WORDS.getOrDefault(n, Integer.toString(n));
    }

    /** "12 maanden" reads as "één jaar" in art. 15, vierde lid. */
    static String months(int n) {
        if (n % 12 == 0) {
            int years = n / 12;
            return number(years) + " jaar";
        }
        return number(n) + (n == 1 ? " maand" : " maanden");
    }

    /** "5 %", "2,5 %"; a missing percentage prints as a dash. */
    static String percent(BigDecimal p) {
        return p == null ? "—" : Texts.percent(p);
    }

    /** "100 procent" as the regeling writes it. */
    static String procent(BigDecimal p) {
        return Texts.percent(p).replace(" %", " procent");
    }

    /** The records allow null lists where nothing was read; the writers treat that as empty. */
    static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** Form order of the onderdelen (art. 3 to 9); unknown codes last. */
    static int onderdeelOrder(String code) {
        int i = code == null ? -1 : FormFields.ONDERDELEN.indexOf(code);
        return i < 0 ? FormFields.ONDERDELEN.size() : i;
    }

    /** "Preventie van armoede en schulden — Zuidoost" for a split group, else the name. */
    static String groupLabel(Besluit.OnderdeelBesluit o) {
        String name = Texts.capitalise(o.name() != null ? o.name() : o.onderdeel());
        return o.focusgebied() == null ? name : name + " — " + o.focusgebied();
    }
}
