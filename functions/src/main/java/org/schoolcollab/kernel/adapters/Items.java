package org.schoolcollab.kernel.adapters;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;
import java.util.Optional;

/** Small readers for hand-written item mappers: a missing required attribute is a clear error, not an NPE. */
public final class Items {
    private Items() {}

    public static String s(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        if (v == null || v.s() == null) {
            throw new IllegalArgumentException("item has no string attribute '" + name + "'");
        }
        return v.s();
    }

    public static Optional<String> optS(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || v.s() == null ? Optional.empty() : Optional.of(v.s());
    }

    public static String n(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        if (v == null || v.n() == null) {
            throw new IllegalArgumentException("item has no number attribute '" + name + "'");
        }
        return v.n();
    }

    public static AttributeValue str(String value) {
        return AttributeValue.fromS(value);
    }

    public static AttributeValue num(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    public static AttributeValue num(String value) {
        return AttributeValue.fromN(value);
    }

    public static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, AttributeValue.fromS(value));
        }
    }
}
