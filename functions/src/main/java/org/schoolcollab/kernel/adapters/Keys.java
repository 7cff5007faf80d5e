package org.schoolcollab.kernel.adapters;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The single table's key scheme: every item is (pk, sk) with a `type`; GSI1 serves the review queue. */
public final class Keys {
    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String TYPE = "type";
    public static final String GSI1 = "gsi1";
    public static final String GSI1_PK = "gsi1pk";
    public static final String GSI1_SK = "gsi1sk";
    /** GSI2: the notification log by recipient (gsi2pk = NOTIFY_TO#<lower-cased address>). */
    public static final String GSI2 = "gsi2";
    public static final String GSI2_PK = "gsi2pk";
    public static final String GSI2_SK = "gsi2sk";
    /** TTL attribute (epoch seconds) for short-lived items such as idempotency keys. */
    public static final String EXPIRES_AT = "expiresAt";

    /** Fixed width (nanoseconds always written), so sort keys sort as the instants do; Instant.toString drops zeros. */
    private static final DateTimeFormatter SORTABLE_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Keys() {}

    /** An instant as a sort key segment: "2026-03-02T21:14:05.000000000Z". */
    public static String sortable(Instant instant) {
        return SORTABLE_TIME.format(instant);
    }
}
