package org.schoolcollab.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.schoolcollab.api.Caller;
import org.schoolcollab.api.HttpApi;
import org.schoolcollab.community.Community;
import org.schoolcollab.community.CommunityJson;
import org.schoolcollab.community.CommunityService;
import org.schoolcollab.plan.PlanJson;
import org.schoolcollab.plan.PlanStore;
import org.schoolcollab.visit.ChallengeVisitService;
import org.schoolcollab.visit.VisitJson;
import org.schoolcollab.visit.VisitStore;

/**
 * GET /communities/{id}: the community, its members and its plan versions (newest first, each with its file check
 * and review), for its schools and staff; a school-improvement cluster also lists its challenge visits, newest first.
 */
public class GetCommunityHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final CommunityService service;
    private final VisitStore visits;
    private final PlanStore plans;

    public GetCommunityHandler() {
        this(Wiring.communityService(), Wiring.visitStore(), Wiring.planStore());
    }

    public GetCommunityHandler(CommunityService service, VisitStore visits, PlanStore plans) {
        this.service = service;
        this.visits = visits;
        this.plans = plans;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpApi.handle(event, context, () -> {
            Caller caller = Caller.from(event);
            String id = HttpApi.idParam(event);
            Community c = service.get(caller, id);
            var body = CommunityJson.full(c);
            body.set("plans", PlanJson.summaries(plans.listWithReviews(c.id())));
            if (c.programme() == ChallengeVisitService.PROGRAMME) {
                body.set("visits", VisitJson.list(visits.list(c.id())));
            }
            return HttpApi.json(200, body);
        });
    }
}
