package org.schoolcollab.handlers.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import org.schoolcollab.api.Actors;
import org.schoolcollab.api.DecidePlanRequest;
import org.schoolcollab.api.HttpApi;
import org.schoolcollab.api.PlanJson;
import org.schoolcollab.kernel.Actor;
import org.schoolcollab.plan.PlanDecision;
import org.schoolcollab.review.PlanReviewService;
import org.schoolcollab.wiring.Wiring;

import java.util.Map;

/** POST /communities/{id}/plans/{planId}/decision: staff endorse a received kahui-ako plan or ask for changes. */
public class DecidePlanHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final PlanReviewService service;

    public DecidePlanHandler() {
        this(Wiring.production().planReviewService());
    }

    public DecidePlanHandler(PlanReviewService service) {
        this.service = service;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpApi.handle(event, context, () -> {
            Actor actor = Actors.from(event);
            actor.requireStaff(); // who may decide is settled before the body is read
            String planId = HttpApi.planIdParam(event);
            JsonNode body = HttpApi.jsonObject(event);
            PlanDecision d = service.decide(actor, HttpApi.idParam(event), planId,
                    community -> DecidePlanRequest.read(body, community));
            return HttpApi.json(201, PlanJson.decision(d), Map.of("location", "/communities/" + d.communityId()));
        });
    }
}
