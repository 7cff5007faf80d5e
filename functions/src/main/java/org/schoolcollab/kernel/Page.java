package org.schoolcollab.kernel;

import java.util.List;
import java.util.Optional;

/** One page of a list and, when more follow, the opaque token of the next. */
public record Page<T>(List<T> items, Optional<String> nextToken) {
    public Page {
        items = List.copyOf(items);
    }
}
