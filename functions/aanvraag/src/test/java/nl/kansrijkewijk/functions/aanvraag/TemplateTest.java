package nl.kansrijkewijk.functions.aanvraag;

import static nl.kansrijkewijk.functions.aanvraag.CloudFormationYaml.map;
import static nl.kansrijkewijk.functions.aanvraag.CloudFormationYaml.properties;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import nl.kansrijkewijk.pipeline.PipelineConfig;
import nl.kansrijkewijk.pipeline.TriggerFilter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** template.yaml as CloudFormation will see it, checked against the code and against loops and leaks. */
class TemplateTest {
    private static CloudFormationYaml template;

    /** A trigger: objects created in this bucket under this prefix with this suffix start a function. */
    private record Trigger(String function, String bucket, String prefix, String suffix) {}

    @BeforeAll
    static void read() throws Exception {
        Path file = Path.of("../../template.yaml");
        assertTrue(Files.exists(file), "template.yaml at the repository root");
        template = CloudFormationYaml.read(file);
    }

    private static Map<String, Map<String, Object>> functions() {
        Map<String, Map<String, Object>> functions = template.resourcesOfType("AWS::Serverless::Function");
        functions.putAll(template.resourcesOfType("AWS::Lambda::Function"));
        assertFalse(functions.isEmpty(), "the template declares functions");
        return functions;
    }

    @Test
    void isASamTemplate() {
        assertEquals("AWS::Serverless-2016-10-31", template.root().get("Transform"));
    }

    @Test
    void everyHandlerIsARequestHandlerClassOnTheClasspathOnJava21() throws Exception {
        for (Map.Entry<String, Map<String, Object>> f : functions().entrySet()) {
            Map<String, Object> p = properties(f.getValue());
            assertEquals("java21", p.get("Runtime"), f.getKey());
            if (!String.valueOf(p.get("CodeUri")).startsWith("functions/aanvraag/")) {
                // Another module's jar: its own template test loads its handlers (functions/portal: PortalTemplateTest).
                continue;
            }
            String[] handler = ((String) p.get("Handler")).split("::");
            Class<?> type = Class.forName(handler[0]);
            assertTrue(RequestHandler.class.isAssignableFrom(type) || RequestStreamHandler.class.isAssignableFrom(type),
                    handler[0] + " implements RequestHandler or RequestStreamHandler");
            assertTrue(Modifier.isPublic(type.getConstructor().getModifiers()), "public no-arg constructor");
            String method = handler.length > 1 ? handler[1] : "handleRequest";
            boolean found = false;
            for (Method m : type.getMethods()) {
                found |= m.getName().equals(method) && !m.isBridge();
            }
            assertTrue(found, handler[0] + " has " + method);
            assertNotNull(p.get("Architectures"), f.getKey() + " states its architecture");
            Map<String, Object> env = map(map(p.get("Environment")).get("Variables"));
            assertEquals("-XX:+TieredCompilation -XX:TieredStopAtLevel=1 -XX:+ExitOnOutOfMemoryError",
                    env.get("JAVA_TOOL_OPTIONS"), "an exhausted heap ends the JVM, so the retry gets a fresh container");
        }
    }

    @Test
    void theDeploymentPackageIsTheShadedJarThatMavenBuilds() throws Exception {
        Map<String, Object> function = functions().get("AanvraagFunction");
        assertEquals(Boolean.TRUE, map(function.get("Metadata")).get("SkipBuild"));
        String codeUri = (String) properties(function).get("CodeUri");
        assertEquals("functions/aanvraag/target/kw-function-aanvraag-lambda.jar", codeUri);
        String pom = Files.readString(Path.of("pom.xml"));
        assertTrue(pom.contains("<outputFile>${project.build.directory}/kw-function-aanvraag-lambda.jar</outputFile>"),
                "the shade plugin writes the jar the template deploys");
    }

    @Test
    void theS3TriggersAreExactlyTheFilterTheCodeEmulates() {
        List<Trigger> triggers = triggers().stream().filter(t -> t.function().equals("AanvraagFunction")).toList();
        assertEquals(1, triggers.size(), "one trigger: every object under the inbox");
        assertEquals(TriggerFilter.INBOX_PREFIX, triggers.get(0).prefix());
        assertEquals("", triggers.get(0).suffix(), "no suffix filter: '.Pdf', '.xls' and '.ods' uploads are answered too");
        assertTrue(TriggerFilter.matches("inbox/GM0363/aanvraag.Pdf") && TriggerFilter.matches("inbox/GM0363/a.ods"));
    }

    /**
     * F → G when F may write where G is triggered (a presigned URL writes with its signer's rights, so the portal's
     * upload grant counts). The portal's uploads start the processing function and its manifests start the portal's
     * events function; what matters is that no chain ever leads back: the graph has no cycle, self-loops included.
     */
    @Test
    void noFunctionCanStartItselfThroughAnyChainOfWritesAndTriggers() {
        List<Trigger> triggers = triggers();
        assertFalse(triggers.isEmpty());
        Map<String, Set<String>> starts = new java.util.TreeMap<>();
        for (Map.Entry<String, Map<String, Object>> f : functions().entrySet()) {
            List<String> writable = allowedResources(f.getValue(), Set.of("s3:PutObject", "s3:Put*", "s3:*", "*"));
            assertFalse(writable.isEmpty(), f.getKey() + " writes its outputs somewhere");
            Set<String> next = new java.util.TreeSet<>();
            for (String resource : writable) {
                for (Trigger t : triggers) {
                    if (mayOverlap(resource, "arn:aws:s3:::" + t.bucket() + "/" + t.prefix(), t.suffix())) {
                        next.add(t.function());
                    }
                }
            }
            starts.put(f.getKey(), next);
        }
        for (String start : starts.keySet()) {
            java.util.Deque<List<String>> paths = new java.util.ArrayDeque<>();
            paths.push(List.of(start));
            while (!paths.isEmpty()) {
                List<String> path = paths.pop();
                for (String next : starts.getOrDefault(path.get(path.size() - 1), Set.of())) {
                    List<String> longer = new ArrayList<>(path);
                    longer.add(next);
                    assertFalse(next.equals(start), "a write loop: " + String.join(" -> ", longer));
                    if (!path.contains(next)) {
                        paths.push(longer);
                    }
                }
            }
        }
        assertEquals(Set.of("AanvraagFunction"), starts.get("PortalApiFunction"), "portal uploads are processed");
        assertEquals(Set.of("PortalEventsFunction"), starts.get("AanvraagFunction"), "manifests start the portal's events");
        assertEquals(Set.of(), starts.get("PortalEventsFunction"), "the werkvoorraad starts nothing");
    }

    @Test
    void theReviewerFunctionReadsOnlyTheReviewersPrefixesAndWritesOnlyTheDossierItsAnswersAndTheWerkvoorraad() {
        Map<String, Object> function = functions().get("ReviewerFunction");
        String uploads = template.resolveString(Map.of("Ref", "UploadBucket"));
        String outputs = template.resolveString(Map.of("Ref", "OutputBucket"));
        assertEquals(List.of("arn:aws:s3:::" + uploads + "/beoordelingen/*", "arn:aws:s3:::" + uploads + "/vaststellingen/*"),
                allowedResources(function, Set.of("s3:GetObjectVersion")));
        assertEquals(List.of("arn:aws:s3:::" + outputs + "/dossier/*", "arn:aws:s3:::" + outputs + "/antwoorden/*",
                        "arn:aws:s3:::" + outputs + "/werkvoorraad/werkvoorraad.html",
                        "arn:aws:s3:::" + outputs + "/werkvoorraad/werkvoorraad.xlsx"),
                allowedResources(function, Set.of("s3:PutObject")));
        List<Trigger> triggers = triggers().stream().filter(t -> t.function().equals("ReviewerFunction")).toList();
        assertEquals(List.of(nl.kansrijkewijk.pipeline.ReviewerActs.BEOORDELINGEN, nl.kansrijkewijk.pipeline.ReviewerActs.VASTSTELLINGEN),
                triggers.stream().map(Trigger::prefix).sorted().toList());
        assertTrue(triggers.stream().allMatch(t -> t.bucket().equals(uploads)), "the reviewers' prefixes of the upload bucket");
    }

    @Test
    void theLoopCheckWouldSeeAFunctionWritingWhereItIsTriggered() {
        String trigger = "arn:aws:s3:::kw-outputs/";
        assertTrue(mayOverlap("arn:aws:s3:::kw-outputs/*", trigger, "/manifest.json"));
        assertFalse(mayOverlap("arn:aws:s3:::kw-outputs/werkvoorraad/werkvoorraad.xlsx", trigger, "/manifest.json"));
        assertTrue(mayOverlap("arn:aws:s3:::kw-outputs/werkvoorraad/manifest.json", trigger, "/manifest.json"));
    }

    @Test
    void theFunctionReadsOnlyTheInboxAndWritesOnlyTheOutputBucket() {
        Map<String, Object> function = functions().get("AanvraagFunction");
        String uploads = template.resolveString(Map.of("Ref", "UploadBucket"));
        String outputs = template.resolveString(Map.of("Ref", "OutputBucket"));
        assertEquals(List.of("arn:aws:s3:::" + uploads + "/inbox/*"),
                allowedResources(function, Set.of("s3:GetObjectVersion")));
        assertEquals(List.of("arn:aws:s3:::" + outputs + "/*"), allowedResources(function, Set.of("s3:PutObject")));
        Map<String, Object> env = map(map(properties(function).get("Environment")).get("Variables"));
        assertEquals(uploads, template.resolveString(env.get("KW_UPLOAD_BUCKET")));
        assertEquals(outputs, template.resolveString(env.get("KW_OUTPUT_BUCKET")));
    }

    @Test
    void policiesAreInlineWithoutWildcardActionsOrAclRights() {
        for (Map.Entry<String, Map<String, Object>> f : functions().entrySet()) {
            Object policies = properties(f.getValue()).get("Policies");
            assertTrue(policies instanceof List<?>, f.getKey() + " has a Policies list");
            for (Object policy : (List<?>) policies) {
                assertTrue(policy instanceof Map<?, ?> m && m.containsKey("Statement"),
                        f.getKey() + ": inline statements only, no managed policies or SAM policy templates: " + policy);
            }
            for (Map<String, Object> s : statements(f.getValue())) {
                for (String action : actions(s)) {
                    assertFalse(action.equals("*") || action.equals("s3:*") || action.endsWith(":*"),
                            f.getKey() + " grants wildcard action " + action);
                    assertFalse(action.equalsIgnoreCase("s3:PutObjectAcl") || action.equalsIgnoreCase("s3:PutBucketAcl"),
                            f.getKey() + " grants " + action);
                }
                assertEquals("Allow", s.get("Effect"));
            }
        }
    }

    @Test
    void bucketsArePrivateEncryptedVersionedAndRefusePlainHttp() {
        Map<String, Map<String, Object>> buckets = template.resourcesOfType("AWS::S3::Bucket");
        assertEquals(Set.of("UploadBucket", "OutputBucket", "AccessLogBucket"), buckets.keySet(),
                "an upload bucket, a separate output bucket, and one for their logs");
        Map<String, Map<String, Object>> policies = template.resourcesOfType("AWS::S3::BucketPolicy");
        for (Map.Entry<String, Map<String, Object>> b : buckets.entrySet()) {
            Map<String, Object> p = properties(b.getValue());
            Map<String, Object> block = map(p.get("PublicAccessBlockConfiguration"));
            for (String setting : List.of("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets")) {
                assertEquals(Boolean.TRUE, block.get(setting), b.getKey() + " " + setting);
            }
            assertNotNull(p.get("BucketEncryption"), b.getKey() + " encryption");
            assertEquals("Enabled", map(p.get("VersioningConfiguration")).get("Status"), b.getKey() + " versioning");
            boolean expiresNoncurrent = false;
            for (Object rule : (List<?>) map(p.get("LifecycleConfiguration")).get("Rules")) {
                expiresNoncurrent |= map(rule).containsKey("NoncurrentVersionExpiration")
                        || map(rule).containsKey("ExpirationInDays");
            }
            assertEquals(!b.getKey().equals("UploadBucket"), expiresNoncurrent,
                    b.getKey() + ": uploads never expire, outputs' old versions and logs do");
            assertEquals("Retain", b.getValue().get("DeletionPolicy"), b.getKey());
            assertEquals("Retain", b.getValue().get("UpdateReplacePolicy"), b.getKey());

            String arn = "arn:aws:s3:::" + template.resolveString(Map.of("Ref", b.getKey()));
            boolean tlsEnforced = false;
            for (Map<String, Object> policy : policies.values()) {
                if (!b.getKey().equals(map(properties(policy).get("Bucket")).get("Ref"))) {
                    continue;
                }
                for (Object o : (List<?>) map(properties(policy).get("PolicyDocument")).get("Statement")) {
                    Map<String, Object> s = map(o);
                    Object condition = s.get("Condition");
                    boolean deniesPlainHttp = "Deny".equals(s.get("Effect")) && "*".equals(s.get("Principal"))
                            && actions(s).contains("s3:*") && condition != null
                            && map(condition).get("Bool") != null
                            && "false".equals(String.valueOf(map(map(condition).get("Bool")).get("aws:SecureTransport")));
                    if (deniesPlainHttp) {
                        List<String> resources = resources(s);
                        tlsEnforced = resources.contains(arn) && resources.contains(arn + "/*");
                    }
                }
            }
            assertTrue(tlsEnforced, b.getKey() + " denies requests without TLS on the bucket and its objects");
        }
    }

    @Test
    void failedEventsAreRetriedABoundedNumberOfTimesThenQueuedAndLogsExpire() {
        Map<String, Map<String, Object>> logGroups = template.resourcesOfType("AWS::Logs::LogGroup");
        for (Map.Entry<String, Map<String, Object>> f : functions().entrySet()) {
            if (!invokedAsynchronously(f.getValue())) {
                // Called synchronously (HTTP API): the caller gets the error; there is no event to retry or queue.
                assertNull(properties(f.getValue()).get("EventInvokeConfig"), f.getKey());
                assertTrue(hasLogGroup(logGroups, f.getKey()), f.getKey() + " has a log group with a retention");
                continue;
            }
            Map<String, Object> config = map(properties(f.getValue()).get("EventInvokeConfig"));
            int retries = ((Number) config.get("MaximumRetryAttempts")).intValue();
            assertTrue(retries >= 0 && retries <= 2, "bounded retries");
            assertNotNull(config.get("MaximumEventAgeInSeconds"));
            Map<String, Object> onFailure = map(map(config.get("DestinationConfig")).get("OnFailure"));
            assertEquals("SQS", onFailure.get("Type"));
            String queueArn = template.resolveString(onFailure.get("Destination"));
            List<String> sendable = allowedResources(f.getValue(), Set.of("sqs:SendMessage"));
            assertEquals(List.of(queueArn), sendable, f.getKey() + " may send to its failure queue");

            assertTrue(hasLogGroup(logGroups, f.getKey()), f.getKey() + " has a log group with a retention");
        }
    }

    @Test
    void aGemeenteSessionWritesOnlyTheInboxOfTheGemeenteItsSessionTagNames() {
        Map<String, Object> role = roles().get("GemeenteUploadRole");
        String uploads = "arn:aws:s3:::" + template.resolveString(Map.of("Ref", "UploadBucket"));
        String outputs = "arn:aws:s3:::" + template.resolveString(Map.of("Ref", "OutputBucket"));
        assertEquals(List.of(uploads + "/inbox/${aws:PrincipalTag/gemeente}/*"),
                allowedResources(roleStatements(role), Set.of("s3:PutObject", "s3:Put*", "s3:*", "*")));
        assertEquals(List.of(outputs + "/${aws:PrincipalTag/gemeente}/*"),
                allowedResources(roleStatements(role), Set.of("s3:GetObject", "s3:Get*", "s3:*", "*")));

        // The tag comes with the session the broker issues (sts:TagSession), and must look like a CBS code.
        List<?> trust = (List<?>) map(properties(role).get("AssumeRolePolicyDocument")).get("Statement");
        assertEquals(1, trust.size());
        Map<String, Object> t = map(trust.get(0));
        assertTrue(actions(t).contains("sts:TagSession"), "sessions are tagged");
        assertEquals("GM????", map(map(t.get("Condition")).get("StringLike")).get("aws:RequestTag/gemeente"));

        // And the bucket refuses this role any other key, whatever the role's policy says later.
        String roleArn = template.resolveString(Map.of("Fn::GetAtt", List.of("GemeenteUploadRole", "Arn")));
        boolean denied = false;
        for (Map<String, Object> s : bucketPolicyStatements("UploadBucket")) {
            denied |= "Deny".equals(s.get("Effect")) && actions(s).contains("s3:PutObject")
                    && (uploads + "/inbox/${aws:PrincipalTag/gemeente}/*").equals(template.resolve(s.get("NotResource")))
                    && roleArn.equals(template.resolve(map(map(s.get("Condition")).get("ArnEquals")).get("aws:PrincipalArn")));
        }
        assertTrue(denied, "the upload bucket denies the gemeente role every key outside its own inbox folder");
    }

    @Test
    void onlyTheReviewerRoleMayWriteBeoordelingenAndVaststellingen() {
        String uploads = "arn:aws:s3:::" + template.resolveString(Map.of("Ref", "UploadBucket"));
        List<String> decisionPrefixes = List.of(uploads + "/beoordelingen/", uploads + "/vaststellingen/");
        Map<String, List<Map<String, Object>>> principals = new TreeMap<>();
        functions().forEach((name, f) -> principals.put(name, statements(f)));
        roles().forEach((name, r) -> principals.put(name, roleStatements(r)));
        for (Map.Entry<String, List<Map<String, Object>>> p : principals.entrySet()) {
            for (Map<String, Object> s : p.getValue()) {
                for (String action : actions(s)) {
                    assertFalse(action.equals("*") || action.equals("s3:*"), p.getKey() + " grants " + action);
                }
            }
            for (String resource : allowedResources(p.getValue(), Set.of("s3:PutObject", "s3:Put*", "s3:*", "*"))) {
                for (String prefix : decisionPrefixes) {
                    assertTrue(!mayOverlap(resource, prefix, "") || p.getKey().equals("ReviewerRole"),
                            p.getKey() + " may write " + resource + " under " + prefix);
                }
            }
        }
        List<String> reviewerWrites = allowedResources(principals.get("ReviewerRole"), Set.of("s3:PutObject"));
        assertEquals(List.of(decisionPrefixes.get(0) + "*", decisionPrefixes.get(1) + "*"), reviewerWrites);

        String reviewerArn = template.resolveString(Map.of("Fn::GetAtt", List.of("ReviewerRole", "Arn")));
        boolean denied = false;
        for (Map<String, Object> s : bucketPolicyStatements("UploadBucket")) {
            denied |= "Deny".equals(s.get("Effect")) && "*".equals(s.get("Principal")) && actions(s).contains("s3:PutObject")
                    && resources(s).equals(List.of(decisionPrefixes.get(0) + "*", decisionPrefixes.get(1) + "*"))
                    && reviewerArn.equals(template.resolve(
                            map(map(s.get("Condition")).get("ArnNotEquals")).get("aws:PrincipalArn")));
        }
        assertTrue(denied, "the upload bucket denies every other principal a write under beoordelingen/ and vaststellingen/");
    }

    /** Originals are kept for the retention period whatever a gemeente overwrites or deletes (docs/deploy.md). */
    @Test
    void uploadsAreLockedForTheRetentionPeriodInGovernanceMode() {
        Map<String, Object> p = properties(template.resources().get("UploadBucket") instanceof Map<?, ?> m
                ? map(m) : Map.of());
        assertEquals(Boolean.TRUE, p.get("ObjectLockEnabled"));
        Map<String, Object> lock = map(p.get("ObjectLockConfiguration"));
        assertEquals("Enabled", lock.get("ObjectLockEnabled"));
        Map<String, Object> retention = map(map(lock.get("Rule")).get("DefaultRetention"));
        assertEquals("GOVERNANCE", retention.get("Mode"));
        int days = Integer.parseInt(template.resolveString(retention.get("Days")));
        assertTrue(days >= 3653, "ten years by default: " + days);
    }

    @Test
    void bothBucketsAreAccessLoggedAndTheirObjectCallsRecordedByCloudTrail() {
        String logBucket = template.resolveString(Map.of("Ref", "AccessLogBucket"));
        for (String bucket : List.of("UploadBucket", "OutputBucket")) {
            Map<String, Object> logging = map(properties(map(template.resources().get(bucket))).get("LoggingConfiguration"));
            assertEquals(logBucket, template.resolveString(logging.get("DestinationBucketName")), bucket);
        }
        Map<String, Map<String, Object>> trails = template.resourcesOfType("AWS::CloudTrail::Trail");
        assertEquals(1, trails.size());
        Map<String, Object> trail = properties(trails.values().iterator().next());
        assertEquals(Boolean.TRUE, trail.get("IsLogging"));
        List<String> logged = new ArrayList<>();
        for (Object selector : (List<?>) trail.get("EventSelectors")) {
            assertEquals("All", map(selector).get("ReadWriteType"));
            for (Object resource : (List<?>) map(selector).get("DataResources")) {
                assertEquals("AWS::S3::Object", map(resource).get("Type"));
                for (Object v : (List<?>) map(resource).get("Values")) {
                    logged.add(template.resolveString(v));
                }
            }
        }
        assertEquals(List.of("arn:aws:s3:::" + template.resolveString(Map.of("Ref", "UploadBucket")) + "/",
                "arn:aws:s3:::" + template.resolveString(Map.of("Ref", "OutputBucket")) + "/"), logged);
    }

    @Test
    void alarmsWatchTheFailureQueueErrorsThrottlesAndDurationNearTheTimeout() {
        Map<String, Object> function = properties(functions().get("AanvraagFunction"));
        int timeoutMs = ((Number) function.get("Timeout")).intValue() * 1000;
        Map<String, Map<String, Object>> alarms = template.resourcesOfType("AWS::CloudWatch::Alarm");
        Map<String, Map<String, Object>> byMetric = new java.util.HashMap<>();
        for (Map<String, Object> a : alarms.values()) {
            Map<String, Object> p = properties(a);
            byMetric.put((String) p.get("MetricName"), p);
            assertFalse(((List<?>) p.get("AlarmActions")).isEmpty(), p.get("MetricName") + " notifies someone");
        }
        for (String metric : List.of("ApproximateNumberOfMessagesVisible", "ApproximateAgeOfOldestMessage", "Errors",
                "Throttles", "Duration")) {
            assertTrue(byMetric.containsKey(metric), "an alarm on " + metric);
        }
        double age = ((Number) byMetric.get("ApproximateAgeOfOldestMessage").get("Threshold")).doubleValue();
        Map<String, Map<String, Object>> queues = template.resourcesOfType("AWS::SQS::Queue");
        int retention = ((Number) properties(queues.get("FailedEventsQueue")).get("MessageRetentionPeriod")).intValue();
        assertTrue(age < retention / 2.0, "the age alarm fires long before the queue drops the event");
        double duration = ((Number) byMetric.get("Duration").get("Threshold")).doubleValue();
        assertTrue(duration < timeoutMs && duration >= timeoutMs * 0.6, "near, not at, the timeout: " + duration);
        // The processing-time limit leaves the handler's reserve for the error report inside the timeout.
        assertTrue(nl.kansrijkewijk.limits.Limits.standard().maxProcessingSeconds() * 1000L
                + AanvraagUploadHandler.REPORT_RESERVE.toMillis() <= timeoutMs);
    }

    @Test
    void concurrencyIsReservedAndFailedEventsQueueAndLogsSurviveTheStack() {
        Map<String, Object> function = properties(functions().get("AanvraagFunction"));
        assertNotNull(function.get("ReservedConcurrentExecutions"));
        Map<String, Object> parameter = map(map(template.root().get("Parameters")).get("ReservedConcurrency"));
        assertTrue(((Number) parameter.get("Default")).intValue() > 0, "reserved by default");
        for (String id : List.of("FailedEventsQueue", "AanvraagLogGroup", "AccessLogBucket")) {
            Map<String, Object> r = map(template.resources().get(id));
            assertEquals("Retain", r.get("DeletionPolicy"), id);
            assertEquals("Retain", r.get("UpdateReplacePolicy"), id);
        }
        // Every attempt Lambda makes may die before the one that answers with the error report.
        Map<String, Object> config = map(function.get("EventInvokeConfig"));
        assertTrue(((Number) config.get("MaximumRetryAttempts")).intValue()
                >= PipelineConfig.DEFAULT_ATTEMPTS_BEFORE_REPORT);
    }

    @Test
    void malwareScanningTagsInboxUploadsAndPeopleDownloadOnlyCleanOnes() {
        Map<String, Object> plan = map(template.resources().get("MalwareProtectionPlan"));
        assertEquals("AWS::GuardDuty::MalwareProtectionPlan", plan.get("Type"));
        Map<String, Object> s3 = map(map(properties(plan).get("ProtectedResource")).get("S3Bucket"));
        assertEquals(List.of(TriggerFilter.INBOX_PREFIX), s3.get("ObjectPrefixes"));
        assertEquals("ENABLED", map(map(properties(plan).get("Actions")).get("Tagging")).get("Status"));
        String policy = String.valueOf(properties(map(template.resources().get("UploadBucketPolicy"))));
        assertTrue(policy.contains("s3:ExistingObjectTag/GuardDutyMalwareScanStatus=NO_THREATS_FOUND"), policy);
    }

    private static boolean hasLogGroup(Map<String, Map<String, Object>> logGroups, String function) {
        boolean hasLogGroup = false;
        for (Map<String, Object> group : logGroups.values()) {
            Map<String, Object> p = properties(group);
            hasLogGroup |= p.get("RetentionInDays") != null
                    && ("/aws/lambda/${" + function + "}").equals(map(p.get("LogGroupName")).get("Fn::Sub"));
        }
        return hasLogGroup;
    }

    /** Any event source other than an HTTP API (S3, SNS, …) invokes asynchronously. */
    private static boolean invokedAsynchronously(Map<String, Object> function) {
        Object events = properties(function).get("Events");
        if (events == null) {
            return false;
        }
        for (Object e : map(events).values()) {
            Object type = map(e).get("Type");
            if (!"HttpApi".equals(type) && !"Api".equals(type)) {
                return true;
            }
        }
        return false;
    }

    // ---- helpers

    private static Map<String, Map<String, Object>> roles() {
        Map<String, Map<String, Object>> roles = template.resourcesOfType("AWS::IAM::Role");
        assertTrue(roles.containsKey("GemeenteUploadRole") && roles.containsKey("ReviewerRole"), roles.keySet().toString());
        return roles;
    }

    /** The statements of an IAM role's inline policies (Policies: [{PolicyName, PolicyDocument}]). */
    private static List<Map<String, Object>> roleStatements(Map<String, Object> role) {
        List<Map<String, Object>> statements = new ArrayList<>();
        for (Object policy : (List<?>) properties(role).get("Policies")) {
            ((List<?>) map(map(policy).get("PolicyDocument")).get("Statement")).forEach(o -> statements.add(map(o)));
        }
        return statements;
    }

    private static List<Map<String, Object>> bucketPolicyStatements(String bucket) {
        List<Map<String, Object>> statements = new ArrayList<>();
        for (Map<String, Object> policy : template.resourcesOfType("AWS::S3::BucketPolicy").values()) {
            if (bucket.equals(map(properties(policy).get("Bucket")).get("Ref"))) {
                ((List<?>) map(properties(policy).get("PolicyDocument")).get("Statement")).forEach(o -> statements.add(map(o)));
            }
        }
        return statements;
    }

    private static List<Trigger> triggers() {
        List<Trigger> triggers = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> f : functions().entrySet()) {
            Object events = properties(f.getValue()).get("Events");
            if (events == null) {
                continue;
            }
            for (Object e : map(events).values()) {
                Map<String, Object> event = map(e);
                if (!"S3".equals(event.get("Type"))) {
                    continue;
                }
                Map<String, Object> p = map(event.get("Properties"));
                String bucket = template.resolveString(p.get("Bucket"));
                String prefix = "";
                String suffix = "";
                if (p.get("Filter") != null) {
                    for (Object r : (List<?>) map(map(map(p.get("Filter")).get("S3Key"))).get("Rules")) {
                        Map<String, Object> rule = map(r);
                        if ("prefix".equalsIgnoreCase((String) rule.get("Name"))) {
                            prefix = (String) rule.get("Value");
                        } else {
                            suffix = (String) rule.get("Value");
                        }
                    }
                }
                triggers.add(new Trigger(f.getKey(), bucket, prefix, suffix));
            }
        }
        return triggers;
    }

    private static List<Map<String, Object>> statements(Map<String, Object> function) {
        List<Map<String, Object>> statements = new ArrayList<>();
        Object policies = properties(function).get("Policies");
        if (policies instanceof List<?> list) {
            for (Object policy : list) {
                if (policy instanceof Map<?, ?> m && m.get("Statement") instanceof List<?> s) {
                    s.forEach(o -> statements.add(map(o)));
                }
            }
        }
        return statements;
    }

    private static List<String> actions(Map<String, Object> statement) {
        Object a = statement.get("Action");
        List<String> actions = new ArrayList<>();
        if (a instanceof List<?> l) {
            l.forEach(o -> actions.add((String) o));
        } else if (a != null) {
            actions.add((String) a);
        }
        return actions;
    }

    private static List<String> resources(Map<String, Object> statement) {
        Object r = template.resolve(statement.get("Resource"));
        List<String> resources = new ArrayList<>();
        if (r instanceof List<?> l) {
            l.forEach(o -> resources.add(String.valueOf(o)));
        } else if (r != null) {
            resources.add(String.valueOf(r));
        }
        return resources;
    }

    /** Resources of the Allow statements that grant any of these actions. */
    private static List<String> allowedResources(Map<String, Object> function, Set<String> anyOf) {
        return allowedResources(statements(function), anyOf);
    }

    private static List<String> allowedResources(List<Map<String, Object>> statements, Set<String> anyOf) {
        List<String> found = new ArrayList<>();
        for (Map<String, Object> s : statements) {
            if ("Allow".equals(s.get("Effect")) && actions(s).stream().anyMatch(anyOf::contains)) {
                found.addAll(resources(s));
            }
        }
        return found;
    }

    /**
     * Whether an IAM resource pattern (with * and ?) may match some object created under triggerArn (bucket
     * plus prefix) that ends with suffix. Conservative: the literal start of the pattern is compared with the
     * trigger's, and sample keys are tried.
     */
    static boolean mayOverlap(String resourcePattern, String triggerArn, String suffix) {
        int wildcard = indexOfWildcard(resourcePattern);
        String literal = wildcard < 0 ? resourcePattern : resourcePattern.substring(0, wildcard);
        boolean compatibleStart = literal.startsWith(triggerArn) || triggerArn.startsWith(literal);
        if (!compatibleStart) {
            return false;
        }
        if (wildcard >= 0) {
            return true;
        }
        return literal.startsWith(triggerArn) && literal.endsWith(suffix);
    }

    private static int indexOfWildcard(String s) {
        int star = s.indexOf('*');
        int question = s.indexOf('?');
        if (star < 0) {
            return question;
        }
        return question < 0 ? star : Math.min(star, question);
    }

    @Test
    void theOverlapCheckItselfSeesLoops() {
        String trigger = "arn:aws:s3:::kw-uploads/inbox/";
        assertTrue(mayOverlap("arn:aws:s3:::kw-uploads/*", trigger, ".pdf"));
        assertTrue(mayOverlap("arn:aws:s3:::kw-uploads/inbox/*", trigger, ".pdf"));
        assertTrue(mayOverlap("arn:aws:s3:::kw-*", trigger, ".pdf"));
        assertTrue(mayOverlap("arn:aws:s3:::kw-uploads/inbox/a/b.pdf", trigger, ".pdf"));
        assertFalse(mayOverlap("arn:aws:s3:::kw-uploads/inbox/a/b.json", trigger, ".pdf"));
        assertFalse(mayOverlap("arn:aws:s3:::kw-uploads/outputs/*", trigger, ".pdf"));
        assertFalse(mayOverlap("arn:aws:s3:::kw-outputs/*", trigger, ".pdf"));
    }
}
