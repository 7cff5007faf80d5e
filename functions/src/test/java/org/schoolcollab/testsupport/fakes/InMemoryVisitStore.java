package org.schoolcollab.testsupport.fakes;

import org.schoolcollab.visit.ChallengeVisit;
import org.schoolcollab.visit.VisitStore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Challenge visits in memory, listed newest first as the DynamoDB store lists them. */
public final class InMemoryVisitStore implements VisitStore {
    private final List<ChallengeVisit> visits = new ArrayList<>();

    @Override
    public synchronized void create(ChallengeVisit visit) {
        if (visits.stream().anyMatch(v -> v.id().equals(visit.id()))) {
            throw new IllegalStateException("visit " + visit.id() + " exists already");
        }
        visits.add(visit);
    }

    @Override
    public synchronized List<ChallengeVisit> list(String communityId) {
        return visits.stream().filter(v -> v.communityId().equals(communityId))
                .sorted(Comparator.comparing(ChallengeVisit::visitDate).thenComparing(ChallengeVisit::recordedAt)
                        .reversed()).toList();
    }
}
