package org.schoolcollab.testsupport.fakes;

import org.schoolcollab.community.Community;
import org.schoolcollab.community.DecisionStore;
import org.schoolcollab.community.EoiDecision;
import org.schoolcollab.eoi.EoiStatus;
import org.schoolcollab.eoi.ExpressionOfInterest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decisions in memory, over the applications and communities they change, all at once and only while the
 * application is SUBMITTED: an approval forms the community and re-points the claims at it, a decline frees them.
 */
public final class InMemoryDecisionStore implements DecisionStore {
    private final InMemoryEoiStore eois;
    private final InMemoryCommunityStore communities;
    private final List<EoiDecision> decisions = new ArrayList<>();

    public InMemoryDecisionStore(InMemoryEoiStore eois, InMemoryCommunityStore communities) {
        this.eois = eois;
        this.communities = communities;
    }

    @Override
    public void recordDecision(ExpressionOfInterest eoi, EoiDecision decision, Optional<Community> community) {
        synchronized (eois) {
            ExpressionOfInterest current = eois.find(eoi.id()).orElseThrow();
            if (current.status() != EoiStatus.SUBMITTED) {
                throw new AlreadyDecidedException();
            }
            List<ExpressionOfInterest.HistoryEntry> history = new ArrayList<>(current.history());
            history.add(decision.historyEntry());
            eois.replace(new ExpressionOfInterest(current.id(), current.application(), decision.status(),
                    current.submittedBySub(), current.submittedByEmail(), current.submittedAt(), history,
                    decision.communityId()));
            community.ifPresent(communities::put);
            for (String number : current.application().schoolNumbers()) {
                eois.claimFor(current.application().programme(), number, community
                        .map(c -> new InMemoryEoiStore.Claim(current.id(), c.id())).orElse(null));
            }
            synchronized (decisions) {
                decisions.add(decision);
            }
        }
    }

    /** Every decision recorded, in order: what the stream would carry to the reactions. */
    public List<EoiDecision> recorded() {
        synchronized (decisions) {
            return List.copyOf(decisions);
        }
    }
}
