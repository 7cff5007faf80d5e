package org.schoolcollab.plan;

import org.schoolcollab.community.Community;
import org.schoolcollab.community.CommunityService;
import org.schoolcollab.kernel.Actor;
import org.schoolcollab.kernel.Ids;
import org.schoolcollab.kernel.Rejection;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Plans as their community sees them: users of a member school register a plan version and get a presigned upload;
 * members and staff download a received plan and list the versions. Who may see the community is CommunityService's
 * rule.
 */
public final class PlanService {
    private final CommunityService communities;
    private final PlanStore store;
    private final PlanUrls urls;
    private final Clock clock;
    private final Supplier<String> ids;

    public PlanService(CommunityService communities, PlanStore store, PlanUrls urls, Clock clock) {
        this(communities, store, urls, clock, Ids.RANDOM);
    }

    public PlanService(CommunityService communities, PlanStore store, PlanUrls urls, Clock clock,
                       Supplier<String> ids) {
        this.communities = communities;
        this.store = store;
        this.urls = urls;
        this.clock = clock;
        this.ids = ids;
    }

    /** A registered plan and the upload its file must arrive by. */
    public record Registered(Plan plan, PlanUrls.Upload upload) {}

    /** A plan is its community's own: staff may not register one on a school's behalf. */
    public static void requireMayRegister(Actor actor) {
        if (actor.isStaff()) {
            throw Rejection.forbidden("a plan is uploaded by its community's schools; programme staff may not "
                    + "upload one on a school's behalf");
        }
    }

    /**
     * Registers the next version of the community's plan. The registration is read (by {@code read}) only once the
     * community is known to the caller, because what it must name depends on the community's programme.
     */
    public Registered register(Actor actor, String communityId, Function<Community, RegisterPlan> read) {
        requireMayRegister(actor);
        Community community = communities.get(actor, communityId);
        RegisterPlan request = read.apply(community);
        String planId = ids.get();
        Plan plan = store.register(Plan.registered(planId, community.id(), community.programme(), community.name(),
                request.fileName(), request.fileType(), request.sizeBytes(),
                PlanObjectKeys.objectKey(community.id(), planId, request.fileName(), request.fileType()),
                request.achievementChallenges(), actor.sub(), actor.email(), clock.instant()));
        return new Registered(plan, urls.upload(plan.objectKey(), plan.fileType(), plan.sizeBytes()));
    }

    /** A short-lived download of a plan whose file was received; 409 while it is awaited, or if it was rejected. */
    public PlanUrls.Download document(Actor actor, String communityId, String planId) {
        Community community = communities.get(actor, communityId);
        Plan plan = (Ids.isUuid(planId) ? store.find(community.id(), planId) : Optional.<Plan>empty())
                .orElseThrow(() -> Rejection.notFound("no plan " + planId + " in community " + communityId));
        if (plan.status() == PlanStatus.AWAITING_UPLOAD) {
            throw Rejection.conflict("plan-not-received", "Plan not received",
                    "version " + plan.version() + "'s file has not been received yet; upload it with the URL its "
                            + "registration returned, then try again", Map.of("planStatus", plan.status().name()));
        }
        if (plan.status() == PlanStatus.REJECTED) {
            throw Rejection.conflict("plan-rejected", "Plan rejected",
                    "version " + plan.version() + "'s file was rejected: " + plan.rejectionReason(),
                    Map.of("planStatus", plan.status().name()));
        }
        return urls.download(plan.objectKey(), plan.objectVersionId(), plan.fileName());
    }

    /** A community's plans, by version, for those who may see the community. */
    public List<Plan> list(Community visible) {
        return store.list(visible.id());
    }

    /** A community's plans, newest version first, each with staff's decision once made. */
    public List<PlanWithReview> versions(Community visible) {
        return store.listWithReviews(visible.id());
    }

    /** One plan of a community the caller may see, if there is one of that id. */
    public Optional<Plan> find(Community visible, String planId) {
        return Ids.isUuid(planId) ? store.find(visible.id(), planId) : Optional.empty();
    }
}
