package org.schoolcollab.review;

import com.fasterxml.jackson.databind.JsonNode;
import org.schoolcollab.api.ApiException;
import org.schoolcollab.api.Caller;
import org.schoolcollab.api.FieldError;
import org.schoolcollab.api.JsonBody;
import org.schoolcollab.community.Community;
import org.schoolcollab.community.CommunityService;
import org.schoolcollab.eoi.Programme;
import org.schoolcollab.plan.Plan;
import org.schoolcollab.plan.PlanStatus;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Staff endorse a received kahui-ako plan or ask for changes. Endorsement names the school that employs the
 * community leader (the leader's allowance depends on its type). Only a RECEIVED plan can be decided, once.
 */
public final class PlanReviewService {
    public static final int MAX_COMMENTS = 4_000;
    private static final Set<String> FIELDS = Set.of("decision", "comments", "leaderSchoolNumber");

    private final CommunityService communities;
    private final PlanReviewStore store;
    private final Clock clock;

    public PlanReviewService(CommunityService communities, PlanReviewStore store, Clock clock) {
        this.communities = communities;
        this.store = store;
        this.clock = clock;
    }

    public PlanDecision decide(Caller caller, String communityId, String planId, String body) {
        caller.requireStaff();
        JsonNode root = JsonBody.object(body);
        Community community = communities.get(caller, communityId);
        if (community.programme() != Programme.KAHUI_AKO) {
            throw ApiException.unprocessable("/problems/reviewed-by-visits", "Plans of this programme are reviewed by visits",
                    "a " + community.programme().id() + " action plan is reviewed through challenge visits "
                            + "(POST /communities/{id}/challenge-visits), not endorsed");
        }
        List<FieldError> errors = new ArrayList<>();
        JsonBody.rejectUnknown(root, FIELDS, "", errors);
        PlanDecision.Outcome outcome = null;
        JsonNode d = root.get("decision");
        if (d == null || d.isNull()) {
            errors.add(new FieldError("decision", "is required: ENDORSED or CHANGES_REQUESTED"));
        } else if (!d.isTextual() || !(d.textValue().equals("ENDORSED") || d.textValue().equals("CHANGES_REQUESTED"))) {
            errors.add(new FieldError("decision", "must be ENDORSED or CHANGES_REQUESTED"));
        } else {
            outcome = PlanDecision.Outcome.valueOf(d.textValue());
        }
        String comments = text(root, "comments", errors);
        if (outcome == PlanDecision.Outcome.CHANGES_REQUESTED && comments == null
                && errors.stream().noneMatch(e -> e.field().equals("comments"))) {
            errors.add(new FieldError("comments", "is required when asking for changes: the community is told what to change"));
        }
        String leader = text(root, "leaderSchoolNumber", errors);
        if (outcome == PlanDecision.Outcome.ENDORSED && leader == null
                && errors.stream().noneMatch(e -> e.field().equals("leaderSchoolNumber"))) {
            errors.add(new FieldError("leaderSchoolNumber", "is required when endorsing: the school employing the community leader"));
        } else if (leader != null && !community.hasMember(leader)) {
            errors.add(new FieldError("leaderSchoolNumber", "school " + leader + " is not a member of this community"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        Plan plan = store.findPlan(community.id(), planId)
                .orElseThrow(() -> ApiException.notFound("no plan " + planId + " in community " + community.id()));
        if (plan.status() != PlanStatus.RECEIVED) {
            throw notDecidable(plan.status());
        }
        PlanDecision decision = new PlanDecision(community.id(), plan.planId(), plan.version(), community.programme(),
                outcome, comments, leader, caller.sub(), caller.email(), clock.instant(), community.name(),
                community.contact(), community.members());
        try {
            store.recordDecision(decision);
        } catch (PlanReviewStore.NotReceivedException e) {
            throw notDecidable(null);
        }
        return decision;
    }

    private static ApiException notDecidable(PlanStatus status) {
        return ApiException.conflict("/problems/plan-not-received", "Plan cannot be decided",
                "only a RECEIVED plan can be endorsed or sent back, once"
                        + (status == null ? " (it was decided just now by someone else)" : " (this one is " + status + ")"),
                Map.of());
    }

    private static String text(JsonNode root, String field, List<FieldError> errors) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual() || n.textValue().isBlank()) {
            errors.add(new FieldError(field, "must be a non-blank string"));
            return null;
        }
        if (n.textValue().codePointCount(0, n.textValue().length()) > MAX_COMMENTS) {
            errors.add(new FieldError(field, "must be at most " + MAX_COMMENTS + " characters"));
            return null;
        }
        return n.textValue();
    }
}
