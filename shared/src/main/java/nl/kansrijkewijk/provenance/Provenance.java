package nl.kansrijkewijk.provenance;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import nl.kansrijkewijk.hash.Sha256;
import nl.kansrijkewijk.regeling.Regeling;
import nl.kansrijkewijk.regeling.RegelingCatalogus;

/**
 * What produced an output, so that a decision can be traced years later to the code, the regeling data and the
 * rule catalogue behind it. Carried by manifest.json and bevindingen.json. No timestamps: the same input keeps
 * giving the same bytes.
 *
 * @param codeVersion     the Maven project version of the build (written into a resource at build time)
 * @param regeling        the regeling version's id ("kansrijke-wijk-2023"); null when nothing was read
 * @param regelingSha256  SHA-256 of the regeling data file that version was loaded from; null when it was not
 *                        loaded from a file (a catalogue built in code)
 * @param rulesSha256     SHA-256 of the rule catalogue, {@code finding/rules.yaml}
 * @param formVersion     the form version printed on the document ("KW-2023-1"); null when absent or unread
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"codeVersion", "regeling", "regelingSha256", "rulesSha256", "formVersion"})
public record Provenance(String codeVersion, String regeling, String regelingSha256, String rulesSha256,
        String formVersion) {

    static final String BUILD_PROPERTIES = "/nl/kansrijkewijk/provenance/build.properties";
    static final String RULES_RESOURCE = "/finding/rules.yaml";

    /** @param regeling null for a document that was not read */
    public static Provenance of(Regeling regeling, String formVersion) {
        return new Provenance(currentCodeVersion(), regeling == null ? null : regeling.id(),
                regeling == null ? null : RegelingCatalogus.sourceSha256(regeling).orElse(null),
                currentRulesSha256(), formVersion);
    }

    public static String currentCodeVersion() {
        return Holder.CODE_VERSION;
    }

    public static String currentRulesSha256() {
        return Holder.RULES_SHA256;
    }

    private static final class Holder {
        static final String CODE_VERSION = readCodeVersion();
        static final String RULES_SHA256 = resourceSha256(RULES_RESOURCE);
    }

    private static String readCodeVersion() {
        try (InputStream in = Provenance.class.getResourceAsStream(BUILD_PROPERTIES)) {
            if (in == null) {
                throw new IllegalStateException("no " + BUILD_PROPERTIES + " on the classpath: not built by Maven?");
            }
            Properties p = new Properties();
            p.load(in);
            String version = p.getProperty("version");
            if (version == null || version.isBlank() || version.startsWith("${")) {
                throw new IllegalStateException(BUILD_PROPERTIES + " was not filtered at build time: " + version);
            }
            return version.strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resourceSha256(String resource) {
        try (InputStream in = Provenance.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource not on the classpath: " + resource);
            }
            return Sha256.hex(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
