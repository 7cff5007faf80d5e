package org.schoolcollab.eoi;

import org.schoolcollab.kernel.Actor;
import org.schoolcollab.kernel.Ids;
import org.schoolcollab.kernel.Page;
import org.schoolcollab.kernel.PageRequest;
import org.schoolcollab.kernel.Rejection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** Submitting, reading and listing expressions of interest: the rules, with storage behind {@link EoiStore}. */
public final class EoiService {
    /** How long a retry with the same Idempotency-Key replays the first response. */
    public static final Duration IDEMPOTENCY_TTL = Duration.ofHours(24);

    private final EoiStore store;
    private final Clock clock;
    private final Supplier<String> ids;

    public EoiService(EoiStore store, Clock clock) {
        this(store, clock, Ids.RANDOM);
    }

    public EoiService(EoiStore store, Clock clock, Supplier<String> ids) {
        this.store = store;
        this.clock = clock;
        this.ids = ids;
    }

    /** The application as it was first recorded, and whether this answer replays an earlier request's. */
    public record Submitted(ExpressionOfInterest eoi, boolean replayed) {}

    /**
     * A school user applies, naming their own school among the schools; the schools are claimed with the application,
     * so a school already in an active application or community of the programme is refused (409).
     */
    public Submitted submit(Actor actor, SubmitEoi command) {
        actor.requireSchoolUser();
        EoiApplication application = command.application();
        String ownSchool = actor.schoolNumber().orElseThrow();
        if (!application.schoolNumbers().contains(ownSchool)) {
            throw Rejection.invalid("schools", "must include your own school (" + ownSchool + ")");
        }
        Instant now = clock.instant();
        Optional<EoiStore.IdempotencyRecord> key = command.idempotencyKey().map(k -> new EoiStore.IdempotencyRecord(
                actor.sub() + "#" + k.key(), k.requestHash(), ids.get(), now.plus(IDEMPOTENCY_TTL)));
        if (key.isPresent()) {
            Optional<Submitted> replay = replay(key.get(), now);
            if (replay.isPresent()) {
                return replay.get();
            }
        }
        String id = key.map(EoiStore.IdempotencyRecord::eoiId).orElseGet(ids);
        ExpressionOfInterest eoi = ExpressionOfInterest.submitted(id, application, actor.sub(), actor.email(), now);
        try {
            store.create(eoi, key);
        } catch (EoiStore.SchoolsAlreadyClaimedException e) {
            throw Rejection.conflict("schools-already-claimed", "Schools already claimed",
                    "these schools are already in an active application or community for " + application.programme().id()
                            + ": " + String.join(", ", e.schoolNumbers()),
                    Map.of("claimedSchoolNumbers", e.schoolNumbers()));
        } catch (EoiStore.IdempotencyKeyTakenException e) {
            // A concurrent request with the same key won: answer as a retry of it would be answered.
            return replay(key.orElseThrow(), now).orElseThrow(() -> e);
        }
        return new Submitted(eoi, false);
    }

    private Optional<Submitted> replay(EoiStore.IdempotencyRecord wanted, Instant now) {
        return store.findIdempotencyRecord(wanted.scopedKey(), now).map(stored -> {
            if (!stored.requestHash().equals(wanted.requestHash())) {
                throw Rejection.notApplicable("idempotency-key-reused", "Idempotency-Key reused",
                        "this Idempotency-Key was used with a different request body; use a new key for a new request");
            }
            ExpressionOfInterest first = store.find(stored.eoiId()).orElseThrow(() -> new IllegalStateException(
                    "idempotency record names application " + stored.eoiId() + ", which is not there"));
            return new Submitted(first.asFirstRecorded(), true);
        });
    }

    /** Staff see every application; a school user sees those naming their school; anyone else a 404. */
    public ExpressionOfInterest get(Actor actor, String id) {
        Optional<ExpressionOfInterest> found = Ids.isId(id) ? store.find(id) : Optional.empty();
        return found
                .filter(eoi -> actor.isStaff()
                        || (actor.isSchoolUser() && eoi.includesSchool(actor.schoolNumber().orElseThrow())))
                .orElseThrow(() -> Rejection.notFound("no expression of interest " + id));
    }

    /** Who may list applications: staff (the review queue) and school users (their school's). */
    public static void requireMayList(Actor actor) {
        if (!actor.isStaff() && !actor.isSchoolUser()) {
            throw Rejection.forbidden("this list is for programme staff, and for school users with a school number");
        }
    }

    /**
     * Staff get the review queue: one status (SUBMITTED unless named), oldest first. A school user gets the
     * applications that name their school, of any programme and status (or the one named), newest first.
     */
    public Page<ExpressionOfInterest> list(Actor actor, Optional<EoiStatus> status, PageRequest page) {
        requireMayList(actor);
        if (actor.isStaff()) {
            return store.listByStatus(status.orElse(EoiStatus.SUBMITTED), page);
        }
        return store.listBySchool(actor.schoolNumber().orElseThrow(), status, page);
    }
}
