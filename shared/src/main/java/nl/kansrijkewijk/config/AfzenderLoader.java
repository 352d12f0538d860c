package nl.kansrijkewijk.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the deployment configuration {@link Afzender}: from the file named by the system property
 * {@code kw.afzender} or the environment variable {@code KW_AFZENDER} when set, else the classpath default
 * {@code /config/afzender.yaml}. Unknown keys, missing values and a {@code defaults} entry naming no value are
 * errors: a letter must not go out with a silently empty sender.
 */
public final class AfzenderLoader {
    public static final String RESOURCE = "/config/afzender.yaml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES);
    private static volatile Afzender standard;

    private AfzenderLoader() {}

    /** The configuration of this deployment, read once. */
    public static Afzender standard() {
        Afzender a = standard;
        if (a == null) {
            synchronized (AfzenderLoader.class) {
                if (standard == null) {
                    standard = load();
                }
                a = standard;
            }
        }
        return a;
    }

    static Afzender load() {
        String file = System.getProperty("kw.afzender", System.getenv("KW_AFZENDER"));
        if (file != null && !file.isBlank()) {
            try (InputStream in = Files.newInputStream(Path.of(file))) {
                return read(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the afzender configuration " + file, e);
            }
        }
        try (InputStream in = AfzenderLoader.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("afzender configuration not on the classpath: " + RESOURCE);
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the afzender configuration " + RESOURCE, e);
        }
    }

    public static Afzender read(InputStream in) throws IOException {
        JsonNode tree = YAML.readTree(in);
        Afzender a = YAML.treeToValue(tree, Afzender.class);
        for (String path : a.defaults()) {
            JsonNode node = tree.at("/" + path.replace('.', '/'));
            if (node.isMissingNode() || node.isNull()) {
                throw new IllegalStateException("defaults names " + path + ", which the configuration does not have");
            }
        }
        requireText(tree, "");
        return a;
    }

    /** Every leaf must carry text: an empty sender, contact or signatory line is a configuration error. */
    private static void requireText(JsonNode node, String path) {
        if (node.isContainerNode()) {
            node.fields().forEachRemaining(e -> requireText(e.getValue(), path + "/" + e.getKey()));
            if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    requireText(node.get(i), path + "/" + i);
                }
            }
        } else if (node.isNull() || node.asText().isBlank()) {
            throw new IllegalStateException("the afzender configuration has no value at " + path);
        }
    }
}
