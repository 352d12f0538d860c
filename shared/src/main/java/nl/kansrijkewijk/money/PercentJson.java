package nl.kansrijkewijk.money;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * A percentage in JSON as the plain number it is ("5", "33.3333"): the output mapper writes every other
 * BigDecimal as money with two decimals, which a percentage is not.
 */
public final class PercentJson extends StdSerializer<BigDecimal> {
    public PercentJson() {
        super(BigDecimal.class);
    }

    @Override
    public void serialize(BigDecimal value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        BigDecimal v = value.stripTrailingZeros();
        gen.writeNumber(v.scale() < 0 ? v.setScale(0) : v);
    }
}
