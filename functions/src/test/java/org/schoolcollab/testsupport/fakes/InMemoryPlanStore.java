package org.schoolcollab.testsupport.fakes;

import org.schoolcollab.plan.Plan;
import org.schoolcollab.plan.PlanDecision;
import org.schoolcollab.plan.PlanStatus;
import org.schoolcollab.plan.PlanStore;
import org.schoolcollab.plan.PlanWithReview;
import org.schoolcollab.plan.StoredObject;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plans in memory, with the decisions on them (which {@link InMemoryPlanReviewStore} writes): version numbers are
 * given in order, once each, and a plan's verdict on its file is recorded only while it awaits its upload.
 */
public final class InMemoryPlanStore implements PlanStore {
    private final Map<String, Plan> plans = new LinkedHashMap<>();
    private final Map<String, PlanDecision> decisions = new LinkedHashMap<>();

    private static String key(String communityId, String planId) {
        return communityId + "/" + planId;
    }

    @Override
    public synchronized Plan register(Plan plan) {
        int latest = plans.values().stream().filter(p -> p.communityId().equals(plan.communityId()))
                .mapToInt(Plan::version).max().orElse(0);
        Plan numbered = plan.withVersion(latest + 1);
        if (plans.putIfAbsent(key(plan.communityId(), plan.planId()), numbered) != null) {
            throw new IllegalStateException("plan " + plan.planId() + " exists already");
        }
        return numbered;
    }

    @Override
    public synchronized Optional<Plan> find(String communityId, String planId) {
        return Optional.ofNullable(plans.get(key(communityId, planId)));
    }

    @Override
    public synchronized List<Plan> list(String communityId) {
        return plans.values().stream().filter(p -> p.communityId().equals(communityId))
                .sorted(Comparator.comparingInt(Plan::version)).toList();
    }

    @Override
    public synchronized List<PlanWithReview> listWithReviews(String communityId) {
        return list(communityId).reversed().stream()
                .map(p -> new PlanWithReview(p, Optional.ofNullable(decisions.get(key(communityId, p.planId())))))
                .toList();
    }

    @Override
    public synchronized boolean markReceived(String communityId, String planId, Instant at, StoredObject checked) {
        return verdict(communityId, planId, PlanStatus.RECEIVED, at, null, checked);
    }

    @Override
    public synchronized boolean markRejected(String communityId, String planId, String reason, Instant at,
                                             StoredObject checked) {
        return verdict(communityId, planId, PlanStatus.REJECTED, at, reason, checked);
    }

    private boolean verdict(String communityId, String planId, PlanStatus to, Instant at, String reason,
                            StoredObject checked) {
        Plan p = plans.get(key(communityId, planId));
        if (p == null || p.status() != PlanStatus.AWAITING_UPLOAD) {
            return false;
        }
        boolean received = to == PlanStatus.RECEIVED;
        plans.put(key(communityId, planId), new Plan(p.planId(), p.communityId(), p.programme(), p.communityName(),
                p.version(), to, p.fileName(), p.fileType(), p.sizeBytes(), p.objectKey(), p.achievementChallenges(),
                p.registeredBySub(), p.registeredByEmail(), p.registeredAt(), received ? at : null,
                received ? null : at, reason, checked.eTag(), checked.versionId(), null));
        return true;
    }

    @Override
    public synchronized void markMoved(String communityId, String planId, String rejectedObjectKey) {
        Plan p = plans.get(key(communityId, planId));
        if (p == null || p.status() != PlanStatus.REJECTED) {
            throw new IllegalStateException("plan " + planId + " is not REJECTED");
        }
        plans.put(key(communityId, planId), new Plan(p.planId(), p.communityId(), p.programme(), p.communityName(),
                p.version(), p.status(), p.fileName(), p.fileType(), p.sizeBytes(), p.objectKey(),
                p.achievementChallenges(), p.registeredBySub(), p.registeredByEmail(), p.registeredAt(), p.receivedAt(),
                p.rejectedAt(), p.rejectionReason(), p.objectETag(), p.objectVersionId(), rejectedObjectKey));
    }

    /** A plan put as it is, whatever its status (for tests that start from a received or decided plan). */
    public synchronized void put(Plan plan) {
        plans.put(key(plan.communityId(), plan.planId()), plan);
    }

    synchronized boolean decide(PlanDecision d, PlanStatus to) {
        Plan p = plans.get(key(d.communityId(), d.planId()));
        if (p == null || p.status() != PlanStatus.RECEIVED || decisions.containsKey(key(d.communityId(), d.planId()))) {
            return false;
        }
        plans.put(key(d.communityId(), d.planId()), new Plan(p.planId(), p.communityId(), p.programme(),
                p.communityName(), p.version(), to, p.fileName(), p.fileType(), p.sizeBytes(), p.objectKey(),
                p.achievementChallenges(), p.registeredBySub(), p.registeredByEmail(), p.registeredAt(), p.receivedAt(),
                p.rejectedAt(), p.rejectionReason(), p.objectETag(), p.objectVersionId(), p.rejectedObjectKey()));
        decisions.put(key(d.communityId(), d.planId()), d);
        return true;
    }

    public synchronized List<PlanDecision> decisions() {
        return List.copyOf(decisions.values());
    }
}
