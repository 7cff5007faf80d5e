package org.schoolcollab.local.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.schoolcollab.local.template.TemplateYaml.intValue;
import static org.schoolcollab.local.template.TemplateYaml.map;

/** Reads each AWS::Serverless::Function with Globals applied, so local functions get what SAM would give them. */
final class FunctionReader {
    private final SamTemplate template;
    private final EventSourceReader events;

    FunctionReader(SamTemplate template) {
        this.template = template;
        this.events = new EventSourceReader(template);
    }

    List<FunctionDefinition> functions() {
        Map<String, Object> globals = map(map(template.section("Globals"), "Globals")
                .getOrDefault("Function", Map.of()), "Globals.Function");
        List<FunctionDefinition> functions = new ArrayList<>();
        template.resources().forEach((id, raw) -> {
            Map<String, Object> resource = map(raw, id);
            if (!"AWS::Serverless::Function".equals(resource.get("Type"))) {
                return;
            }
            Map<String, Object> props = map(resource.getOrDefault("Properties", Map.of()), id + ".Properties");
            String handler = String.valueOf(props.getOrDefault("Handler", globals.get("Handler")));
            Map<String, String> env = new LinkedHashMap<>();
            env.putAll(variables(globals));
            env.putAll(variables(props));
            List<EventSource> sources = new ArrayList<>();
            map(props.getOrDefault("Events", Map.of()), id + ".Events")
                    .forEach((eventName, e) -> sources.add(events.read(id, eventName, e)));
            functions.add(new FunctionDefinition(id, handler, env, List.copyOf(sources), asyncConfig(id, props)));
        });
        return functions;
    }

    private Map<String, String> variables(Map<String, Object> props) {
        Map<String, Object> env = map(props.getOrDefault("Environment", Map.of()), "Environment");
        Map<String, String> out = new LinkedHashMap<>();
        map(env.getOrDefault("Variables", Map.of()), "Variables").forEach((k, v) -> out.put(k, template.resolve(v)));
        return out;
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
}
