package org.schoolcollab.kernel.adapters;

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

    private Keys() {}
}
