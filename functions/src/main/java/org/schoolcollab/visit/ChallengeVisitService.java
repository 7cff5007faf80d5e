package org.schoolcollab.visit;

import org.schoolcollab.community.Community;
import org.schoolcollab.community.CommunityService;
import org.schoolcollab.kernel.Actor;
import org.schoolcollab.kernel.Ids;
import org.schoolcollab.kernel.Programme;
import org.schoolcollab.kernel.Rejection;
import org.schoolcollab.plan.Plan;
import org.schoolcollab.plan.PlanService;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Staff record a challenge visit to a school-improvement cluster: the date, the action plan version reviewed
 * (a plan of this community whose document was received) and the outcome. Only that programme has visits; a
 * kahui-ako plan is endorsed instead.
 */
public final class ChallengeVisitService {
    public static final Programme PROGRAMME = Programme.SCHOOL_IMPROVEMENT;
    /** School-improvement clusters are in England: a visit's date, "today" and the formation date are London dates. */
    public static final ZoneId ZONE = ZoneId.of("Europe/London");

    private final CommunityService communities;
    private final PlanService plans;
    private final VisitStore store;
    private final Clock clock;
    private final Supplier<String> ids;

    public ChallengeVisitService(CommunityService communities, PlanService plans, VisitStore store, Clock clock) {
        this(communities, plans, store, clock, Ids.RANDOM);
    }

    public ChallengeVisitService(CommunityService communities, PlanService plans, VisitStore store, Clock clock,
                                 Supplier<String> ids) {
        this.communities = communities;
        this.plans = plans;
        this.store = store;
        this.clock = clock;
        this.ids = ids;
    }

    /**
     * Records the visit. It is read (by {@code read}) against the cluster's {@link VisitRules} once the community is
     * known to be a cluster, so the date and the plan can be checked with every other field at once.
     */
    public ChallengeVisit record(Actor actor, String communityId, Function<VisitRules, RecordChallengeVisit> read) {
        actor.requireStaff();
        Community community = communities.get(actor, communityId);
        if (community.programme() != PROGRAMME) {
            throw Rejection.notApplicable("not-a-cluster", "Challenge visits are for school-improvement clusters",
                    "community " + community.id() + " is a " + community.programme().id() + " community; challenge "
                            + "visits are recorded only for " + PROGRAMME.id() + " clusters (a kahui-ako plan is "
                            + "endorsed at POST /communities/{id}/plans/{planId}/decision)");
        }
        VisitRules rules = new VisitRules(community, LocalDate.ofInstant(clock.instant(), ZONE),
                planId -> plans.find(community, planId));
        RecordChallengeVisit command = read.apply(rules);
        Plan plan = rules.plan(command.planId()).orElseThrow();
        ChallengeVisit visit = new ChallengeVisit(ids.get(), community.id(), community.programme(), plan.planId(),
                plan.version(), command.visitDate(), command.outcome(), command.notes(), actor.sub(), actor.email(),
                clock.instant(), community.name(), community.contact());
        store.create(visit);
        return visit;
    }

    /** A cluster's visits, newest first (none for a community of another programme). */
    public List<ChallengeVisit> list(Community visible) {
        return visible.programme() == PROGRAMME ? store.list(visible.id()) : List.of();
    }
}
