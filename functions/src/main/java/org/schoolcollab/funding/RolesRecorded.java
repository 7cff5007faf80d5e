package org.schoolcollab.funding;

import org.schoolcollab.kernel.Contact;
import org.schoolcollab.kernel.Programme;
import org.schoolcollab.kernel.School;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A community's roles, recorded once: the allocation staff entered from the Ministry's staffing system (or none,
 * where the policy counts the roles itself), the school employing the community leader, and who recorded them. Its
 * insert on the table's stream releases the roles; being one record per community, they are released once.
 *
 * @param planId the endorsed plan version the roles follow from
 */
public record RolesRecorded(String communityId, Programme programme, String communityName, Contact contact,
                            List<School> members, String leaderSchoolNumber, Optional<RoleAllocation> allocation,
                            String planId, String recordedBySub, String recordedByEmail, Instant recordedAt) {
    public RolesRecorded {
        Objects.requireNonNull(communityId, "communityId");
        Objects.requireNonNull(leaderSchoolNumber, "leaderSchoolNumber");
        Objects.requireNonNull(allocation, "allocation");
        members = List.copyOf(members);
    }

    /** The community as the role rule sees it. */
    public EndorsedCommunity endorsed() {
        School leader = members.stream().filter(s -> s.schoolNumber().equals(leaderSchoolNumber)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("leader school " + leaderSchoolNumber + " is not a member"));
        return new EndorsedCommunity(communityId, leaderSchoolNumber, leader.type(),
                members.stream().map(MemberSchool::of).toList());
    }
}
