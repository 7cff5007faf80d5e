package org.schoolcollab.visit;

import com.fasterxml.jackson.databind.JsonNode;
import org.schoolcollab.api.ApiException;
import org.schoolcollab.api.Caller;
import org.schoolcollab.api.FieldError;
import org.schoolcollab.api.JsonBody;
import org.schoolcollab.community.Community;
import org.schoolcollab.community.CommunityService;
import org.schoolcollab.eoi.Programme;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Staff record a challenge visit to a school-improvement cluster: the date, the action plan version reviewed
 * (a plan of this community whose document was received) and the outcome. Only that programme has visits; a
 * kahui-ako plan is endorsed instead.
 */
public final class ChallengeVisitService {
    public static final Programme PROGRAMME = Programme.SCHOOL_IMPROVEMENT;
    public static final int MAX_NOTES = 4_000;
    /** School-improvement clusters are in England: a visit's date, "today" and the formation date are London dates. */
    public static final ZoneId ZONE = ZoneId.of("Europe/London");
    private static final Set<String> FIELDS = Set.of("visitDate", "planId", "outcome", "notes");
    private static final Pattern DATE = Pattern.compile("^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
    private static final Pattern ID = Pattern.compile("^[0-9a-f-]{36}$");

    private final CommunityService communities;
    private final VisitStore store;
    private final Clock clock;
    private final Supplier<String> ids;

    public ChallengeVisitService(CommunityService communities, VisitStore store, Clock clock) {
        this(communities, store, clock, () -> UUID.randomUUID().toString());
    }

    public ChallengeVisitService(CommunityService communities, VisitStore store, Clock clock, Supplier<String> ids) {
        this.communities = communities;
        this.store = store;
        this.clock = clock;
        this.ids = ids;
    }

    public ChallengeVisit record(Caller caller, String communityId, String body) {
        caller.requireStaff();
        JsonNode root = JsonBody.object(body);
        Community community = communities.get(caller, communityId);
        if (community.programme() != PROGRAMME) {
            throw ApiException.unprocessable("/problems/not-a-cluster", "Challenge visits are for school-improvement clusters",
                    "community " + community.id() + " is a " + community.programme().id() + " community; challenge "
                            + "visits are recorded only for " + PROGRAMME.id() + " clusters (a kahui-ako plan is "
                            + "endorsed at POST /communities/{id}/plans/{planId}/decision)");
        }
        List<FieldError> errors = new ArrayList<>();
        JsonBody.rejectUnknown(root, FIELDS, "", errors);
        LocalDate visitDate = visitDate(root.get("visitDate"), community, errors);
        PlanVersion plan = plan(root.get("planId"), community, errors);
        VisitOutcome outcome = null;
        JsonNode o = root.get("outcome");
        if (o == null || o.isNull()) {
            errors.add(new FieldError("outcome", "is required: ON_TRACK or CHANGES_REQUIRED"));
        } else if (!o.isTextual() || !(o.textValue().equals("ON_TRACK") || o.textValue().equals("CHANGES_REQUIRED"))) {
            errors.add(new FieldError("outcome", "must be ON_TRACK or CHANGES_REQUIRED"));
        } else {
            outcome = VisitOutcome.valueOf(o.textValue());
        }
        String notes = null;
        JsonNode n = root.get("notes");
        if (n != null && !n.isNull()) {
            if (!n.isTextual() || n.textValue().isBlank()) {
                errors.add(new FieldError("notes", "must be a non-blank string"));
            } else if (n.textValue().codePointCount(0, n.textValue().length()) > MAX_NOTES) {
                errors.add(new FieldError("notes", "must be at most " + MAX_NOTES + " characters"));
            } else {
                notes = n.textValue();
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        ChallengeVisit visit = new ChallengeVisit(ids.get(), community.id(), community.programme(), plan.planId(),
                plan.version(), visitDate, outcome, notes, caller.sub(), caller.email(), clock.instant(),
                community.name(), community.contact());
        store.create(visit);
        return visit;
    }

    /** An ISO date (yyyy-MM-dd), no later than today and no earlier than the day the community formed. */
    private LocalDate visitDate(JsonNode node, Community community, List<FieldError> errors) {
        if (node == null || node.isNull()) {
            errors.add(new FieldError("visitDate", "is required: the date of the visit, yyyy-MM-dd"));
            return null;
        }
        if (!node.isTextual() || !DATE.matcher(node.textValue()).matches()) {
            errors.add(new FieldError("visitDate", "must be a date as yyyy-MM-dd"));
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(node.textValue());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError("visitDate", "is not a calendar date: " + node.textValue()));
            return null;
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZONE);
        LocalDate formed = LocalDate.ofInstant(community.formedAt(), ZONE);
        if (date.isAfter(today)) {
            errors.add(new FieldError("visitDate", "must not be in the future (today is " + today + ")"));
            return null;
        }
        if (date.isBefore(formed)) {
            errors.add(new FieldError("visitDate", "must not be before the community formed (" + formed + ")"));
            return null;
        }
        return date;
    }

    /** A plan of this community whose document was received: the version the visit reviewed. */
    private PlanVersion plan(JsonNode node, Community community, List<FieldError> errors) {
        if (node == null || node.isNull()) {
            errors.add(new FieldError("planId", "is required: the id of the action plan version reviewed"));
            return null;
        }
        if (!node.isTextual() || !ID.matcher(node.textValue()).matches()) {
            errors.add(new FieldError("planId", "must be the id of a plan of this community"));
            return null;
        }
        Optional<PlanVersion> found = store.findPlan(community.id(), node.textValue());
        if (found.isEmpty()) {
            errors.add(new FieldError("planId", "no plan " + node.textValue() + " in this community"));
            return null;
        }
        if (!found.get().hasDocument()) {
            errors.add(new FieldError("planId", "plan " + node.textValue() + " (version " + found.get().version()
                    + ") has no received document to review (status " + found.get().status() + ")"));
            return null;
        }
        return found.get();
    }
}
