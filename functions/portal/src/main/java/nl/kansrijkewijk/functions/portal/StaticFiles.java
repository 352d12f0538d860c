package nl.kansrijkewijk.functions.portal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The portal's pages (classpath {@code static/}): plain files, deployable to any static host; the API function
 * and ./kw serve also serve them, so one URL gives page and API.
 */
public final class StaticFiles {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{0,60}");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "svg", "image/svg+xml",
            "ico", "image/x-icon");

    private StaticFiles() {}

    /** @param path the request path, e.g. "/" or "/portal.js" */
    public static Optional<ApiResponse> get(String path) {
        String name = path == null || path.equals("/") || path.isEmpty() ? "index.html" : path.substring(1);
        if (!NAME.matcher(name).matches() || name.contains("..")) {
            return Optional.empty();
        }
        String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1));
        if (type == null) {
            return Optional.empty();
        }
        try (InputStream in = StaticFiles.class.getResourceAsStream("/static/" + name)) {
            return in == null ? Optional.empty() : Optional.of(new ApiResponse(200, type, in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
