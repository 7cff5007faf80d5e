package org.schoolcollab.visit;

import org.schoolcollab.community.Community;
import org.schoolcollab.plan.Plan;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a visit to this cluster must be: on a day from its formation to today, reviewing one of its plan versions
 * whose document was received. Each rule answers with what is wrong, or nothing; plans are looked up once each.
 */
public final class VisitRules {
    private final Community cluster;
    private final LocalDate today;
    private final Function<String, Optional<Plan>> plans;
    private final Map<String, Optional<Plan>> seen = new HashMap<>();

    VisitRules(Community cluster, LocalDate today, Function<String, Optional<Plan>> plans) {
        this.cluster = cluster;
        this.today = today;
        this.plans = plans;
    }

    public Community cluster() {
        return cluster;
    }

    /** No later than today and no earlier than the day the cluster formed (London dates). */
    public Optional<String> dateProblem(LocalDate date) {
        LocalDate formed = LocalDate.ofInstant(cluster.formedAt(), ChallengeVisitService.ZONE);
        if (date.isAfter(today)) {
            return Optional.of("must not be in the future (today is " + today + ")");
        }
        if (date.isBefore(formed)) {
            return Optional.of("must not be before the community formed (" + formed + ")");
        }
        return Optional.empty();
    }

    /** A plan of this cluster whose document was received: there is something to review. */
    public Optional<String> planProblem(String planId) {
        Optional<Plan> found = plan(planId);
        if (found.isEmpty()) {
            return Optional.of("no plan " + planId + " in this community");
        }
        if (!found.get().status().hasDocument()) {
            return Optional.of("plan " + planId + " (version " + found.get().version()
                    + ") has no received document to review (status " + found.get().status() + ")");
        }
        return Optional.empty();
    }

    Optional<Plan> plan(String planId) {
        return seen.computeIfAbsent(planId, plans);
    }
}
