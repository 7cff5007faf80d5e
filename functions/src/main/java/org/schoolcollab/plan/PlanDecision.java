package org.schoolcollab.plan;

import org.schoolcollab.kernel.Contact;
import org.schoolcollab.kernel.Programme;
import org.schoolcollab.kernel.School;

import java.time.Instant;
import java.util.List;

/**
 * Staff's decision on a received plan version: an immutable record carrying what its reactions need (the
 * community's contact and member schools, the leader's school), so no reaction reads anything back.
 */
public record PlanDecision(String communityId, String planId, int planVersion, Programme programme, Outcome decision,
                           String comments, String leaderSchoolNumber, String decidedBySub, String decidedByEmail,
                           Instant decidedAt, String communityName, Contact contact, List<School> members) {
    public enum Outcome { ENDORSED, CHANGES_REQUESTED }

    public PlanDecision {
        members = List.copyOf(members);
    }
}
