package nl.kansrijkewijk.functions.aanvraag;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * Reads a CloudFormation/SAM template: the short tags (!Ref, !Sub, !GetAtt, …) become their long JSON
 * forms ({"Ref": …}, {"Fn::Sub": …}), and {@link #resolve} evaluates the few intrinsics the checks need
 * with sample pseudo parameters and the parameters' defaults.
 */
final class CloudFormationYaml {
    static final String ACCOUNT = "123456789012";
    static final String REGION = "eu-west-1";

    private static final Map<String, String> SHORT_TAGS = Map.ofEntries(
            Map.entry("!Ref", "Ref"), Map.entry("!Condition", "Condition"), Map.entry("!Sub", "Fn::Sub"),
            Map.entry("!GetAtt", "Fn::GetAtt"), Map.entry("!If", "Fn::If"), Map.entry("!Not", "Fn::Not"),
            Map.entry("!Equals", "Fn::Equals"), Map.entry("!And", "Fn::And"), Map.entry("!Or", "Fn::Or"),
            Map.entry("!Join", "Fn::Join"), Map.entry("!Select", "Fn::Select"), Map.entry("!Split", "Fn::Split"),
            Map.entry("!FindInMap", "Fn::FindInMap"), Map.entry("!Base64", "Fn::Base64"), Map.entry("!Cidr", "Fn::Cidr"),
            Map.entry("!GetAZs", "Fn::GetAZs"), Map.entry("!ImportValue", "Fn::ImportValue"));

    private final Map<String, Object> template;

    private CloudFormationYaml(Map<String, Object> template) {
        this.template = template;
    }

    static CloudFormationYaml read(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return new CloudFormationYaml(new Yaml(new Constructor()).load(r));
        }
    }

    Map<String, Object> root() {
        return template;
    }

    Map<String, Object> resources() {
        return map(template.get("Resources"));
    }

    /** Resources of one type, by logical id, in template order. */
    Map<String, Map<String, Object>> resourcesOfType(String type) {
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        resources().forEach((id, r) -> {
            if (type.equals(map(r).get("Type"))) {
                found.put(id, map(r));
            }
        });
        return found;
    }

    static Map<String, Object> properties(Map<String, Object> resource) {
        Object p = resource.get("Properties");
        return p == null ? Map.of() : map(p);
    }

    /** Evaluates Ref, Fn::Sub and Fn::GetAtt (Arn) to strings; other values are returned as they are. */
    Object resolve(Object value) {
        if (value instanceof Map<?, ?> m && m.size() == 1) {
            Map.Entry<?, ?> e = m.entrySet().iterator().next();
            String fn = (String) e.getKey();
            switch (fn) {
                case "Ref":
                    return ref((String) e.getValue());
                case "Fn::Sub":
                    return sub(e.getValue());
                case "Fn::GetAtt":
                    List<?> parts = (List<?>) e.getValue();
                    return getAtt((String) parts.get(0), (String) parts.get(1));
                default:
                    return value;
            }
        }
        if (value instanceof List<?> list) {
            List<Object> resolved = new ArrayList<>();
            for (Object o : list) {
                resolved.add(resolve(o));
            }
            return resolved;
        }
        return value;
    }

    String resolveString(Object value) {
        Object r = resolve(value);
        if (!(r instanceof String s)) {
            throw new IllegalArgumentException("cannot resolve to a string: " + value);
        }
        return s;
    }

    private String ref(String name) {
        switch (name) {
            case "AWS::AccountId":
                return ACCOUNT;
            case "AWS::Region":
                return REGION;
            case "AWS::Partition":
                return "aws";
            case "AWS::StackName":
                return "kw-test";
            case "AWS::NoValue":
                return null;
            default:
                break;
        }
        Map<String, Object> parameters = template.get("Parameters") == null ? Map.of() : map(template.get("Parameters"));
        if (parameters.containsKey(name)) {
            return String.valueOf(map(parameters.get(name)).get("Default"));
        }
        Map<String, Object> resource = map(resources().get(name));
        if ("AWS::S3::Bucket".equals(resource.get("Type"))) {
            return resolveString(properties(resource).get("BucketName"));
        }
        return "ref:" + name;
    }

    private String getAtt(String resourceId, String attribute) {
        Map<String, Object> resource = resources().containsKey(resourceId) ? map(resources().get(resourceId)) : Map.of();
        String type = String.valueOf(resource.get("Type"));
        if (!"Arn".equals(attribute)) {
            return "getatt:" + resourceId + "." + attribute;
        }
        return switch (type) {
            case "AWS::S3::Bucket" -> "arn:aws:s3:::" + ref(resourceId);
            case "AWS::SQS::Queue" -> "arn:aws:sqs:" + REGION + ":" + ACCOUNT + ":" + resourceId;
            default -> "arn:aws:" + type + ":" + REGION + ":" + ACCOUNT + ":" + resourceId;
        };
    }

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}!]+)}");

    private String sub(Object argument) {
        String text;
        Map<String, Object> vars = Map.of();
        if (argument instanceof List<?> l) {
            text = (String) l.get(0);
            vars = map(l.get(1));
        } else {
            text = (String) argument;
        }
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value;
            if (vars.containsKey(name)) {
                value = resolveString(vars.get(name));
            } else if (name.contains(".") && !name.startsWith("AWS::")) {
                value = getAtt(name.substring(0, name.indexOf('.')), name.substring(name.indexOf('.') + 1));
            } else {
                value = ref(name);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        // "${!Literal}" is CloudFormation's escape for a "${Literal}" it must not substitute (IAM policy variables).
        return out.toString().replace("${!", "${");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    /** SnakeYAML constructor that knows CloudFormation's short-form intrinsic tags. */
    private static final class Constructor extends SafeConstructor {
        Constructor() {
            super(new LoaderOptions());
            SHORT_TAGS.forEach((tag, fn) -> yamlConstructors.put(new Tag(tag), new Intrinsic(fn)));
        }

        private final class Intrinsic extends AbstractConstruct {
            private final String fn;

            Intrinsic(String fn) {
                this.fn = fn;
            }

            @Override
            public Object construct(Node node) {
                Object value;
                if (node instanceof ScalarNode s) {
                    value = constructScalar(s);
                    if (fn.equals("Fn::GetAtt")) {
                        String[] parts = ((String) value).split("\\.", 2);
                        value = List.of(parts[0], parts[1]);
                    }
                } else if (node instanceof SequenceNode q) {
                    value = constructSequence(q);
                } else {
                    value = constructMapping((MappingNode) node);
                }
                Map<String, Object> intrinsic = new LinkedHashMap<>();
                intrinsic.put(fn, value);
                return intrinsic;
            }
        }
    }
}
