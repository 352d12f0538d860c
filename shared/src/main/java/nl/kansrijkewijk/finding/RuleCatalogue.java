package nl.kansrijkewijk.finding;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rule catalogue ({@code finding/rules.yaml}): every finding id the service can produce, with the article it
 * rests on and its fixed severity. Findings take their severity from here, never from code.
 */
public final class RuleCatalogue {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final String RESOURCE = "/finding/rules.yaml";

    private final Map<String, RuleDefinition> byId;

    public RuleCatalogue(List<RuleDefinition> rules) {
        Map<String, RuleDefinition> m = new LinkedHashMap<>();
        for (RuleDefinition r : rules) {
            if (r.id() == null || r.severity() == null || r.article() == null) {
                throw new IllegalArgumentException("incomplete rule definition: " + r);
            }
            if (m.put(r.id(), r) != null) {
                throw new IllegalArgumentException("duplicate rule id in catalogue: " + r.id());
            }
        }
        this.byId = Collections.unmodifiableMap(m);
    }

    private record File(List<RuleDefinition> rules) {}

    public static RuleCatalogue read(InputStream in) throws IOException {
        return new RuleCatalogue(YAML.readValue(in, File.class).rules());
    }

    /** The catalogue shipped in kw-shared (loaded once per JVM). */
    public static RuleCatalogue standard() {
        return Holder.STANDARD;
    }

    private static final class Holder {
        static final RuleCatalogue STANDARD = load();

        private static RuleCatalogue load() {
            try (InputStream in = RuleCatalogue.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("rule catalogue not found on the classpath: " + RESOURCE);
                }
                return read(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read rule catalogue " + RESOURCE, e);
            }
        }
    }

    public Optional<RuleDefinition> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The definition of a rule id; an id missing from the catalogue is a programming error. */
    public RuleDefinition get(String id) {
        RuleDefinition d = byId.get(id);
        if (d == null) {
            throw new IllegalArgumentException("rule id not in the catalogue: " + id);
        }
        return d;
    }

    public Severity severity(String id) {
        return get(id).severity();
    }

    /** All definitions in catalogue order. */
    public List<RuleDefinition> all() {
        return List.copyOf(byId.values());
    }
}
