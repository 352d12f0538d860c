package nl.kansrijkewijk.finding;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The explanation behind a finding: which input values (by name, as formatted text, in insertion order) and
 * which computation steps led to its outcome. A reviewer must be able to redo the finding from this alone.
 */
public record Trail(Map<String, String> inputs, List<String> computation, String outcome) {

    public Trail {
        inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
        computation = List.copyOf(computation);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final Map<String, String> inputs = new LinkedHashMap<>();
        private final List<String> computation = new ArrayList<>();

        public Builder input(String name, Object value) {
            inputs.put(name, value == null ? "(leeg)" : String.valueOf(value));
            return this;
        }

        public Builder step(String step) {
            computation.add(step);
            return this;
        }

        public Trail outcome(String outcome) {
            return new Trail(inputs, computation, outcome);
        }
    }
}
