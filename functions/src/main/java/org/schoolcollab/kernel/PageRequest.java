package org.schoolcollab.kernel;

import java.util.Objects;
import java.util.Optional;

/** One page of a list: how many items at most, and where the previous page stopped (an opaque token it gave). */
public record PageRequest(int limit, Optional<String> nextToken) {
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("a page holds 1 to " + MAX_LIMIT + " items, not " + limit);
        }
        Objects.requireNonNull(nextToken, "nextToken");
    }

    public static PageRequest first(int limit) {
        return new PageRequest(limit, Optional.empty());
    }
}
