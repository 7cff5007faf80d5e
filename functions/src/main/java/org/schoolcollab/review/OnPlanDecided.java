package org.schoolcollab.review;

import org.schoolcollab.community.CommunityService;
import org.schoolcollab.funding.EndorsedCommunity;
import org.schoolcollab.funding.FundingPolicies;
import org.schoolcollab.funding.FundingPolicy;
import org.schoolcollab.funding.FundingRecord;
import org.schoolcollab.funding.FundingStore;
import org.schoolcollab.funding.MemberSchool;
import org.schoolcollab.funding.PolicySettingMissingException;
import org.schoolcollab.funding.RoleAllocation;
import org.schoolcollab.funding.RoleFunding;
import org.schoolcollab.kernel.School;
import org.schoolcollab.notify.Notification;
import org.schoolcollab.notify.NotificationDelivery;
import org.schoolcollab.plan.PlanDecision;

import java.util.List;

/**
 * Reaction to a plan decision: the community is told; on endorsement the community becomes ENDORSED and its
 * roles are released from the programme's policy, one funding record per role keyed by the role (never by the
 * plan version), so a replay or a later endorsement releases nothing twice. Where the policy still lacks a
 * setting the roles need, nothing is paid: staff are told which setting, and the hold is recorded.
 */
public final class OnPlanDecided {
    public static final String TO_CONTACT = "PLAN_DECISION_CONTACT";
    public static final String TO_STAFF = "PLAN_DECISION_STAFF";
    public static final String ROLES_HELD = "ROLE_FUNDING_HELD_STAFF";

    private final FundingPolicies policies;
    private final FundingStore funding;
    private final CommunityService communities;
    private final NotificationDelivery delivery;
    private final String staffAddress;

    public OnPlanDecided(FundingPolicies policies, FundingStore funding, CommunityService communities,
                       NotificationDelivery delivery, String staffAddress) {
        this.policies = policies;
        this.funding = funding;
        this.communities = communities;
        this.delivery = delivery;
        this.staffAddress = staffAddress;
    }

    /** Returns how many role funding records this call stored. */
    public int react(PlanDecision d) {
        String source = Notification.aboutCommunity(d.communityId());
        var now = delivery.clock().instant();
        boolean endorsed = d.decision() == PlanDecision.Outcome.ENDORSED;
        delivery.deliverOnce(Notification.pending(source, TO_CONTACT + "#" + d.planId(), d.contact().email(),
                (endorsed ? "Plan endorsed: " : "Changes requested to your plan: ") + d.communityName(),
                contactText(d), now).withCommunityId(d.communityId()));
        delivery.deliverOnce(Notification.pending(source, TO_STAFF + "#" + d.planId(), staffAddress,
                "Plan " + (endorsed ? "endorsed" : "sent back") + ": " + d.communityName() + " (version " + d.planVersion() + ")",
                "Plan " + d.planId() + " (version " + d.planVersion() + ") of " + d.communityName() + ": " + d.decision()
                        + (d.comments() == null ? "" : "\nComments: " + d.comments()) + "\nBy " + d.decidedBySub()
                        + " at " + d.decidedAt() + "\n", now).withCommunityId(d.communityId()));
        if (!endorsed) {
            return 0;
        }
        communities.markEndorsed(d.communityId(), d.decidedAt());
        FundingPolicy policy = policies.forProgramme(d.programme().id());
        if (!RoleFunding.rolesApply(policy)) {
            return 0;
        }
        School leader = d.members().stream().filter(s -> s.schoolNumber().equals(d.leaderSchoolNumber())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("leader school " + d.leaderSchoolNumber() + " is not a member"));
        List<MemberSchool> members = d.members().stream()
                .map(s -> new MemberSchool(s.schoolNumber(), s.name(), s.roll(), s.teacherFte())).toList();
        List<RoleAllocation> roles;
        try {
            roles = RoleFunding.forEndorsement(policy, new EndorsedCommunity(d.communityId(), leader.schoolNumber(),
                    leader.type(), members));
        } catch (PolicySettingMissingException missing) {
            // Paying a guessed figure would be worse than paying late: hold, and say exactly what must be set.
            delivery.deliverOnce(Notification.pending(source, ROLES_HELD + "#" + d.planId(), staffAddress,
                    "Role funding held: " + d.communityName(),
                    "The plan of " + d.communityName() + " was endorsed, but its role funding was not released:\n"
                            + missing.getMessage() + "\nSet it in the " + policy.policyId() + " policy document (raise its "
                            + "version), then release the roles for community " + d.communityId() + ".\n", now)
                    .withCommunityId(d.communityId()));
            return 0;
        }
        int stored = 0;
        for (RoleAllocation role : roles) {
            if (funding.recordIfAbsent(FundingRecord.role(d.communityId(), d.programme().id(), role.key(), role.line(), now))) {
                stored++;
            }
        }
        return stored;
    }

    static String contactText(PlanDecision d) {
        StringBuilder b = new StringBuilder("Kia ora " + d.contact().name() + ",\n\n");
        if (d.decision() == PlanDecision.Outcome.ENDORSED) {
            b.append("Version ").append(d.planVersion()).append(" of the plan of ").append(d.communityName())
                    .append(" has been endorsed. The community's roles and teacher inquiry time are released;\n")
                    .append("see them at /communities/").append(d.communityId()).append("/funding.\n");
        } else {
            b.append("Version ").append(d.planVersion()).append(" of the plan of ").append(d.communityName())
                    .append(" needs changes before it can be endorsed:\n\n").append(d.comments()).append("\n\n")
                    .append("Upload a new version at /communities/").append(d.communityId()).append("/plans.\n");
        }
        return b.append("\nPlan reference: ").append(d.planId()).append('\n').toString();
    }
}
