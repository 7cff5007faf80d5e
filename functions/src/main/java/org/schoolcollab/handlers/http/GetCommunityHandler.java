package org.schoolcollab.handlers.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.schoolcollab.api.Actors;
import org.schoolcollab.api.CommunityJson;
import org.schoolcollab.api.HttpApi;
import org.schoolcollab.api.PlanJson;
import org.schoolcollab.api.VisitJson;
import org.schoolcollab.community.Community;
import org.schoolcollab.community.CommunityService;
import org.schoolcollab.plan.PlanService;
import org.schoolcollab.visit.ChallengeVisitService;
import org.schoolcollab.wiring.Wiring;

/**
 * GET /communities/{id}: the community, its members and its plan versions (newest first, each with its file check
 * and review), for its schools and staff; a school-improvement cluster also lists its challenge visits, newest first.
 */
public class GetCommunityHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final CommunityService communities;
    private final PlanService plans;
    private final ChallengeVisitService visits;

    public GetCommunityHandler() {
        this(Wiring.production().communityService(), Wiring.production().planService(),
                Wiring.production().challengeVisitService());
    }

    public GetCommunityHandler(CommunityService communities, PlanService plans, ChallengeVisitService visits) {
        this.communities = communities;
        this.plans = plans;
        this.visits = visits;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpApi.handle(event, context, () -> {
            Community c = communities.get(Actors.from(event), HttpApi.idParam(event));
            var body = CommunityJson.full(c);
            body.set("plans", PlanJson.summaries(plans.versions(c)));
            if (c.programme() == ChallengeVisitService.PROGRAMME) {
                body.set("visits", VisitJson.list(visits.list(c)));
            }
            return HttpApi.json(200, body);
        });
    }
}
