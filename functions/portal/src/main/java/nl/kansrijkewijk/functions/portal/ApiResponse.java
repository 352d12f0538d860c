package nl.kansrijkewijk.functions.portal;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import nl.kansrijkewijk.processing.Json;

/** Status, content type and body of an API answer; errors carry a Dutch message under "fout". */
public record ApiResponse(int status, String contentType, byte[] body) {
    public static final String JSON = "application/json; charset=utf-8";

    public static ApiResponse json(int status, Object value) {
        return new ApiResponse(status, JSON, Json.bytes(value));
    }

    public static ApiResponse error(int status, String dutchMessage) {
        return json(status, Map.of("fout", dutchMessage));
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
