package org.schoolcollab.local.template;

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
import java.util.List;
import java.util.Map;

/** Reads template.yaml with short-form tags in their long form, so everything after sees one shape. */
public final class TemplateYaml {
    private TemplateYaml() {
    }

    /** The template's top-level mapping; !Ref, !GetAtt, !Sub, ... become {"Ref": ...}, {"Fn::GetAtt": [...]}, .... */
    static Map<String, Object> load(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Yaml yaml = new Yaml(new IntrinsicConstructor());
            return map(yaml.load(reader), "template");
        }
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object o, String what) {
        if (o instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new IllegalArgumentException(what + " must be a mapping in template.yaml");
    }

    public static List<Object> list(Object o) {
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
