package nl.kansrijkewijk.functions.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.util.Map;
import nl.kansrijkewijk.functions.portal.aws.PortalApiHandler;
import nl.kansrijkewijk.pipeline.status.OutputBucketStatusSource;
import org.junit.jupiter.api.Test;

/** The Lambda handler only unpacks: path, method, query, body and the authorizer's claims. */
class PortalApiHandlerTest {
    final MemoryStore store = Fakes.pipelineOutputs();
    final PortalApiHandler handler = new PortalApiHandler(new PortalApi(new PortalConfig(Fakes.UPLOADS, Fakes.OUTPUTS),
            new Fakes.RecordingSigner(), new OutputBucketStatusSource(store, Fakes.UPLOADS, Fakes.OUTPUTS), store,
            Clock.systemUTC()), Map.of("loginDomain", "https://kw.auth.example", "clientId", "abc"));

    private static APIGatewayV2HTTPEvent event(String method, String path, Map<String, String> claims) {
        APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer = claims == null ? null
                : APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                        .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder().withClaims(claims).build()).build();
        return APIGatewayV2HTTPEvent.builder().withRawPath(path)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).withPath(path).build())
                        .withAuthorizer(authorizer).build())
                .build();
    }

    @Test
    void apiCallsGetTheCallerFromTheVerifiedClaims() {
        APIGatewayV2HTTPResponse r = handler.handleRequest(
                event("GET", "/api/uploads", Map.of("sub", "x", "custom:gemeente", "GM0599")), null);
        assertEquals(200, r.getStatusCode());
        assertTrue(r.getBody().contains("kapot.pdf") && !r.getBody().contains("aanvraag.pdf"), r.getBody());
        assertEquals("no-store", r.getHeaders().get("Cache-Control"));
        assertEquals(401, handler.handleRequest(event("GET", "/api/uploads", null), null).getStatusCode());
    }

    @Test
    void otherPathsArePagesOrNothing() {
        APIGatewayV2HTTPResponse page = handler.handleRequest(event("GET", "/", null), null);
        assertEquals(200, page.getStatusCode());
        assertEquals("text/html; charset=utf-8", page.getHeaders().get("Content-Type"));
        assertTrue(page.getBody().contains("Uploadportaal Regeling kansrijke wijk"));
        assertEquals(200, handler.handleRequest(event("GET", "/werkvoorraad.js", null), null).getStatusCode());
        assertEquals(404, handler.handleRequest(event("GET", "/../pom.xml", null), null).getStatusCode());
        assertEquals(404, handler.handleRequest(event("GET", "/static/index.html", null), null).getStatusCode());
        APIGatewayV2HTTPResponse config = handler.handleRequest(event("GET", "/config.json", null), null);
        assertTrue(config.getBody().contains("\"clientId\" : \"abc\""), config.getBody());
        assertEquals(405, handler.handleRequest(event("POST", "/index.html", null), null).getStatusCode());
    }
}
