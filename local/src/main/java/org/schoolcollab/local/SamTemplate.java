package org.schoolcollab.local;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the local runner needs from template.yaml: functions, their HTTP routes, stream and S3 triggers, the
 * tables and buckets, the default authorizer and parameter defaults. Read here so the runner never repeats the
 * template.
 */
public final class SamTemplate {
    public static final String REGION = "us-east-1";
    public static final String ACCOUNT = "000000000000";

    private final Map<String, Object> root;
    private final Map<String, String> parameterOverrides;

    private SamTemplate(Map<String, Object> root, Map<String, String> parameterOverrides) {
        this.root = root;
        this.parameterOverrides = Map.copyOf(parameterOverrides);
    }

    public static SamTemplate load(Path file) throws IOException {
        return load(file, Map.of());
    }

    public static SamTemplate load(Path file, Map<String, String> parameterOverrides) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Yaml yaml = new Yaml(new IntrinsicConstructor());
            return new SamTemplate(map(yaml.load(reader), "template"), parameterOverrides);
        }
    }

    public record HttpRoute(String method, String path, String functionId, boolean authorized) {
        public String routeKey() {
            return method + " " + path;
        }
    }

    public record StreamSource(String name, String functionId, String tableId, int batchSize, int maximumRetryAttempts,
                               boolean bisectOnError, boolean reportBatchItemFailures, List<String> filterPatterns,
                               String startingPosition, boolean hasOnFailureDestination) {}

    /** A prefix or suffix rule of an S3 event's Filter.S3Key.Rules. */
    public record S3KeyRule(String name, String value) {
        boolean matches(String key) {
            return "prefix".equals(name) ? key.startsWith(value) : key.endsWith(value);
        }
    }

    /**
     * A SAM S3 event: object events of a bucket in this template (Events, e.g. s3:ObjectCreated:*), narrowed by
     * key prefix and suffix rules, delivered to the function as an asynchronous invocation.
     */
    public record S3Source(String name, String functionId, String bucketId, List<String> events,
                           List<S3KeyRule> rules) {
        /** The bucket's local name: its logical id in lower case (as !Ref gives it to functions). */
        public String bucketName() {
            return bucketId.toLowerCase(Locale.ROOT);
        }

        /** eventName as S3 puts it in the record, e.g. ObjectCreated:Put, against s3:ObjectCreated:* or exact names. */
        public boolean matchesEvent(String eventName) {
            String full = "s3:" + eventName;
            for (String e : events) {
                if (e.equals(full) || (e.endsWith(":*") && full.startsWith(e.substring(0, e.length() - 1)))) {
                    return true;
                }
            }
            return false;
        }

        /** S3 applies the rules to the object's key as stored (not the URL-encoded form in the record). */
        public boolean matchesKey(String key) {
            return rules.stream().allMatch(r -> r.matches(key));
        }

        public boolean matches(String bucket, String eventName, String key) {
            return bucketName().equals(bucket) && matchesEvent(eventName) && matchesKey(key);
        }
    }

    /**
     * A function's asynchronous invocation settings (SAM EventInvokeConfig): how often Lambda retries a failed
     * asynchronous event (0 to 2, default 2) before it gives the event to the on-failure destination.
     */
    public record AsyncConfig(int maximumRetryAttempts, boolean hasOnFailureDestination) {
        static final AsyncConfig DEFAULT = new AsyncConfig(2, false);
    }

    public record Function(String id, String handler, Map<String, String> environment, List<HttpRoute> routes,
                           List<StreamSource> streams, List<S3Source> s3Events, AsyncConfig async) {
        public Function(String id, String handler, Map<String, String> environment, List<HttpRoute> routes,
                        List<StreamSource> streams) {
            this(id, handler, environment, routes, streams, List.of(), AsyncConfig.DEFAULT);
        }

        public String handlerClass() {
            int sep = handler.indexOf("::");
            return sep < 0 ? handler : handler.substring(0, sep);
        }
    }

    public record Table(String id, Map<String, Object> properties) {}

    public List<Function> functions() {
        Map<String, Object> globals = map(map(root.getOrDefault("Globals", Map.of()), "Globals")
                .getOrDefault("Function", Map.of()), "Globals.Function");
        List<Function> functions = new ArrayList<>();
        resources().forEach((id, raw) -> {
            Map<String, Object> resource = map(raw, id);
            if (!"AWS::Serverless::Function".equals(resource.get("Type"))) {
                return;
            }
            Map<String, Object> props = map(resource.getOrDefault("Properties", Map.of()), id + ".Properties");
            String handler = String.valueOf(props.getOrDefault("Handler", globals.get("Handler")));
            Map<String, String> env = new LinkedHashMap<>();
            env.putAll(variables(globals));
            env.putAll(variables(props));
            List<HttpRoute> routes = new ArrayList<>();
            List<StreamSource> streams = new ArrayList<>();
            List<S3Source> s3Events = new ArrayList<>();
            map(props.getOrDefault("Events", Map.of()), id + ".Events").forEach((eventName, e) -> {
                Map<String, Object> event = map(e, eventName);
                Map<String, Object> ep = map(event.getOrDefault("Properties", Map.of()), eventName + ".Properties");
                switch (String.valueOf(event.get("Type"))) {
                    case "HttpApi" -> {
                        Object auth = map(ep.getOrDefault("Auth", Map.of()), "Auth").get("Authorizer");
                        routes.add(new HttpRoute(String.valueOf(ep.get("Method")).toUpperCase(),
                                String.valueOf(ep.get("Path")), id,
                                !"NONE".equals(auth) && defaultAuthorizer() != null));
                    }
                    case "DynamoDB" -> streams.add(streamSource(eventName, id, ep));
                    case "S3" -> s3Events.add(s3Source(eventName, id, ep));
                    default -> throw new IllegalArgumentException("the local runner does not support event type "
                            + event.get("Type") + " (" + id + "." + eventName + ")");
                }
            });
            functions.add(new Function(id, handler, env, List.copyOf(routes), List.copyOf(streams),
                    List.copyOf(s3Events), asyncConfig(id, props)));
        });
        return functions;
    }

    private StreamSource streamSource(String name, String functionId, Map<String, Object> ep) {
        Object stream = ep.get("Stream");
        String tableId = null;
        if (stream instanceof Map<?, ?> m && m.get("Fn::GetAtt") instanceof List<?> att && att.size() == 2
                && "StreamArn".equals(att.get(1))) {
            tableId = String.valueOf(att.getFirst());
        }
        if (tableId == null) {
            throw new IllegalArgumentException(functionId + "." + name + ": Stream must be !GetAtt <Table>.StreamArn");
        }
        List<String> patterns = new ArrayList<>();
        Object criteria = ep.get("FilterCriteria");
        if (criteria != null) {
            for (Object f : list(map(criteria, "FilterCriteria").getOrDefault("Filters", List.of()))) {
                patterns.add(String.valueOf(map(f, "Filter").get("Pattern")));
            }
        }
        Object responseTypes = ep.getOrDefault("FunctionResponseTypes", List.of());
        Object destination = ep.get("DestinationConfig");
        return new StreamSource(name, functionId, tableId,
                intValue(ep.getOrDefault("BatchSize", 100)),
                intValue(ep.getOrDefault("MaximumRetryAttempts", -1)),
                Boolean.parseBoolean(String.valueOf(ep.getOrDefault("BisectBatchOnFunctionError", false))),
                list(responseTypes).contains("ReportBatchItemFailures"),
                List.copyOf(patterns),
                String.valueOf(ep.getOrDefault("StartingPosition", "TRIM_HORIZON")),
                destination != null);
    }

    private S3Source s3Source(String name, String functionId, Map<String, Object> ep) {
        String where = functionId + "." + name;
        Object bucket = ep.get("Bucket");
        String bucketId = bucket instanceof Map<?, ?> m && m.get("Ref") != null ? String.valueOf(m.get("Ref")) : null;
        if (bucketId == null || !isBucket(bucketId)) {
            throw new IllegalArgumentException(where + ": Bucket must be !Ref to an AWS::S3::Bucket of this template");
        }
        Object rawEvents = ep.get("Events");
        List<String> events = rawEvents instanceof List<?> l ? l.stream().map(String::valueOf).toList()
                : rawEvents == null ? List.of() : List.of(String.valueOf(rawEvents));
        if (events.isEmpty() || !events.stream().allMatch(e -> e.matches("s3:[A-Za-z]+(:(\\*|[A-Za-z]+))?"))) {
            throw new IllegalArgumentException(where + ": Events must be S3 event types like s3:ObjectCreated:*, got "
                    + rawEvents);
        }
        List<S3KeyRule> rules = new ArrayList<>();
        Object filter = ep.get("Filter");
        if (filter != null) {
            Object s3Key = map(filter, where + ".Filter").get("S3Key");
            Object ruleList = s3Key == null ? List.of() : map(s3Key, where + ".Filter.S3Key").getOrDefault("Rules", List.of());
            for (Object r : list(ruleList)) {
                Map<String, Object> rule = map(r, where + ".Filter.S3Key.Rules");
                String ruleName = String.valueOf(rule.get("Name")).toLowerCase(Locale.ROOT);
                if (!ruleName.equals("prefix") && !ruleName.equals("suffix")) {
                    throw new IllegalArgumentException(where + ": filter rule names are prefix or suffix, got "
                            + rule.get("Name"));
                }
                rules.add(new S3KeyRule(ruleName, resolve(rule.get("Value"))));
            }
        }
        return new S3Source(name, functionId, bucketId, events, List.copyOf(rules));
    }

    private static AsyncConfig asyncConfig(String functionId, Map<String, Object> props) {
        Object raw = props.get("EventInvokeConfig");
        if (raw == null) {
            return AsyncConfig.DEFAULT;
        }
        Map<String, Object> config = map(raw, functionId + ".EventInvokeConfig");
        int retries = intValue(config.getOrDefault("MaximumRetryAttempts", 2));
        if (retries < 0 || retries > 2) {
            throw new IllegalArgumentException(functionId + ".EventInvokeConfig.MaximumRetryAttempts must be 0 to 2");
        }
        Object destination = config.get("DestinationConfig");
        boolean onFailure = destination != null
                && map(destination, functionId + ".EventInvokeConfig.DestinationConfig").get("OnFailure") != null;
        return new AsyncConfig(retries, onFailure);
    }

    private boolean isBucket(String id) {
        return resources().get(id) instanceof Map<?, ?> r && "AWS::S3::Bucket".equals(r.get("Type"));
    }

    /** The template's buckets by logical id; locally each is named by its id in lower case. */
    public List<String> bucketIds() {
        return resources().keySet().stream().filter(this::isBucket).toList();
    }

    /** Whether the template turns versioning on for the bucket (VersioningConfiguration.Status: Enabled). */
    public boolean bucketVersioned(String bucketId) {
        Map<String, Object> props = map(map(resources().get(bucketId), bucketId).getOrDefault("Properties", Map.of()),
                bucketId + ".Properties");
        Object versioning = props.get("VersioningConfiguration");
        return versioning != null && "Enabled".equals(resolve(map(versioning, "VersioningConfiguration").get("Status")));
    }

    public static String bucketName(String bucketId) {
        return bucketId.toLowerCase(Locale.ROOT);
    }

    public Table table(String id) {
        Map<String, Object> resource = map(Objects.requireNonNull(resources().get(id), "no resource " + id), id);
        if (!"AWS::DynamoDB::Table".equals(resource.get("Type"))) {
            throw new IllegalArgumentException(id + " is not an AWS::DynamoDB::Table");
        }
        return new Table(id, map(resource.get("Properties"), id + ".Properties"));
    }

    public List<String> tableIds() {
        List<String> ids = new ArrayList<>();
        resources().forEach((id, r) -> {
            if ("AWS::DynamoDB::Table".equals(map(r, id).get("Type"))) {
                ids.add(id);
            }
        });
        return ids;
    }

    /** The HttpApi's DefaultAuthorizer name, or null when routes are open. */
    public String defaultAuthorizer() {
        for (Object r : resources().values()) {
            Map<String, Object> resource = map(r, "resource");
            if ("AWS::Serverless::HttpApi".equals(resource.get("Type"))) {
                Map<String, Object> auth = map(map(resource.getOrDefault("Properties", Map.of()), "HttpApi")
                        .getOrDefault("Auth", Map.of()), "Auth");
                Object name = auth.get("DefaultAuthorizer");
                return name == null ? null : String.valueOf(name);
            }
        }
        return null;
    }

    public Map<String, Object> resources() {
        return map(root.get("Resources"), "Resources");
    }

    /** A parameter's local value: an override, else its Default. */
    public String parameter(String name) {
        if (parameterOverrides.containsKey(name)) {
            return parameterOverrides.get(name);
        }
        Map<String, Object> params = map(root.getOrDefault("Parameters", Map.of()), "Parameters");
        Object p = params.get(name);
        return p == null ? null : String.valueOf(map(p, name).getOrDefault("Default", ""));
    }

    private Map<String, String> variables(Map<String, Object> props) {
        Map<String, Object> env = map(props.getOrDefault("Environment", Map.of()), "Environment");
        Map<String, String> out = new LinkedHashMap<>();
        map(env.getOrDefault("Variables", Map.of()), "Variables").forEach((k, v) -> out.put(k, resolve(v)));
        return out;
    }

    private static final Pattern SUB_VAR = Pattern.compile("\\$\\{([^}]+)}");

    /** Local values for intrinsic functions: parameters by default, resources by logical id, pseudo parameters fixed. */
    public String resolve(Object value) {
        if (value instanceof Map<?, ?> m && m.size() == 1) {
            var entry = m.entrySet().iterator().next();
            String fn = String.valueOf(entry.getKey());
            Object arg = entry.getValue();
            switch (fn) {
                case "Ref" -> {
                    return ref(String.valueOf(arg));
                }
                case "Fn::GetAtt" -> {
                    List<?> parts = arg instanceof List<?> l ? l : List.of(String.valueOf(arg).split("\\.", 2));
                    String resource = String.valueOf(parts.get(0));
                    String bucketValue = isBucket(resource)
                            ? bucketAttribute(bucketName(resource), String.valueOf(parts.get(1))) : null;
                    if (bucketValue != null) {
                        return bucketValue;
                    }
                    return "arn:aws:local:" + REGION + ":" + ACCOUNT + ":" + parts.get(0) + "/" + parts.get(1);
                }
                case "Fn::Sub" -> {
                    Matcher matcher = SUB_VAR.matcher(String.valueOf(arg instanceof List<?> l ? l.getFirst() : arg));
                    StringBuilder sb = new StringBuilder();
                    while (matcher.find()) {
                        String var = matcher.group(1);
                        String replacement = var.contains(".")
                                ? resolve(Map.of("Fn::GetAtt", List.of(var.split("\\.", 2))))
                                : ref(var);
                        matcher.appendReplacement(sb, Matcher.quoteReplacement(replacement));
                    }
                    matcher.appendTail(sb);
                    return sb.toString();
                }
                default -> throw new IllegalArgumentException("the local runner cannot resolve " + fn);
            }
        }
        return String.valueOf(value);
    }

    private String ref(String name) {
        return switch (name) {
            case "AWS::Region" -> REGION;
            case "AWS::AccountId" -> ACCOUNT;
            case "AWS::StackName" -> "local";
            case "AWS::Partition" -> "aws";
            case "AWS::URLSuffix" -> "amazonaws.com";
            default -> {
                String parameter = parameter(name);
                if (parameter != null) {
                    yield parameter;
                }
                if (isBucket(name)) {
                    yield bucketName(name); // bucket names are lower case: the logical id in lower case
                }
                if (resources().containsKey(name)) {
                    yield name; // a resource's local physical name is its logical id
                }
                throw new IllegalArgumentException("!Ref to unknown name " + name);
            }
        };
    }

    private static String bucketAttribute(String bucket, String attribute) {
        return switch (attribute) {
            case "Arn" -> "arn:aws:s3:::" + bucket;
            case "DomainName" -> bucket + ".s3.amazonaws.com";
            case "RegionalDomainName" -> bucket + ".s3." + REGION + ".amazonaws.com";
            default -> null;
        };
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o, String what) {
        if (o instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new IllegalArgumentException(what + " must be a mapping in template.yaml");
    }

    static List<Object> list(Object o) {
        if (o instanceof List<?> l) {
            return new ArrayList<>(l);
        }
        throw new IllegalArgumentException("expected a list in template.yaml, got " + o);
    }

    static int intValue(Object o) {
        return o instanceof Number n ? n.intValue() : Integer.parseInt(String.valueOf(o));
    }

    /** Reads CloudFormation's short-form tags (!Ref, !GetAtt, !Sub, ...) as their long form. */
    private static final class IntrinsicConstructor extends SafeConstructor {
        IntrinsicConstructor() {
            super(new LoaderOptions());
            this.yamlMultiConstructors.put("!", new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    String tag = node.getTag().getValue().substring(1);
                    String name = tag.equals("Ref") || tag.equals("Condition") ? tag : "Fn::" + tag;
                    Object value = switch (node) {
                        case ScalarNode s -> {
                            String text = constructScalar(s);
                            yield tag.equals("GetAtt") ? List.of(text.split("\\.", 2)) : text;
                        }
                        case SequenceNode s -> constructSequence(s);
                        case MappingNode m -> constructMapping(m);
                        default -> throw new IllegalArgumentException("unexpected YAML node " + node);
                    };
                    return Map.of(name, value);
                }
            });
        }
    }
}
