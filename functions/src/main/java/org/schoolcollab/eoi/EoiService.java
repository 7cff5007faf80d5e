package org.schoolcollab.eoi;

import org.schoolcollab.api.ApiException;
import org.schoolcollab.api.Caller;
import org.schoolcollab.common.Json;
import org.schoolcollab.common.Page;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** Submitting, reading and listing expressions of interest: the rules, with storage behind {@link EoiStore}. */
public final class EoiService {
    /** How long a retry with the same Idempotency-Key replays the first response. */
    public static final Duration IDEMPOTENCY_TTL = Duration.ofHours(24);
    public static final int DEFAULT_PAGE = 20;
    public static final int MAX_PAGE = 100;
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("^[\\x21-\\x7E]{1,255}$");
    private static final Pattern ID = Pattern.compile("^[0-9a-f-]{36}$");

    private final EoiStore store;
    private final Clock clock;
    private final Supplier<String> ids;

    public EoiService(EoiStore store, Clock clock) {
        this(store, clock, () -> UUID.randomUUID().toString());
    }

    public EoiService(EoiStore store, Clock clock, Supplier<String> ids) {
        this.store = store;
        this.clock = clock;
        this.ids = ids;
    }

    /** The HTTP outcome of a submission, stored as-is for idempotent replay. */
    public record Submitted(int status, String body, String location, boolean replayed) {}

    public Submitted submit(Caller caller, String body, Optional<String> idempotencyKey) {
        caller.requireSchoolUser();
        EoiApplication application = EoiValidator.parse(body);
        String callerSchool = caller.schoolNumber().orElseThrow();
        if (!application.schoolNumbers().contains(callerSchool)) {
            throw ApiException.badRequest("schools", "must include your own school (" + callerSchool + ")");
        }
        idempotencyKey.ifPresent(key -> {
            if (!IDEMPOTENCY_KEY.matcher(key).matches()) {
                throw ApiException.badRequest("Idempotency-Key", "must be 1 to 255 visible ASCII characters");
            }
        });
        Instant now = clock.instant();
        String scopedKey = idempotencyKey.map(k -> caller.sub() + "#" + k).orElse(null);
        String requestHash = sha256(body);
        if (scopedKey != null) {
            Optional<Submitted> replay = replay(scopedKey, requestHash, now);
            if (replay.isPresent()) {
                return replay.get();
            }
        }

        String id = ids.get();
        ExpressionOfInterest eoi = new ExpressionOfInterest(id, application, EoiStatus.SUBMITTED,
                caller.sub(), caller.email(), now,
                List.of(new ExpressionOfInterest.HistoryEntry(now, "SUBMITTED", caller.sub())));
        String location = "/expressions-of-interest/" + id;
        String responseBody = Json.write(EoiJson.full(eoi));
        Optional<EoiStore.IdempotentResponse> record = Optional.ofNullable(scopedKey).map(k ->
                new EoiStore.IdempotentResponse(k, requestHash, 201, responseBody, location, now.plus(IDEMPOTENCY_TTL)));
        try {
            store.create(eoi, record);
        } catch (EoiStore.SchoolsAlreadyClaimedException e) {
            throw ApiException.conflict("/problems/schools-already-claimed", "Schools already claimed",
                    "these schools are already in an active application or community for " + application.programme().id()
                            + ": " + String.join(", ", e.schoolNumbers()),
                    Map.of("claimedSchoolNumbers", e.schoolNumbers()));
        } catch (EoiStore.IdempotencyKeyTakenException e) {
            // A concurrent request with the same key won: answer as a retry of it would be answered.
            return replay(scopedKey, requestHash, now).orElseThrow(() -> e);
        }
        return new Submitted(201, responseBody, location, false);
    }

    private Optional<Submitted> replay(String scopedKey, String requestHash, Instant now) {
        return store.findIdempotentResponse(scopedKey, now).map(stored -> {
            if (!stored.requestHash().equals(requestHash)) {
                throw ApiException.unprocessable("/problems/idempotency-key-reused", "Idempotency-Key reused",
                        "this Idempotency-Key was used with a different request body; use a new key for a new request");
            }
            return new Submitted(stored.status(), stored.body(), stored.location(), true);
        });
    }

    /** Staff see every application; a school user sees those naming their school; anyone else a 404. */
    public ExpressionOfInterest get(Caller caller, String id) {
        Optional<ExpressionOfInterest> found = ID.matcher(id).matches() ? store.find(id) : Optional.empty();
        return found
                .filter(eoi -> caller.isStaff()
                        || (caller.isSchoolUser() && eoi.includesSchool(caller.schoolNumber().orElseThrow())))
                .orElseThrow(() -> ApiException.notFound("no expression of interest " + id));
    }

    /**
     * Staff get the review queue: one status (SUBMITTED unless named), oldest first. A school user gets the
     * applications that name their school, of any programme and status (or the one named), newest first. Anyone
     * else a 403.
     */
    public Page<ExpressionOfInterest> list(Caller caller, Optional<String> status, Optional<String> limit,
                                           Optional<String> nextToken) {
        if (caller.isStaff()) {
            return store.listByStatus(status(status).orElse(EoiStatus.SUBMITTED), pageSize(limit), nextToken);
        }
        if (caller.isSchoolUser()) {
            return store.listBySchool(caller.schoolNumber().orElseThrow(), status(status), pageSize(limit), nextToken);
        }
        throw ApiException.forbidden("this list is for programme staff, and for school users with a school number");
    }

    private static Optional<EoiStatus> status(Optional<String> status) {
        return status.map(s -> {
            try {
                return EoiStatus.valueOf(s);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("status", "unknown status '" + s + "'; one of SUBMITTED, APPROVED, DECLINED, WITHDRAWN");
            }
        });
    }

    /** The `limit` query parameter of every list: 1 to 100, default 20. */
    public static int pageSize(Optional<String> limit) {
        return limit.map(l -> {
            try {
                int n = Integer.parseInt(l);
                if (n >= 1 && n <= MAX_PAGE) {
                    return n;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw ApiException.badRequest("limit", "must be a whole number from 1 to " + MAX_PAGE);
        }).orElse(DEFAULT_PAGE);
    }

    static String sha256(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
