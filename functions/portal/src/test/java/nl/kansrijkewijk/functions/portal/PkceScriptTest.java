package nl.kansrijkewijk.functions.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The page's PKCE code (static/pkce.js), run as it is shipped in Node's Web Crypto: the S256 challenge and the
 * base64url encoding of RFC 7636, Appendix B, and verifiers of the recommended form. Skipped where no {@code node}
 * is installed (the browser test runs the same file in Chromium).
 */
class PkceScriptTest {
    private static final Path SCRIPT = Path.of("src/main/resources/static/pkce.js").toAbsolutePath();

    private static List<String> node(String js) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder("node", "-e", "const p = require(" + quote(SCRIPT.toString()) + ");\n" + js)
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "node is not installed");
            throw e;
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "node answered");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        return out.lines().toList();
    }

    private static String quote(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    @Test
    void theChallengeOfRfc7636sExampleVerifier() throws Exception {
        // RFC 7636, Appendix B: the 32 octets, their base64url form (the verifier) and its S256 challenge
        List<String> out = node("""
                console.log(p.base64url(new Uint8Array([116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216,
                    173, 187, 186, 22, 212, 37, 77, 105, 214, 191, 240, 91, 88, 5, 88, 83, 132, 141, 121])));
                p.challenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk').then(c => console.log(c));
                """);
        assertEquals(List.of("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk",
                "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"), out);
    }

    @Test
    void verifiersAndStatesAreFreshFortyThreeCharacterStrings() throws Exception {
        List<String> out = node("for (let i = 0; i < 3; i++) { console.log(p.verifier()); } console.log(p.state());");
        for (String v : out) {
            assertTrue(v.matches("[A-Za-z0-9_-]{43}"), v); // 32 random octets; RFC 7636, 4.1: 43–128 of [A-Za-z0-9-._~]
        }
        assertEquals(4, out.stream().distinct().count(), out.toString());
        assertNotEquals(out.get(0), out.get(3));
    }

    @Test
    void thePagesLogInWithTheCodeFlowAndNeverReadATokenFromTheUrl() throws Exception {
        String portal = Files.readString(Path.of("src/main/resources/static/portal.js"), StandardCharsets.UTF_8);
        assertTrue(portal.contains("response_type: 'code'") && portal.contains("code_challenge_method: 'S256'")
                && portal.contains("code_verifier: stored.verifier"), "code + PKCE");
        assertFalse(portal.contains("response_type=token") || portal.contains("id_token="), "no implicit flow");
        for (String page : List.of("index.html", "werkvoorraad.html")) {
            String html = Files.readString(Path.of("src/main/resources/static", page), StandardCharsets.UTF_8);
            assertTrue(html.indexOf("pkce.js") >= 0 && html.indexOf("pkce.js") < html.indexOf("portal.js"), page);
        }
    }
}
