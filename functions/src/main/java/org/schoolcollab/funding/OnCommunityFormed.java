package org.schoolcollab.funding;

import org.schoolcollab.community.EoiDecision;

import java.time.Clock;
import java.util.List;

/** Reaction to an approval: the formation allowance for each member school, from the programme's policy. */
public final class OnCommunityFormed {
    private final FundingPolicies policies;
    private final FundingStore store;
    private final Clock clock;

    public OnCommunityFormed(FundingPolicies policies, FundingStore store, Clock clock) {
        this.policies = policies;
        this.store = store;
        this.clock = clock;
    }

    /** Records the allowances; returns how many this call stored (0 on a replay). */
    public int react(EoiDecision decision) {
        if (decision.decision() != EoiDecision.Outcome.APPROVED) {
            return 0;
        }
        FundingPolicy policy = policies.forProgramme(decision.programme().id());
        List<MemberSchool> members = decision.schools().stream()
                .map(MemberSchool::of).toList();
        int stored = 0;
        for (FundingLine line : FormationAllowance.forApproval(policy, members)) {
            if (store.recordIfAbsent(new FundingRecord(decision.communityId(), decision.programme().id(),
                    decision.eoiId(), line, clock.instant()))) {
                stored++;
            }
        }
        return stored;
    }
}
