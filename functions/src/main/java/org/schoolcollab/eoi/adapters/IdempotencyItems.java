package org.schoolcollab.eoi.adapters;

import org.schoolcollab.eoi.EoiStore;
import org.schoolcollab.kernel.adapters.Items;
import org.schoolcollab.kernel.adapters.Keys;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.schoolcollab.kernel.adapters.Items.num;
import static org.schoolcollab.kernel.adapters.Items.str;

/** pk IDEMPOTENCY#&lt;user&gt;#&lt;key&gt;, sk IDEMPOTENCY, expiring by the table's TTL on {@code expiresAt}. */
public final class IdempotencyItems {
    public static final String TYPE = "IDEMPOTENCY";
    private static final String LOCATION_PREFIX = "/expressions-of-interest/";

    private IdempotencyItems() {}

    public static Map<String, AttributeValue> key(String scopedKey) {
        return Map.of(Keys.PK, str("IDEMPOTENCY#" + scopedKey), Keys.SK, str(TYPE));
    }

    public static Map<String, AttributeValue> toItem(EoiStore.IdempotencyRecord r) {
        Map<String, AttributeValue> item = new HashMap<>(key(r.scopedKey()));
        item.put(Keys.TYPE, str(TYPE));
        item.put("requestHash", str(r.requestHash()));
        item.put("eoiId", str(r.eoiId()));
        item.put(Keys.EXPIRES_AT, num(r.expiresAt().getEpochSecond()));
        return item;
    }

    public static EoiStore.IdempotencyRecord fromItem(String scopedKey, Map<String, AttributeValue> item) {
        // Records written before they named the application kept the first response's location instead.
        String eoiId = Items.optS(item, "eoiId").orElseGet(() -> Items.s(item, "location").substring(LOCATION_PREFIX.length()));
        return new EoiStore.IdempotencyRecord(scopedKey, Items.s(item, "requestHash"), eoiId,
                Instant.ofEpochSecond(Long.parseLong(Items.n(item, Keys.EXPIRES_AT))));
    }
}
