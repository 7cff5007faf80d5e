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
