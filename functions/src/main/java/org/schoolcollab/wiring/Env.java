package org.schoolcollab.wiring;

import java.util.Optional;

/**
 * Reads a function's configuration. Lambda sets environment variables; the local runner hosts every
 * function in one JVM and cannot set them, so it passes the template's values as system properties.
 */
public final class Env {
    private Env() {}

    public static Optional<String> find(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            value = System.getProperty(name);
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    public static String require(String name) {
        return find(name).orElseThrow(() -> new IllegalStateException("missing configuration: " + name));
    }
}
