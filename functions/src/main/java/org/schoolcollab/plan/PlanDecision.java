package org.schoolcollab.plan;

import org.schoolcollab.kernel.Contact;
import org.schoolcollab.kernel.Programme;
import org.schoolcollab.kernel.School;

import java.time.Instant;
import java.util.List;

/**
 * Staff's decision on a received plan version: an immutable record carrying what its reactions need (the
 * community's contact and member schools, the leader's school, whether it recorded the community's roles), so no
 * reaction reads anything back.
 *
 * @param releasesRoles whether the endorsement recorded the community's roles (written with it, in the same
 *                      transaction); false for changes requested, and for an endorsement after the roles were recorded
 */
public record PlanDecision(String communityId, String planId, int planVersion, Programme programme, Outcome decision,
                           String comments, String leaderSchoolNumber, String decidedBySub, String decidedByEmail,
                           Instant decidedAt, String communityName, Contact contact, List<School> members,
                           boolean releasesRoles) {
    public enum Outcome { ENDORSED, CHANGES_REQUESTED }

    public PlanDecision {
        members = List.copyOf(members);
    }

    public boolean endorsed() {
        return decision == Outcome.ENDORSED;
    }
}
