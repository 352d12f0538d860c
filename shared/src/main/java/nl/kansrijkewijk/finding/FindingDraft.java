package nl.kansrijkewijk.finding;

import java.math.BigDecimal;
import nl.kansrijkewijk.money.Money;

/**
 * A finding under construction. Severity and default article come from its catalogue entry, so a rule cannot
 * emit a severity the catalogue does not give it. Subclasses add what their document knows (an aanvraag's
 * activities and budget groups, a workbook's cells); the self type keeps the fluent calls on the subclass.
 *
 * @param <D> the concrete draft type
 */
public abstract class FindingDraft<D extends FindingDraft<D>> {
    private final String rule;
    private final RuleDefinition definition;
    private String article;
    private String message = "";
    private final Trail.Builder trail = Trail.builder();
    private String outcome;
    private String onderdeel;
    private String focusgebied;
    private Integer activity;
    private BigDecimal refused;

    protected FindingDraft(RuleDefinition definition) {
        this.rule = definition.id();
        this.definition = definition;
        this.article = definition.article();
    }

    @SuppressWarnings("unchecked")
    private D self() {
        return (D) this;
    }

    public String rule() {
        return rule;
    }

    public String message() {
        return message;
    }

    /** The citation the finding will carry (the catalogue's unless a rule set gave a more specific one). */
    public String article() {
        return article;
    }

    public D article(String a) {
        this.article = a;
        return self();
    }

    public D message(String m) {
        this.message = m;
        return self();
    }

    public D input(String label, Object value) {
        trail.input(label, value);
        return self();
    }

    public D step(String step) {
        trail.step(step);
        return self();
    }

    public D outcome(String o) {
        this.outcome = o;
        return self();
    }

    public D onderdeel(String o) {
        this.onderdeel = o;
        return self();
    }

    public D focusgebied(String f) {
        this.focusgebied = f;
        return self();
    }

    public D activityNumber(Integer number) {
        this.activity = number;
        return self();
    }

    /** The amount (inclusief btw) this finding takes off the request, in cents. */
    public D refused(BigDecimal amount) {
        this.refused = amount == null ? null : Money.scale(amount);
        return self();
    }

    /** The finding, placed at {@code location}; without an explicit outcome the trail ends in the severity. */
    protected Finding build(Location location) {
        String o = outcome != null ? outcome : definition.severity().label();
        return new Finding(rule, article, definition.severity(), message, location, trail.outcome(o),
                onderdeel, focusgebied, activity, refused);
    }
}
