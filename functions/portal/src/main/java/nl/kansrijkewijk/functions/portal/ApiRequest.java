package nl.kansrijkewijk.functions.portal;

import java.util.Map;

/** An API call as the portal core sees it, whichever server received it (API Gateway or ./kw serve). */
public record ApiRequest(String method, String path, Map<String, String> query, String body) {
    public ApiRequest {
        query = query == null ? Map.of() : Map.copyOf(query);
        body = body == null ? "" : body;
    }

    public String param(String name) {
        return query.get(name);
    }
}
