package org.schoolcollab.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.schoolcollab.kernel.FieldError;
import org.schoolcollab.kernel.Json;
import org.schoolcollab.kernel.Rejection;

import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** The first checks of every JSON request body, worded the same way on every route. */
public final class JsonBody {
    private JsonBody() {}

    /** The body as a JSON object, or a 400 naming `body`. */
    public static JsonNode object(String body) {
        JsonNode root;
        try {
            root = Json.parse(body);
        } catch (JsonProcessingException e) {
            throw Rejection.invalid("body", "not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw Rejection.invalid("body", "must be a JSON object");
        }
        return root;
    }

    /**
     * An optional text field: absent or null is null; otherwise a non-blank string of at most {@code max} code points,
     * or an error naming the field (and null).
     */
    public static String optionalText(JsonNode object, String field, int max, List<FieldError> errors) {
        JsonNode n = object.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual() || n.textValue().isBlank()) {
            errors.add(new FieldError(field, "must be a non-blank string"));
            return null;
        }
        int length = n.textValue().codePointCount(0, n.textValue().length());
        if (length > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters (got " + length + ")"));
            return null;
        }
        return n.textValue();
    }

    /** Adds an error for each field the object has that the contract does not name. */
    public static void rejectUnknown(JsonNode object, Set<String> allowed, String prefix, List<FieldError> errors) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                errors.add(new FieldError(prefix + name, "is not a known field"));
            }
        }
    }
}
