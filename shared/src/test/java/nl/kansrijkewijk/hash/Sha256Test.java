package nl.kansrijkewijk.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class Sha256Test {
    /** FIPS 180-2, appendix B.1. */
    @Test
    void knownAnswer() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                Sha256.hex("abc".getBytes(StandardCharsets.US_ASCII)));
    }

    /** One million times 'a' (FIPS 180-2, appendix B.3): large enough to be remembered. */
    @Test
    void aRememberedDigestIsTheDigestAndFollowsChangesToTheArray() {
        byte[] million = new byte[1_000_000];
        Arrays.fill(million, (byte) 'a');
        String expected = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0";
        assertEquals(expected, Sha256.hex(million));
        assertEquals(expected, Sha256.hex(million), "asked again for the same array");
        assertEquals(expected, Sha256.hex(million.clone()), "an equal copy");

        million[500_000] = 'b';
        String changed = Sha256.hex(million);
        assertNotEquals(expected, changed, "the same array, changed since: hashed anew");
        million[500_000] = 'a';
        assertEquals(expected, Sha256.hex(million));
    }
}
