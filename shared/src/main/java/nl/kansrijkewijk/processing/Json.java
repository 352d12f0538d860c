package nl.kansrijkewijk.processing;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;

/**
 * The one JSON configuration for every output: ISO dates, money as plain decimals with (at least) two places,
 * two-space indent and "\n" line ends whatever the platform, so the same input gives the same bytes everywhere.
 */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .registerModule(new SimpleModule("money").addSerializer(BigDecimal.class, new MoneyJson()));
    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));

    private Json() {}

    /**
     * Every decimal as a plain number with at least two places ("68895204.00", never "68895204.0" or "6.9E+7"):
     * the README promises two decimals for money, and an amount that reached the model with a shorter scale (a
     * value read from a spreadsheet cell, a sum of whole euros) must not change how it is written.
     */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static byte[] bytes(Object value) {
        try {
            return (MAPPER.writer(PRETTY).writeValueAsString(value) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    /**
     * Money as a plain decimal with (at least) two places, whatever scale the arithmetic left ("68895204.00", never
     * "68895204.0" or "6.8895204E7"). Percentages are annotated with {@link nl.kansrijkewijk.money.PercentJson}.
     */
    static final class MoneyJson extends StdSerializer<BigDecimal> {
        MoneyJson() {
            super(BigDecimal.class);
        }

        @Override
        public void serialize(BigDecimal value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeNumber(value.scale() < 2 ? value.setScale(2, RoundingMode.UNNECESSARY) : value);
        }
    }
}
