package org.schoolcollab.kernel;

import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** Record ids are random UUIDs; a path segment that cannot be one names nothing (a 404, never a look-up). */
public final class Ids {
    private static final Pattern ID = Pattern.compile("^[0-9a-f-]{36}$");
    private static final Pattern UUID_TEXT =
            Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");

    /** New ids in production; tests pass their own supplier. */
    public static final Supplier<String> RANDOM = () -> UUID.randomUUID().toString();

    private Ids() {}

    /** Thirty-six characters of lower-case hex and dashes: the shape of every id this product issues. */
    public static boolean isId(String text) {
        return text != null && ID.matcher(text).matches();
    }

    /** A canonical lower-case UUID (8-4-4-4-12). */
    public static boolean isUuid(String text) {
        return text != null && UUID_TEXT.matcher(text).matches();
    }
}
