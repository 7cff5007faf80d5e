package org.schoolcollab.plan;

import com.fasterxml.jackson.databind.JsonNode;
import org.schoolcollab.api.ApiException;
import org.schoolcollab.api.Caller;
import org.schoolcollab.api.JsonBody;
import org.schoolcollab.community.Community;
import org.schoolcollab.community.CommunityService;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Plans as the API sees them: users of a member school register a plan version and get a presigned upload;
 * members and staff download a received plan. Who may see the community is CommunityService's rule.
 */
public final class PlanService {
    private static final Pattern ID = Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");

    private final CommunityService communities;
    private final PlanStore store;
    private final PlanUrls urls;
    private final Clock clock;
    private final Supplier<String> ids;

    public PlanService(CommunityService communities, PlanStore store, PlanUrls urls, Clock clock) {
        this(communities, store, urls, clock, () -> UUID.randomUUID().toString());
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

    public Registered register(Caller caller, String communityId, String body) {
        if (caller.isStaff()) {
            throw ApiException.forbidden("a plan is uploaded by its community's schools; programme staff may not "
                    + "upload one on a school's behalf");
        }
        JsonNode root = JsonBody.object(body);
        Community community = communities.get(caller, communityId);
        PlanRequest request = PlanValidator.validate(root, community.programme());
        String planId = ids.get();
        Plan plan = store.register(Plan.registered(planId, community.id(), community.programme(), community.name(),
                request.fileName(), request.fileType(), request.sizeBytes(),
                PlanObjectKeys.objectKey(community.id(), planId, request.fileName(), request.fileType()),
                request.achievementChallenges(), caller.sub(), caller.email(), clock.instant()));
        return new Registered(plan, urls.upload(plan.objectKey(), plan.fileType(), plan.sizeBytes()));
    }

    /** A short-lived download of a plan whose file was received; 409 while it is awaited, or if it was rejected. */
    public PlanUrls.Download document(Caller caller, String communityId, String planId) {
        Community community = communities.get(caller, communityId);
        Plan plan = (ID.matcher(planId).matches() ? store.find(community.id(), planId) : Optional.<Plan>empty())
                .orElseThrow(() -> ApiException.notFound("no plan " + planId + " in community " + communityId));
        if (plan.status() == PlanStatus.AWAITING_UPLOAD) {
            throw ApiException.conflict("/problems/plan-not-received", "Plan not received",
                    "version " + plan.version() + "'s file has not been received yet; upload it with the URL its "
                            + "registration returned, then try again", Map.of("planStatus", plan.status().name()));
        }
        if (plan.status() == PlanStatus.REJECTED) {
            throw ApiException.conflict("/problems/plan-rejected", "Plan rejected",
                    "version " + plan.version() + "'s file was rejected: " + plan.rejectionReason(),
                    Map.of("planStatus", plan.status().name()));
        }
        return urls.download(plan.objectKey(), plan.objectVersionId(), plan.fileName());
    }

    /** A community's plans, by version, for those who may see the community. */
    public List<Plan> list(Community visible) {
        return store.list(visible.id());
    }
}
