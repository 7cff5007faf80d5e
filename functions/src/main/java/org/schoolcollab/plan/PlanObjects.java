package org.schoolcollab.plan;

import java.util.Optional;

/** The stored files, as the plan-received checks read and move them (S3 in AWS, S3Proxy locally). */
public interface PlanObjects {
    /** The object's metadata; empty when there is no such object (or version). */
    Optional<StoredObject> head(ObjectRef object);

    /** Bytes {@code first} to {@code last} inclusive (a ranged GET). */
    byte[] read(ObjectRef object, long first, long last);

    /**
     * Copies the object to {@code toKey} in the same bucket and deletes it from its key. Repeating it is harmless:
     * a source already gone counts as moved.
     */
    void move(ObjectRef object, String toKey);
}
