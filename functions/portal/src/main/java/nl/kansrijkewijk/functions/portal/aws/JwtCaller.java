package nl.kansrijkewijk.functions.portal.aws;

import java.util.Map;
import java.util.Optional;
import nl.kansrijkewijk.functions.portal.Caller;

/**
 * The caller from the claims that API Gateway's JWT authorizer verified (signature, issuer = the Cognito user
 * pool, audience = the portal's app client, expiry). Cognito puts the user's groups in {@code cognito:groups};
 * through an HTTP API they arrive as one string ({@code "[reviewers]"} or {@code "[a b]"}). The gemeente is the
 * user pool attribute {@code custom:gemeente}, which only administrators can set (the app client may not write
 * it). No claims, or a gemeente claim that is not a CBS code: not authenticated.
 */
public final class JwtCaller {
    public static final String GEMEENTE_CLAIM = "custom:gemeente";
    public static final String GROUPS_CLAIM = "cognito:groups";
    public static final String REVIEWERS_GROUP = "reviewers";

    private JwtCaller() {}

    public static Optional<Caller> from(Map<String, String> claims) {
        if (claims == null || claims.isEmpty()) {
            return Optional.empty();
        }
        String subject = claims.getOrDefault("sub", "?");
        String groups = claims.getOrDefault(GROUPS_CLAIM, "");
        for (String g : groups.replace("[", " ").replace("]", " ").replace(",", " ").replace("\"", " ").split("\\s+")) {
            if (g.equals(REVIEWERS_GROUP)) {
                return Optional.of(new Caller.Reviewer(subject));
            }
        }
        String gemeente = claims.get(GEMEENTE_CLAIM);
        if (gemeente == null || !Caller.CBS_CODE.matcher(gemeente.strip()).matches()) {
            return Optional.empty();
        }
        return Optional.of(new Caller.Gemeente(gemeente.strip(), subject));
    }
}
