package org.schoolcollab.testsupport.fakes;

import org.schoolcollab.plan.ObjectRef;
import org.schoolcollab.plan.PlanObjects;
import org.schoolcollab.plan.StoredObject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** An unversioned bucket in memory: objects by bucket and key, an MD5 ETag each, a move that is safe to repeat. */
public final class InMemoryPlanObjects implements PlanObjects {
    private final Map<String, byte[]> objects = new LinkedHashMap<>();
    private final Map<String, String> contentTypes = new LinkedHashMap<>();
    private int reads;

    private static String key(String bucket, String key) {
        return bucket + "/" + key;
    }

    /** As a browser's upload would leave it. */
    public synchronized void put(String bucket, String key, String contentType, byte[] bytes) {
        objects.put(key(bucket, key), bytes.clone());
        contentTypes.put(key(bucket, key), contentType);
    }

    @Override
    public synchronized Optional<StoredObject> head(ObjectRef o) {
        byte[] bytes = objects.get(key(o.bucket(), o.key()));
        return bytes == null ? Optional.empty() : Optional.of(new StoredObject(o.key(), bytes.length, eTag(bytes), null,
                contentTypes.get(key(o.bucket(), o.key()))));
    }

    @Override
    public synchronized byte[] read(ObjectRef o, long first, long last) {
        reads++;
        byte[] bytes = objects.get(key(o.bucket(), o.key()));
        if (bytes == null) {
            throw new IllegalStateException("no object " + o);
        }
        return Arrays.copyOfRange(bytes, (int) first, (int) Math.min(bytes.length, last + 1));
    }

    @Override
    public synchronized void move(ObjectRef o, String toKey) {
        byte[] bytes = objects.remove(key(o.bucket(), o.key()));
        if (bytes != null) {
            objects.put(key(o.bucket(), toKey), bytes);
            contentTypes.put(key(o.bucket(), toKey), contentTypes.remove(key(o.bucket(), o.key())));
        }
    }

    public synchronized boolean exists(String bucket, String key) {
        return objects.containsKey(key(bucket, key));
    }

    /** Ranged reads made: what the checks cost. */
    public synchronized int reads() {
        return reads;
    }

    public static String eTag(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] text(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
