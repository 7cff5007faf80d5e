package org.schoolcollab.eoi;

import org.schoolcollab.common.Page;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where expressions of interest live. One DynamoDB implementation; the domain sees only this. */
public interface EoiStore {

    /**
     * Writes the application, claims each of its schools for the programme, lists it under each of its schools
     * and, when given, writes the idempotent response: all of it or none of it.
     *
     * @throws SchoolsAlreadyClaimedException when a school is already in an active application or community
     * @throws IdempotencyKeyTakenException   when the same key was stored by a concurrent request
     */
    void create(ExpressionOfInterest eoi, Optional<IdempotentResponse> idempotentResponse);

    Optional<ExpressionOfInterest> find(String id);

    /**
     * Records the decision, moves the application out of SUBMITTED, and either forms the community (claims now
     * name it) or releases the schools' claims: one transaction, conditional on the application being SUBMITTED.
     *
     * @throws AlreadyDecidedException when it was decided first by someone else
     */
    void recordDecision(ExpressionOfInterest eoi, EoiDecision decision,
                        Optional<org.schoolcollab.community.Community> community);

    /** Oldest first. */
    Page<ExpressionOfInterest> listByStatus(EoiStatus status, int limit, Optional<String> nextToken);

    /**
     * The applications that name this school, of any programme, newest submission first, each as it is now; with a
     * status, only those in it (pages are still filled up to the limit while there are more).
     */
    Page<ExpressionOfInterest> listBySchool(String schoolNumber, Optional<EoiStatus> status, int limit,
                                            Optional<String> nextToken);

    /** A stored response for the key, unless it has expired (TTL deletion lags, so expiry is checked here). */
    Optional<IdempotentResponse> findIdempotentResponse(String scopedKey, Instant now);

    /** The first response to a request carrying an Idempotency-Key, replayed to retries of the same request. */
    record IdempotentResponse(String scopedKey, String requestHash, int status, String body, String location,
                              Instant expiresAt) {}

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

    final class AlreadyDecidedException extends RuntimeException {
        public AlreadyDecidedException() {
            super("the expression of interest is no longer SUBMITTED");
        }
    }

    final class IdempotencyKeyTakenException extends RuntimeException {
        public IdempotencyKeyTakenException() {
            super("idempotency key stored by a concurrent request");
        }
    }
}
