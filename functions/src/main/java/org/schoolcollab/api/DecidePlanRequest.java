package org.schoolcollab.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.schoolcollab.community.Community;
import org.schoolcollab.funding.RoleAllocation;
import org.schoolcollab.kernel.FieldError;
import org.schoolcollab.kernel.Rejection;
import org.schoolcollab.plan.PlanDecision;
import org.schoolcollab.review.DecidePlan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads the body of POST /communities/{id}/plans/{planId}/decision for this community, every field at once. */
public final class DecidePlanRequest {
    private static final Set<String> FIELDS = Set.of("decision", "comments", "leaderSchoolNumber", "roleAllocation");

    private DecidePlanRequest() {}

    public static DecidePlan read(JsonNode root, Community community) {
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
        String comments = JsonBody.optionalText(root, "comments", DecidePlan.MAX_COMMENTS, errors);
        if (outcome == PlanDecision.Outcome.CHANGES_REQUESTED && comments == null
                && errors.stream().noneMatch(e -> e.field().equals("comments"))) {
            errors.add(new FieldError("comments", "is required when asking for changes: the community is told what to change"));
        }
        String leader = JsonBody.optionalText(root, "leaderSchoolNumber", DecidePlan.MAX_COMMENTS, errors);
        if (outcome == PlanDecision.Outcome.ENDORSED && leader == null
                && errors.stream().noneMatch(e -> e.field().equals("leaderSchoolNumber"))) {
            errors.add(new FieldError("leaderSchoolNumber", "is required when endorsing: the school employing the community leader"));
        } else if (leader != null && outcome == PlanDecision.Outcome.CHANGES_REQUESTED) {
            errors.add(new FieldError("leaderSchoolNumber", "goes with an endorsement only: the leader's school is named "
                    + "when the plan is endorsed"));
        } else if (leader != null && !community.hasMember(leader)) {
            errors.add(new FieldError("leaderSchoolNumber", "school " + leader + " is not a member of this community"));
        }
        RoleAllocation allocation = null;
        JsonNode a = root.get("roleAllocation");
        if (a != null && !a.isNull()) {
            if (outcome == PlanDecision.Outcome.CHANGES_REQUESTED) {
                errors.add(new FieldError("roleAllocation", "goes with an endorsement only: roles are released when "
                        + "the plan is endorsed"));
            } else {
                allocation = RoleAllocationRequest.read(a, "roleAllocation.", community, errors);
            }
        }
        if (!errors.isEmpty()) {
            throw Rejection.invalid(errors);
        }
        return new DecidePlan(outcome, comments, leader, Optional.ofNullable(allocation));
    }
}
