package org.schoolcollab.funding;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Paths and figures in a policy document's tree. A figure is an object with a "status" (and a source, a value). */
final class PolicyTree {
    private static final Pattern SEGMENT = Pattern.compile("^([A-Za-z0-9_-]+)(?:\\[([0-9]+)])?$");

    private PolicyTree() {}

    /** The node at a dotted path such as {@code rules.formationAllowance.datedAlternatives[0]}, or null. */
    static JsonNode at(JsonNode root, String path) {
        JsonNode node = root;
        for (String segment : path.split("\\.", -1)) {
            Matcher m = SEGMENT.matcher(segment);
            if (node == null || !m.matches()) {
                return null;
            }
            node = node.isObject() ? node.get(m.group(1)) : null;
            if (node != null && m.group(2) != null) {
                node = node.isArray() ? node.get(Integer.parseInt(m.group(2))) : null;
            }
        }
        return node;
    }

    static boolean isFigure(JsonNode node) {
        return node != null && node.isObject() && node.has("status");
    }

    /** Visits every figure under {@code node}, nested ones too, with its dotted path. */
    static void forEachFigure(JsonNode node, String path, BiConsumer<String, JsonNode> visitor) {
        if (node == null) {
            return;
        }
        if (isFigure(node)) {
            visitor.accept(path, node);
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                forEachFigure(e.getValue(), path + "." + e.getKey(), visitor);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                forEachFigure(node.get(i), path + "[" + i + "]", visitor);
            }
        }
    }
}
