package org.schoolcollab.eoi;

import com.fasterxml.jackson.databind.JsonNode;
import org.schoolcollab.api.ApiException;
import org.schoolcollab.api.Caller;
import org.schoolcollab.api.FieldError;
import org.schoolcollab.api.JsonBody;
import org.schoolcollab.community.Community;
import org.schoolcollab.community.CommunityStatus;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Staff decide on a submitted application. Approval forms the community; a decline releases the schools.
 * The store does it in one transaction conditional on the application still being SUBMITTED.
 */
public final class EoiDecisionService {
    public static final int MAX_REASON = 2_000;
    public static final int MAX_WAVE = 50;
    private static final Set<String> FIELDS = Set.of("decision", "wave", "reason");
    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("^[0-9a-f-]{36}$");

    private final EoiStore store;
    private final Clock clock;
    private final Supplier<String> ids;

    public EoiDecisionService(EoiStore store, Clock clock) {
        this(store, clock, () -> UUID.randomUUID().toString());
    }

    public EoiDecisionService(EoiStore store, Clock clock, Supplier<String> ids) {
        this.store = store;
        this.clock = clock;
        this.ids = ids;
    }

    public EoiDecision decide(Caller caller, String eoiId, String body) {
        caller.requireStaff();
        Request request = parse(body);
        ExpressionOfInterest eoi = (ID.matcher(eoiId).matches() ? store.find(eoiId) : Optional.<ExpressionOfInterest>empty()).orElseThrow(() -> ApiException.notFound("no expression of interest " + eoiId));
        if (eoi.status() != EoiStatus.SUBMITTED) {
            throw alreadyDecided(eoi.status());
        }
        Instant now = clock.instant();
        EoiApplication app = eoi.application();
        Optional<Community> community = request.decision() == EoiDecision.Outcome.APPROVED
                ? Optional.of(new Community(ids.get(), app.programme(), app.communityName(), app.region(), app.contact(),
                        app.schools(), CommunityStatus.FORMING, eoi.id(), request.wave(), now))
                : Optional.empty();
        EoiDecision decision = new EoiDecision(eoi.id(), request.decision(), request.wave(), request.reason(),
                caller.sub(), caller.email(), now, community.map(Community::id).orElse(null), app.programme(),
                app.communityName(), app.contact(), app.schools());
        try {
            store.recordDecision(eoi, decision, community);
        } catch (EoiStore.AlreadyDecidedException e) {
            throw alreadyDecided(null);
        }
        return decision;
    }

    private static ApiException alreadyDecided(EoiStatus status) {
        return ApiException.conflict("/problems/already-decided", "Already decided",
                "this expression of interest has already been decided" + (status == null ? "" : " (" + status + ")"),
                java.util.Map.of());
    }

    private record Request(EoiDecision.Outcome decision, String wave, String reason) {}

    private static Request parse(String body) {
        JsonNode root = JsonBody.object(body);
        List<FieldError> errors = new ArrayList<>();
        JsonBody.rejectUnknown(root, FIELDS, "", errors);
        EoiDecision.Outcome outcome = null;
        JsonNode d = root.get("decision");
        if (d == null || d.isNull()) {
            errors.add(new FieldError("decision", "is required: APPROVED or DECLINED"));
        } else if (!d.isTextual() || !(d.textValue().equals("APPROVED") || d.textValue().equals("DECLINED"))) {
            errors.add(new FieldError("decision", "must be APPROVED or DECLINED"));
        } else {
            outcome = EoiDecision.Outcome.valueOf(d.textValue());
        }
        String wave = optionalText(root, "wave", MAX_WAVE, errors);
        String reason = optionalText(root, "reason", MAX_REASON, errors);
        if (outcome == EoiDecision.Outcome.DECLINED && reason == null
                && errors.stream().noneMatch(e -> e.field().equals("reason"))) {
            errors.add(new FieldError("reason", "is required when declining: the schools are told why"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        return new Request(outcome, wave, reason);
    }

    private static String optionalText(JsonNode root, String field, int max, List<FieldError> errors) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual() || n.textValue().isBlank()) {
            errors.add(new FieldError(field, "must be a non-blank string"));
            return null;
        }
        int length = n.textValue().codePointCount(0, n.textValue().length());
        if (length > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters (got " + length + ")"));
            return null;
        }
        return n.textValue();
    }
}
