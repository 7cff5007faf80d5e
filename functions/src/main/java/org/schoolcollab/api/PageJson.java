package org.schoolcollab.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.schoolcollab.kernel.Json;
import org.schoolcollab.kernel.Page;

import java.util.function.Function;

/** Every list's shape: {@code {"items": [...], "nextToken": "..."}}, the token only when there is more. */
public final class PageJson {
    private PageJson() {}

    public static <T> ObjectNode of(Page<T> page, Function<T, ? extends JsonNode> item) {
        ObjectNode body = Json.object();
        ArrayNode items = body.putArray("items");
        page.items().forEach(i -> items.add(item.apply(i)));
        page.nextToken().ifPresent(t -> body.put("nextToken", t));
        return body;
    }
}
