package org.schoolcollab.kernel.adapters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.schoolcollab.kernel.Json;
import org.schoolcollab.kernel.Rejection;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Opaque `nextToken`s: DynamoDB's LastEvaluatedKey (string keys only), base64url JSON. */
public final class PageTokens {
    private PageTokens() {}

    public static Optional<String> encode(Map<String, AttributeValue> lastKey) {
        if (lastKey == null || lastKey.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode o = Json.object();
        lastKey.forEach((k, v) -> o.put(k, v.s()));
        return Optional.of(Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Json.write(o).getBytes(StandardCharsets.UTF_8)));
    }

    /** Decodes a token, accepting only the expected key names; anything else is the caller's 400. */
    public static Map<String, AttributeValue> decode(String token, Set<String> expectedKeys) {
        try {
            JsonNode node = Json.parse(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8));
            Map<String, AttributeValue> key = new HashMap<>();
            if (node.isObject() && node.size() == expectedKeys.size()) {
                for (String name : expectedKeys) {
                    JsonNode v = node.get(name);
                    // DynamoDB refuses empty key values (a 500 if passed on): a forged token, not a position.
                    if (v == null || !v.isTextual() || v.textValue().isEmpty()) {
                        break;
                    }
                    key.put(name, AttributeValue.fromS(v.textValue()));
                }
            }
            if (key.size() == expectedKeys.size()) {
                return key;
            }
        } catch (Exception e) {
            // fall through to one clear message, whatever was wrong with it
        }
        throw Rejection.invalid("nextToken", "is not a token this list issued");
    }
}
