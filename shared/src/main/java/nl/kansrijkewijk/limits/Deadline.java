package nl.kansrijkewijk.limits;

import java.time.Duration;

/**
 * The moment by which one upload must be answered. Readers check it between units of work (a page, a stream, a
 * sheet); past it they give up with {@link Exceeded}, so that the pipeline still has time to write the Dutch
 * error report before the function itself is stopped.
 */
public final class Deadline {
    private static final Deadline NONE = new Deadline(Long.MAX_VALUE);
    private final long atNanos;

    private Deadline(long atNanos) {
        this.atNanos = atNanos;
    }

    public static Deadline none() {
        return NONE;
    }

    public static Deadline after(Duration budget) {
        long now = System.nanoTime();
        long nanos = budget.isNegative() ? 0 : budget.toNanos();
        return new Deadline(Long.MAX_VALUE - now < nanos ? Long.MAX_VALUE : now + nanos);
    }

    /** The earlier of this deadline and {@code budget} from now. */
    public Deadline within(Duration budget) {
        Deadline other = after(budget);
        return other.atNanos < atNanos ? other : this;
    }

    public boolean passed() {
        return atNanos != Long.MAX_VALUE && System.nanoTime() - atNanos >= 0;
    }

    /** @throws Exceeded when the deadline has passed */
    public void check() {
        if (passed()) {
            throw new Exceeded();
        }
    }

    /** Unchecked because it is raised inside library callbacks (a text stripper's page hook); readers map it. */
    public static final class Exceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Exceeded() {
            super("processing time for this upload is used up", null, false, false);
        }
    }
}
