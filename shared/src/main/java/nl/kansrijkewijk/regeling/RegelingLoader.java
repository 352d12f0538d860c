package nl.kansrijkewijk.regeling;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads a regeling data file (YAML). Unknown keys are an error: a typo in law data must not pass silently. */
public final class RegelingLoader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private RegelingLoader() {}

    public static Regeling read(InputStream in) throws IOException {
        return YAML.readValue(in, Regeling.class);
    }

    public static Regeling readResource(String resource) {
        try (InputStream in = RegelingLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("regeling data not found on the classpath: " + resource);
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read regeling data " + resource, e);
        }
    }
}
