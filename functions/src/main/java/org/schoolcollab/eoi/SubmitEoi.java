package org.schoolcollab.eoi;

import java.util.Objects;
import java.util.Optional;

/**
 * A school's application to form a community, as it was submitted. With an idempotency key, a retry of the same
 * request is answered as the first was, and the key with another request is refused.
 */
public record SubmitEoi(EoiApplication application, Optional<IdempotencyKey> idempotencyKey) {
    public SubmitEoi {
        Objects.requireNonNull(application, "application");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    }

    /** The client's key for one request, and a fingerprint of that request so a reuse with another is told apart. */
    public record IdempotencyKey(String key, String requestHash) {
        public IdempotencyKey {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(requestHash, "requestHash");
        }
    }
}
