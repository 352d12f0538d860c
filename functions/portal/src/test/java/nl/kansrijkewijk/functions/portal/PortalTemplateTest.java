package nl.kansrijkewijk.functions.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.kansrijkewijk.pipeline.status.OutputBucketStatusSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The portal's part of template.yaml against this module's code: its handlers exist, its role can sign uploads
 * only into inbox/ and read outputs, the bucket policy repeats the inbox bound, the API demands the Cognito JWT.
 * (Loops across all functions: kw-function-aanvraag's TemplateTest.)
 */
class PortalTemplateTest {
    static final String UPLOADS = "arn:${AWS::Partition}:s3:::kw-${Stage}-uploads-${AWS::AccountId}-${AWS::Region}";
    static final String OUTPUTS = "arn:${AWS::Partition}:s3:::kw-${Stage}-outputs-${AWS::AccountId}-${AWS::Region}";
    static Map<String, Object> resources;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void read() throws Exception {
        try (Reader r = Files.newBufferedReader(Path.of("../../template.yaml"), StandardCharsets.UTF_8)) {
            resources = (Map<String, Object>) ((Map<String, Object>) new Yaml(new Tags()).load(r)).get("Resources");
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    static Map<String, Object> props(String resource) {
        return map(map(resources.get(resource)).get("Properties"));
    }

    static List<Map<String, Object>> statements(String function) {
        List<Map<String, Object>> all = new ArrayList<>();
        for (Object policy : (List<?>) props(function).get("Policies")) {
            for (Object s : (List<?>) map(policy).get("Statement")) {
                all.add(map(s));
            }
        }
        return all;
    }

    static List<String> list(Object o) {
        List<String> out = new ArrayList<>();
        for (Object x : o instanceof List<?> l ? l : List.of(o)) {
            out.add(x instanceof Map<?, ?> m && m.containsKey("Fn::Sub") ? String.valueOf(m.get("Fn::Sub")) : String.valueOf(x));
        }
        return out;
    }

    /** Resources of the statements granting this action. */
    static List<String> granted(String function, String action) {
        List<String> out = new ArrayList<>();
        for (Map<String, Object> s : statements(function)) {
            if (list(s.get("Action")).contains(action)) {
                out.addAll(list(s.get("Resource")));
            }
        }
        return out;
    }

    @Test
    void bothPortalHandlersAreRequestHandlersInThisModule() throws Exception {
        for (String f : List.of("PortalApiFunction", "PortalEventsFunction")) {
            Map<String, Object> p = props(f);
            assertEquals("functions/portal/target/kw-function-portal-lambda.jar", p.get("CodeUri"));
            String[] handler = ((String) p.get("Handler")).split("::");
            Class<?> type = Class.forName(handler[0]);
            assertTrue(RequestHandler.class.isAssignableFrom(type), handler[0]);
            type.getConstructor();
            assertEquals("java21", p.get("Runtime"));
        }
        String pom = Files.readString(Path.of("pom.xml"));
        assertTrue(pom.contains("<outputFile>${project.build.directory}/kw-function-portal-lambda.jar</outputFile>"));
    }

    @Test
    void thePortalRoleSignsUploadsOnlyIntoTheInboxAndReadsOnlyOutputs() {
        assertEquals(List.of(UPLOADS + "/inbox/*", OUTPUTS + "/werkvoorraad/werkvoorraad.html",
                OUTPUTS + "/werkvoorraad/werkvoorraad.xlsx"), granted("PortalApiFunction", "s3:PutObject"));
        assertEquals(List.of(OUTPUTS + "/*"), granted("PortalApiFunction", "s3:GetObject"),
                "it never reads an uploaded document, only what processing wrote");
        assertEquals(List.of(), granted("PortalApiFunction", "s3:GetObjectVersion"));
        assertEquals(List.of(), granted("PortalApiFunction", "s3:DeleteObject"));
    }

    @Test
    void theUploadBucketPolicyRefusesThePortalRoleAnyKeyOutsideTheInbox() {
        boolean found = false;
        for (Object o : (List<?>) map(props("UploadBucketPolicy").get("PolicyDocument")).get("Statement")) {
            Map<String, Object> s = map(o);
            Object condition = s.get("Condition");
            Object principal = condition == null ? null : map(map(condition).getOrDefault("ArnEquals", Map.of())).get("aws:PrincipalArn");
            if ("Deny".equals(s.get("Effect")) && list(s.get("Action")).contains("s3:PutObject")
                    && Map.of("Fn::GetAtt", "PortalApiFunctionRole.Arn").equals(principal)) {
                assertEquals(List.of("${UploadBucket.Arn}/inbox/*"), list(s.get("NotResource")));
                found = true;
            }
        }
        assertTrue(found);
    }

    @Test
    void theApiNeedsTheCognitoTokenExceptForThePages() {
        Map<String, Object> auth = map(props("PortalHttpApi").get("Auth"));
        assertEquals("CognitoJwt", auth.get("DefaultAuthorizer"));
        Map<String, Object> jwt = map(map(map(auth.get("Authorizers")).get("CognitoJwt")).get("JwtConfiguration"));
        assertEquals("https://cognito-idp.${AWS::Region}.amazonaws.com/${PortalUserPool}", list(jwt.get("issuer")).get(0));
        Map<String, Object> events = map(props("PortalApiFunction").get("Events"));
        assertEquals("/api/{proxy+}", map(map(events.get("Api")).get("Properties")).get("Path"));
        assertEquals(null, map(map(events.get("Api")).get("Properties")).get("Auth"), "the API keeps the default authorizer");
        for (String page : List.of("Pages", "Home")) {
            Map<String, Object> p = map(map(events.get(page)).get("Properties"));
            assertEquals("GET", p.get("Method"));
            assertEquals("NONE", map(p.get("Auth")).get("Authorizer"));
        }
        assertEquals("reviewers", props("PortalReviewersGroup").get("GroupName"));
        assertEquals(List.of("email"), props("PortalUserPoolClient").get("WriteAttributes"),
                "users cannot set custom:gemeente themselves");
    }

    @Test
    void thePortalClientAllowsOnlyTheCodeFlowAsAPublicClient() {
        Map<String, Object> client = props("PortalUserPoolClient");
        assertEquals(List.of("code"), client.get("AllowedOAuthFlows"), "authorization code (with PKCE), no implicit");
        assertEquals(Boolean.FALSE, client.get("GenerateSecret"), "a browser page keeps no secret: PKCE instead");
        assertEquals(Boolean.TRUE, client.get("AllowedOAuthFlowsUserPoolClient"));
        assertEquals(List.of("openid", "email"), client.get("AllowedOAuthScopes"));
        assertEquals(List.of("COGNITO"), client.get("SupportedIdentityProviders"));
    }

    @Test
    void notificationsComeFromNewManifestsAndCarryNoContentGrants() {
        Map<String, Object> trigger = map(map(map(props("PortalEventsFunction").get("Events")).get("Processed")).get("Properties"));
        assertEquals(Map.of("Ref", "OutputBucket"), trigger.get("Bucket"));
        List<?> rules = (List<?>) map(map(trigger.get("Filter")).get("S3Key")).get("Rules");
        assertEquals(List.of(Map.of("Name", "suffix", "Value", "/" + OutputBucketStatusSource.MANIFEST)), rules);
        assertEquals(List.of(), granted("PortalEventsFunction", "s3:GetObjectVersion"));
        assertEquals(List.of(Map.of("Ref", "PortalTopic").toString()), granted("PortalEventsFunction", "sns:Publish"));
    }

    /** CloudFormation's short tags as their long forms ({"Ref": …}, {"Fn::Sub": …}). */
    static final class Tags extends SafeConstructor {
        Tags() {
            super(new LoaderOptions());
            for (String t : List.of("Ref", "Sub", "GetAtt", "If", "Not", "Equals", "Join", "Select", "Split")) {
                String name = t.equals("Ref") ? "Ref" : "Fn::" + t;
                yamlConstructors.put(new Tag("!" + t), new AbstractConstruct() {
                    @Override
                    public Object construct(Node node) {
                        Object value = switch (node) {
                            case ScalarNode s -> s.getValue();
                            case SequenceNode s -> constructSequence(s);
                            case MappingNode m -> constructMapping(m);
                            default -> null;
                        };
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put(name, value);
                        return m;
                    }
                });
            }
        }
    }
}
