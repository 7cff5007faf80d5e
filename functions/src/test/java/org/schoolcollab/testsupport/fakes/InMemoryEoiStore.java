package org.schoolcollab.testsupport.fakes;

import org.schoolcollab.eoi.EoiStatus;
import org.schoolcollab.eoi.EoiStore;
import org.schoolcollab.eoi.ExpressionOfInterest;
import org.schoolcollab.kernel.Page;
import org.schoolcollab.kernel.PageRequest;
import org.schoolcollab.kernel.Programme;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The EOI store in memory, keeping the rules the DynamoDB one keeps by its transaction: an application and its
 * schools' claims are written together or not at all, a school claimed in a programme cannot be claimed again, and
 * an unexpired idempotency key cannot be taken twice. Synchronised, so concurrent submissions race as they would.
 */
public final class InMemoryEoiStore implements EoiStore {
    /** A school's claim in a programme: the application holding it and, once approved, its community. */
    public record Claim(String eoiId, String communityId) {}

    private final Map<String, ExpressionOfInterest> eois = new LinkedHashMap<>();
    private final Map<String, Claim> claims = new HashMap<>();
    private final Map<String, IdempotencyRecord> keys = new HashMap<>();

    static String claimKey(Programme programme, String schoolNumber) {
        return programme.id() + "#" + schoolNumber;
    }

    @Override
    public synchronized void create(ExpressionOfInterest eoi, Optional<IdempotencyRecord> idempotency) {
        if (eois.containsKey(eoi.id())) {
            throw new IllegalStateException("application " + eoi.id() + " exists already");
        }
        Programme programme = eoi.application().programme();
        List<String> claimed = eoi.application().schoolNumbers().stream()
                .filter(n -> claims.containsKey(claimKey(programme, n))).toList();
        if (idempotency.isPresent()) {
            IdempotencyRecord held = keys.get(idempotency.get().scopedKey());
            // The table's condition: expiresAt (epoch seconds) after now (epoch seconds).
            if (held != null && held.expiresAt().getEpochSecond() > eoi.submittedAt().getEpochSecond()) {
                throw new IdempotencyKeyTakenException();
            }
        }
        if (!claimed.isEmpty()) {
            throw new SchoolsAlreadyClaimedException(claimed);
        }
        eois.put(eoi.id(), eoi);
        eoi.application().schoolNumbers().forEach(n -> claims.put(claimKey(programme, n), new Claim(eoi.id(), null)));
        // Kept as the item keeps it: expiresAt in whole epoch seconds (the TTL attribute).
        idempotency.ifPresent(r -> keys.put(r.scopedKey(), new IdempotencyRecord(r.scopedKey(), r.requestHash(),
                r.eoiId(), Instant.ofEpochSecond(r.expiresAt().getEpochSecond()))));
    }

    @Override
    public synchronized Optional<ExpressionOfInterest> find(String id) {
        return Optional.ofNullable(eois.get(id));
    }

    @Override
    public synchronized Page<ExpressionOfInterest> listByStatus(EoiStatus status, PageRequest page) {
        List<ExpressionOfInterest> queue = eois.values().stream().filter(e -> e.status() == status).toList();
        return Pages.forwards("status#" + status, queue, InMemoryEoiStore::queueKey, Pages.Reading.QUERY, page);
    }

    @Override
    public synchronized Page<ExpressionOfInterest> listBySchool(String schoolNumber, Optional<EoiStatus> status,
                                                                PageRequest page) {
        List<ExpressionOfInterest> mine = eois.values().stream().filter(e -> e.includesSchool(schoolNumber))
                .filter(e -> status.map(s -> s == e.status()).orElse(true)).toList();
        return Pages.backwards("school#" + schoolNumber, mine, InMemoryEoiStore::schoolIndexKey, Pages.Reading.QUERY,
                page);
    }

    @Override
    public synchronized Optional<IdempotencyRecord> findIdempotencyRecord(String scopedKey, Instant now) {
        return Optional.ofNullable(keys.get(scopedKey)).filter(r -> r.expiresAt().isAfter(now));
    }

    // ------------------------------------------------------------------ for the decision store and for assertions

    synchronized void replace(ExpressionOfInterest eoi) {
        eois.put(eoi.id(), eoi);
    }

    synchronized void claimFor(Programme programme, String schoolNumber, Claim claim) {
        if (claim == null) {
            claims.remove(claimKey(programme, schoolNumber));
        } else {
            claims.put(claimKey(programme, schoolNumber), claim);
        }
    }

    /** The claim on a school in a programme, if one holds it. */
    public synchronized Optional<Claim> claim(Programme programme, String schoolNumber) {
        return Optional.ofNullable(claims.get(claimKey(programme, schoolNumber)));
    }

    public synchronized int claimCount() {
        return claims.size();
    }

    public synchronized List<ExpressionOfInterest> all() {
        return new ArrayList<>(eois.values());
    }

    /** The queue's sort key (gsi1sk) as the adapter writes it: fixed-width time, then the id. */
    private static String queueKey(ExpressionOfInterest e) {
        return Pages.sortable(e.submittedAt()) + "#" + e.id();
    }

    /** The school index item's sort key as the adapter writes it: fixed-width time, then the id. */
    private static String schoolIndexKey(ExpressionOfInterest e) {
        return Pages.sortable(e.submittedAt()) + "#" + e.id();
    }
}
