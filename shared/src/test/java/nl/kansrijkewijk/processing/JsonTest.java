package nl.kansrijkewijk.processing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    private static String json(Object value) {
        return new String(Json.bytes(value), StandardCharsets.UTF_8).replaceAll("\\s+", "");
    }

    @Test
    void moneyIsWrittenWithTwoDecimalsWhateverItsScale() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("spreadsheet", new BigDecimal("68895204.0")); // how a double read from a cell arrives
        m.put("whole", new BigDecimal("68895204"));
        m.put("exponent", new BigDecimal("6.9E+7"));
        m.put("cents", new BigDecimal("14327051.75"));
        m.put("finer", new BigDecimal("0.125"));
        assertEquals("{\"spreadsheet\":68895204.00,\"whole\":68895204.00,\"exponent\":69000000.00,"
                + "\"cents\":14327051.75,\"finer\":0.125}", json(m));
    }
}
