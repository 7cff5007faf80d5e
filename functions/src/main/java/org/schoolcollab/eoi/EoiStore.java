package org.schoolcollab.eoi;

import org.schoolcollab.kernel.Page;
import org.schoolcollab.kernel.PageRequest;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Where expressions of interest live, with the claims that keep a school in one application at a time. */
public interface EoiStore {

    /**
     * Writes the application, claims each of its schools for the programme, lists it under each of its schools
     * and, when given, writes the idempotency record: all of it or none of it.
     *
     * @throws SchoolsAlreadyClaimedException when a school is already in an active application or community
     * @throws IdempotencyKeyTakenException   when the same key was stored by a concurrent request
     */
    void create(ExpressionOfInterest eoi, Optional<IdempotencyRecord> idempotency);

    Optional<ExpressionOfInterest> find(String id);

    /** Oldest first. */
    Page<ExpressionOfInterest> listByStatus(EoiStatus status, PageRequest page);

    /**
     * The applications that name this school, of any programme, newest submission first, each as it is now; with a
     * status, only those in it (pages are still filled up to the limit while there are more).
     */
    Page<ExpressionOfInterest> listBySchool(String schoolNumber, Optional<EoiStatus> status, PageRequest page);

    /** The record of a key, unless it has expired (TTL deletion lags, so expiry is checked here). */
    Optional<IdempotencyRecord> findIdempotencyRecord(String scopedKey, Instant now);

    /**
     * A request that carried an Idempotency-Key: the key (scoped to the user), a fingerprint of the request, and the
     * application it created, so a retry of the same request is answered with that application as first recorded.
     */
    record IdempotencyRecord(String scopedKey, String requestHash, String eoiId, Instant expiresAt) {
        public IdempotencyRecord {
            Objects.requireNonNull(scopedKey, "scopedKey");
            Objects.requireNonNull(requestHash, "requestHash");
            Objects.requireNonNull(eoiId, "eoiId");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }
    }

    final class SchoolsAlreadyClaimedException extends RuntimeException {
        private final List<String> schoolNumbers;

        public SchoolsAlreadyClaimedException(List<String> schoolNumbers) {
            super("schools already claimed: " + schoolNumbers);
            this.schoolNumbers = List.copyOf(schoolNumbers);
        }

        public List<String> schoolNumbers() {
            return schoolNumbers;
        }
    }

    final class IdempotencyKeyTakenException extends RuntimeException {
        public IdempotencyKeyTakenException() {
            super("idempotency key stored by a concurrent request");
        }
    }
}
