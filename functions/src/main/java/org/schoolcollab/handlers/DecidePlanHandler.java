package org.schoolcollab.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.schoolcollab.api.ApiException;
import org.schoolcollab.api.Caller;
import org.schoolcollab.api.HttpApi;
import org.schoolcollab.common.Json;
import org.schoolcollab.review.PlanDecision;
import org.schoolcollab.review.PlanReviewService;

import java.util.Map;

/** POST /communities/{id}/plans/{planId}/decision: staff endorse a received kahui-ako plan or ask for changes. */
public class DecidePlanHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final PlanReviewService service;

    public DecidePlanHandler() {
        this(Wiring.planReviewService());
    }

    public DecidePlanHandler(PlanReviewService service) {
        this.service = service;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpApi.handle(event, context, () -> {
            Caller caller = Caller.from(event);
            String planId = HttpApi.pathParam(event, "planId").orElseThrow(() -> ApiException.notFound("no plan id in path"));
            PlanDecision d = service.decide(caller, HttpApi.idParam(event), planId, HttpApi.jsonBody(event));
            return HttpApi.json(201, json(d), Map.of("location", "/communities/" + d.communityId()));
        });
    }

    static ObjectNode json(PlanDecision d) {
        ObjectNode o = Json.object();
        o.put("communityId", d.communityId());
        o.put("planId", d.planId());
        o.put("planVersion", d.planVersion());
        o.put("decision", d.decision().name());
        if (d.comments() != null) {
            o.put("comments", d.comments());
        }
        if (d.leaderSchoolNumber() != null) {
            o.put("leaderSchoolNumber", d.leaderSchoolNumber());
        }
        o.put("decidedAt", d.decidedAt().toString());
        o.putObject("decidedBy").put("sub", d.decidedBySub()).put("email", d.decidedByEmail());
        return o;
    }
}
