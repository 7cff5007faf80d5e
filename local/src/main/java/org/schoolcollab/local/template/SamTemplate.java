package org.schoolcollab.local.template;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import static org.schoolcollab.local.template.TemplateYaml.map;

/** What the local runner needs from template.yaml, read in one place so the runner never repeats the template. */
public final class SamTemplate {
    public static final String REGION = "us-east-1";
    public static final String ACCOUNT = "000000000000";

    private final Map<String, Object> root;
    private final Map<String, String> parameterOverrides;
    private final IntrinsicResolver resolver = new IntrinsicResolver(this);

    private SamTemplate(Map<String, Object> root, Map<String, String> parameterOverrides) {
        this.root = root;
        this.parameterOverrides = Map.copyOf(parameterOverrides);
    }

    public static SamTemplate load(Path file) throws IOException {
        return load(file, Map.of());
    }

    public static SamTemplate load(Path file, Map<String, String> parameterOverrides) throws IOException {
        return new SamTemplate(TemplateYaml.load(file), parameterOverrides);
    }

    public List<FunctionDefinition> functions() {
        return new FunctionReader(this).functions();
    }

    boolean isBucket(String id) {
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

    public TableDefinition table(String id) {
        Map<String, Object> resource = map(Objects.requireNonNull(resources().get(id), "no resource " + id), id);
        if (!"AWS::DynamoDB::Table".equals(resource.get("Type"))) {
            throw new IllegalArgumentException(id + " is not an AWS::DynamoDB::Table");
        }
        return new TableDefinition(id, map(resource.get("Properties"), id + ".Properties"));
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

    /** A top-level section (Globals, Parameters, ...) as written, or an empty mapping when there is none. */
    Object section(String name) {
        return root.getOrDefault(name, Map.of());
    }

    /** A parameter's local value: an override, else its Default. */
    public String parameter(String name) {
        if (parameterOverrides.containsKey(name)) {
            return parameterOverrides.get(name);
        }
        Map<String, Object> params = map(section("Parameters"), "Parameters");
        Object p = params.get(name);
        return p == null ? null : String.valueOf(map(p, name).getOrDefault("Default", ""));
    }

    /** Local values for intrinsic functions: parameters by default, resources by logical id, pseudo parameters fixed. */
    public String resolve(Object value) {
        return resolver.resolve(value);
    }
}
