package nl.kansrijkewijk.functions.portal.aws;

import nl.kansrijkewijk.pipeline.s3.S3BucketStore;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import nl.kansrijkewijk.functions.portal.ApiRequest;
import nl.kansrijkewijk.functions.portal.ApiResponse;
import nl.kansrijkewijk.functions.portal.Caller;
import nl.kansrijkewijk.pipeline.status.Gemeenten;
import nl.kansrijkewijk.pipeline.status.DossierStatusSource;
import nl.kansrijkewijk.functions.portal.PortalApi;
import nl.kansrijkewijk.functions.portal.PortalConfig;
import nl.kansrijkewijk.functions.portal.StaticFiles;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The portal behind API Gateway (HTTP API, payload 2.0): {@code /api/…} goes to {@link PortalApi} with the
 * caller from the JWT authorizer's claims; anything else is a page from {@link StaticFiles}. Only unpacks and
 * delegates.
 */
public final class PortalApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    static final String API_BASE = "/api";

    public static final String ENV_LOGIN_DOMAIN = "KW_LOGIN_DOMAIN";
    public static final String ENV_LOGIN_CLIENT = "KW_LOGIN_CLIENT_ID";

    private final PortalApi api;
    private final Map<String, String> login;

    public PortalApiHandler() {
        this(fromEnvironment(System.getenv()), loginConfig(System.getenv()));
        // Load the regeling data (gemeente names, ~2 s cold) during Lambda's init phase, not in the first
        // user's request.
        Gemeenten.codes();
    }

    /** @param login what the page needs to send the user to the hosted login (empty: token login, as locally) */
    public PortalApiHandler(PortalApi api, Map<String, String> login) {
        this.api = api;
        this.login = Map.copyOf(login);
    }

    private static Map<String, String> loginConfig(Map<String, String> env) {
        String domain = env.get(ENV_LOGIN_DOMAIN);
        String client = env.get(ENV_LOGIN_CLIENT);
        return domain == null || client == null || domain.isBlank() || client.isBlank() ? Map.of()
                : Map.of("loginDomain", domain.strip(), "clientId", client.strip());
    }

    private static PortalApi fromEnvironment(Map<String, String> env) {
        PortalConfig config = PortalConfig.fromEnvironment(env);
        Region region = AwsClients.region(env);
        S3Client s3 = AwsClients.s3(region, AwsClients.lambdaCredentials(), AwsClients.endpoint(env));
        S3BucketStore store = new S3BucketStore(s3);
        return new PortalApi(config,
                new S3UrlSigner(AwsClients.presigner(region, AwsClients.lambdaCredentials(), AwsClients.endpoint(env))),
                DossierStatusSource.over(store, config.uploadBucket(), config.outputBucket()), store,
                Clock.systemUTC());
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        String path = event.getRawPath() == null ? "/" : event.getRawPath();
        String method = event.getRequestContext() != null && event.getRequestContext().getHttp() != null
                ? event.getRequestContext().getHttp().getMethod() : "GET";
        ApiResponse response;
        if (path.equals(API_BASE) || path.startsWith(API_BASE + "/")) {
            String body = event.getBody();
            if (body != null && event.getIsBase64Encoded()) {
                body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
            }
            ApiRequest request = new ApiRequest(method, path.substring(API_BASE.length()), event.getQueryStringParameters(), body);
            response = api.handle(request, caller(event));
        } else if (method.equals("GET") && path.equals("/config.json")) {
            response = ApiResponse.json(200, login);
        } else if (method.equals("GET")) {
            response = StaticFiles.get(path).orElse(ApiResponse.error(404, "Deze pagina bestaat niet."));
        } else {
            response = ApiResponse.error(405, "Deze bewerking is hier niet toegestaan.");
        }
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(response.status())
                .withHeaders(Map.of("Content-Type", response.contentType(), "Cache-Control", "no-store",
                        "X-Content-Type-Options", "nosniff"))
                .withBody(response.bodyText())
                .withIsBase64Encoded(false)
                .build();
    }

    static Optional<Caller> caller(APIGatewayV2HTTPEvent event) {
        var ctx = event.getRequestContext();
        if (ctx == null || ctx.getAuthorizer() == null || ctx.getAuthorizer().getJwt() == null) {
            return Optional.empty();
        }
        return JwtCaller.from(ctx.getAuthorizer().getJwt().getClaims());
    }
}
