package nl.kansrijkewijk.sisa;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads the SiSa configuration (YAML). Unknown keys are an error, as for the regeling data. */
public final class SisaConfigLoader {
    public static final String RESOURCE = "/regeling/kansrijke-wijk-2023-sisa.yaml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private SisaConfigLoader() {}

    public static SisaConfig read(InputStream in) throws IOException {
        return YAML.readValue(in, SisaConfig.class);
    }

    /** The configuration shipped in kw-shared (loaded once per JVM). */
    public static SisaConfig standard() {
        return Holder.STANDARD;
    }

    private static final class Holder {
        static final SisaConfig STANDARD = load();

        private static SisaConfig load() {
            try (InputStream in = SisaConfigLoader.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("SiSa configuration not found on the classpath: " + RESOURCE);
                }
                return read(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read SiSa configuration " + RESOURCE, e);
            }
        }
    }
}
