package nl.kansrijkewijk.regeling;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import nl.kansrijkewijk.hash.Sha256;

/**
 * All known versions of the regeling, selected by date: the version in force on a date is the one with
 * the latest {@code validFrom} on or before it. A new tranche or amendment is a new data file listed in
 * {@code index.txt}, not code.
 */
public final class RegelingCatalogus {
    private final List<Regeling> versions;

    public RegelingCatalogus(List<Regeling> versions) {
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("a catalogue needs at least one regeling version");
        }
        this.versions = versions.stream().sorted(Comparator.comparing(Regeling::validFrom)).toList();
    }

    /** The versions listed, one file name a line, in {@code index.txt} under a classpath folder ("/regeling/"). */
    public static RegelingCatalogus fromClasspath(String folder) {
        List<Regeling> versions = new ArrayList<>();
        try (InputStream in = RegelingCatalogus.class.getResourceAsStream(folder + "index.txt")) {
            if (in == null) {
                throw new IllegalStateException("no regeling index at " + folder + "index.txt");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                line = line.strip();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    versions.add(readHashed(folder + line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RegelingCatalogus(versions);
    }

    /** SHA-256 of the data file each version loaded from a file came from, for provenance. */
    private static final Map<Regeling, String> SOURCE_SHA256 = new ConcurrentHashMap<>();

    private static Regeling readHashed(String resource) {
        byte[] bytes;
        try (InputStream in = RegelingCatalogus.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("regeling data not found on the classpath: " + resource);
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read regeling data " + resource, e);
        }
        Regeling regeling;
        try {
            regeling = RegelingLoader.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read regeling data " + resource, e);
        }
        SOURCE_SHA256.put(regeling, Sha256.hex(bytes));
        return regeling;
    }

    /** The SHA-256 of the data file this version was read from; empty for a version built in code. */
    public static Optional<String> sourceSha256(Regeling regeling) {
        return Optional.ofNullable(SOURCE_SHA256.get(regeling));
    }

    /** The catalogue shipped in kw-shared (loaded once per JVM). */
    public static RegelingCatalogus standard() {
        return Holder.STANDARD;
    }

    private static final class Holder {
        static final RegelingCatalogus STANDARD = fromClasspath("/regeling/");
    }

    public Optional<Regeling> inForceOn(LocalDate date) {
        Regeling chosen = null;
        for (Regeling r : versions) {
            if (!r.validFrom().isAfter(date)) {
                chosen = r;
            }
        }
        return Optional.ofNullable(chosen);
    }

    public List<Regeling> versions() {
        return versions;
    }

    /** The first version, used when a form's date is missing or unreadable. */
    public Regeling first() {
        return versions.get(0);
    }
}
