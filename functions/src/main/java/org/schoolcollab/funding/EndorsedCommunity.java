package org.schoolcollab.funding;

import org.schoolcollab.kernel.SchoolType;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A community whose plan was endorsed, as the role-funding rule sees it. The leader is usually a principal: the
 * caller names the leader's school and its type, since the leader's allowance depends on it (primary, area,
 * secondary principal). The member schools give the community's roll and teacher FTE (the role counts) and are
 * each counted as eligible for inquiry time.
 *
 * @param leaderSchoolNumber the school employing the community leader: one of the members
 * @param leaderSchoolType   that school's type, the key of the leader's allowance in the policy
 */
public record EndorsedCommunity(String communityId, String leaderSchoolNumber, SchoolType leaderSchoolType,
                                List<MemberSchool> members) {
    public EndorsedCommunity {
        Objects.requireNonNull(communityId, "communityId");
        Objects.requireNonNull(leaderSchoolNumber, "leaderSchoolNumber");
        Objects.requireNonNull(leaderSchoolType, "leaderSchoolType");
        Objects.requireNonNull(members, "members");
        members = List.copyOf(members);
        if (communityId.isBlank()) {
            throw new IllegalArgumentException("communityId must not be blank");
        }
        // A school listed twice would count its roll twice and get inquiry hours twice: refuse rather than pay.
        Set<String> seen = new HashSet<>();
        for (MemberSchool school : members) {
            if (!seen.add(school.schoolNumber())) {
                throw new IllegalArgumentException("school " + school.schoolNumber() + " is listed more than once");
            }
        }
        if (!seen.contains(leaderSchoolNumber)) {
            throw new IllegalArgumentException("the leader's school " + leaderSchoolNumber
                    + " is not a member of community " + communityId);
        }
    }
}
