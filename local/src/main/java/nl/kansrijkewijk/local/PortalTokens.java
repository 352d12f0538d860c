package nl.kansrijkewijk.local;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import nl.kansrijkewijk.functions.portal.Caller;
import nl.kansrijkewijk.pipeline.status.Gemeenten;

/**
 * The local stand-in for the Cognito authorizer: a small properties file (token = CBS code, or token =
 * {@value #REVIEWER}). Created on first use with a random token per gemeente and one reviewer token; edit it to
 * add or revoke tokens. Local only: in AWS the identity comes from the JWT authorizer.
 */
public final class PortalTokens {
    public static final String REVIEWER = "beoordelaar";

    private final Map<String, String> roles;

    public PortalTokens(Map<String, String> roles) {
        this.roles = Map.copyOf(roles);
    }

    public static PortalTokens loadOrCreate(Path file) throws IOException {
        if (!Files.exists(file)) {
            Files.createDirectories(file.getParent());
            Properties p = new Properties();
            SecureRandom random = new SecureRandom();
            for (String code : Gemeenten.codes()) {
                p.setProperty(token(random, code.toLowerCase(java.util.Locale.ROOT)), code);
            }
            p.setProperty(token(random, "beoordelaar"), REVIEWER);
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                p.store(w, "./kw serve: portal tokens (token = CBS code of the gemeente, or " + REVIEWER + ")");
            }
            try {
                // Tokens are passwords: readable by the owner only, where the filesystem knows permissions.
                Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX filesystem
            }
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        Map<String, String> roles = new LinkedHashMap<>();
        p.stringPropertyNames().forEach(t -> roles.put(t.strip(), p.getProperty(t).strip()));
        return new PortalTokens(roles);
    }

    private static String token(SecureRandom random, String prefix) {
        byte[] b = new byte[12];
        random.nextBytes(b);
        return prefix + "-" + HexFormat.of().formatHex(b);
    }

    /** The caller of a bearer token; empty for an unknown token or a line naming no gemeente. */
    public Optional<Caller> caller(String token) {
        if (token == null) {
            return Optional.empty();
        }
        String role = roles.get(token.strip());
        if (role == null) {
            return Optional.empty();
        }
        if (role.equals(REVIEWER)) {
            return Optional.of(new Caller.Reviewer("token:" + REVIEWER));
        }
        try {
            return Optional.of(new Caller.Gemeente(role, "token:" + role));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A token for this role (CBS code or {@value #REVIEWER}), for printing at start. */
    public Optional<String> tokenFor(String role) {
        return new TreeMap<>(roles).entrySet().stream().filter(e -> e.getValue().equals(role)).map(Map.Entry::getKey).findFirst();
    }
}
