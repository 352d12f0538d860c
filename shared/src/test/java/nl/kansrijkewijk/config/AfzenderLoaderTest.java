package nl.kansrijkewijk.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AfzenderLoaderTest {

    private static String shipped() throws IOException {
        try (InputStream in = AfzenderLoader.class.getResourceAsStream(AfzenderLoader.RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Afzender read(String yaml) throws IOException {
        return AfzenderLoader.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theShippedConfigurationHasASenderASignatoryAndABezwaarAddress() throws IOException {
        Afzender a = read(shipped());
        assertEquals("Ministerie van Binnenlandse Zaken en Koninkrijksrelaties", a.ministerie());
        assertEquals("Postbus 20011", a.postadres().get(0));
        assertEquals("N.N.", a.ondertekening().naam());
        assertTrue(a.bezwaar().adres().size() >= 2);
        // the values that are not public are marked, the public ones are not
        assertTrue(a.isDefault("ondertekening.naam"));
        assertTrue(a.isDefault("contact.email"));
        assertTrue(!a.isDefault("postadres"));
    }

    @Test
    void anEmptyValueIsRefused() throws IOException {
        String yaml = shipped().replace("naam: N.N.", "naam: \"\"");
        assertThrows(IllegalStateException.class, () -> read(yaml));
    }

    @Test
    void aDefaultThatNamesNoValueIsRefused() throws IOException {
        String yaml = shipped().replace("  - contact.email", "  - contact.fax");
        assertThrows(IllegalStateException.class, () -> read(yaml));
    }

    @Test
    void anUnknownKeyIsRefused() throws IOException {
        String yaml = shipped().replace("website:", "webstek:");
        assertThrows(IOException.class, () -> read(yaml));
    }
}
