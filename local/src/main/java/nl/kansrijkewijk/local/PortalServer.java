package nl.kansrijkewijk.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import nl.kansrijkewijk.functions.portal.ApiRequest;
import nl.kansrijkewijk.functions.portal.ApiResponse;
import nl.kansrijkewijk.functions.portal.Caller;
import nl.kansrijkewijk.functions.portal.PortalApi;
import nl.kansrijkewijk.functions.portal.StaticFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The portal on this machine: the JDK's HTTP server in front of the same {@link PortalApi} the Lambda handler
 * calls, with bearer tokens from {@link PortalTokens} where AWS has the JWT authorizer. Serves the pages at /
 * and the API at /api/.
 */
public final class PortalServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PortalServer.class);
    private static final int MAX_BODY = 64 * 1024;

    private final HttpServer server;
    private final ExecutorService executor;

    private PortalServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** @param port 0 for any free port */
    public static PortalServer start(String host, int port, PortalApi api, PortalTokens tokens) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
        ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "kw-portal-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            try (exchange) {
                respond(exchange, route(exchange, api, tokens));
            } catch (RuntimeException | IOException e) {
                LOG.warn("portal request {} failed: {}", exchange.getRequestURI(), e.toString());
            }
        });
        server.start();
        return new PortalServer(server, executor);
    }

    private static ApiResponse route(HttpExchange exchange, PortalApi api, PortalTokens tokens) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        String method = exchange.getRequestMethod();
        if (path.equals("/api") || path.startsWith("/api/")) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(MAX_BODY + 1);
            }
            if (body.length > MAX_BODY) {
                return ApiResponse.error(413, "Het verzoek is te groot.");
            }
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            Optional<Caller> caller = auth != null && auth.startsWith("Bearer ")
                    ? tokens.caller(auth.substring("Bearer ".length())) : Optional.empty();
            String apiPath = URLDecoder.decode(path.substring(4), StandardCharsets.UTF_8);
            return api.handle(new ApiRequest(method, apiPath, query(exchange.getRequestURI()),
                    new String(body, StandardCharsets.UTF_8)), caller);
        }
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return ApiResponse.error(405, "Deze bewerking is hier niet toegestaan.");
        }
        if (path.equals("/config.json")) {
            // No hosted login here: the page asks for a token from PortalTokens.
            return ApiResponse.json(200, Map.of());
        }
        return StaticFiles.get(path).orElse(ApiResponse.error(404, "Deze pagina bestaat niet."));
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> q = new HashMap<>();
        String raw = uri.getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                q.putIfAbsent(k, v);
            }
        }
        return q;
    }

    private static void respond(HttpExchange exchange, ApiResponse r) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", r.contentType());
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(r.status(), head ? -1 : r.body().length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(r.body());
            }
        }
    }

    public URI url() {
        InetSocketAddress a = server.getAddress();
        return URI.create("http://" + a.getHostString() + ":" + a.getPort() + "/");
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
