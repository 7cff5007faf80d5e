package org.schoolcollab.common;

import java.util.List;
import java.util.Optional;

public record Page<T>(List<T> items, Optional<String> nextToken) {
    public Page {
        items = List.copyOf(items);
    }
}
