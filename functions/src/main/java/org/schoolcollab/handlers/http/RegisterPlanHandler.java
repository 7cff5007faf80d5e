package org.schoolcollab.handlers.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import org.schoolcollab.api.Actors;
import org.schoolcollab.api.HttpApi;
import org.schoolcollab.api.PlanJson;
import org.schoolcollab.api.RegisterPlanRequest;
import org.schoolcollab.kernel.Actor;
import org.schoolcollab.plan.PlanService;
import org.schoolcollab.wiring.Wiring;

import java.util.Map;

/** POST /communities/{id}/plans: a member school registers a plan version and gets a presigned upload for its file. */
public class RegisterPlanHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final PlanService service;

    public RegisterPlanHandler() {
        this(Wiring.production().planService());
    }

    public RegisterPlanHandler(PlanService service) {
        this.service = service;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpApi.handle(event, context, () -> {
            Actor actor = Actors.from(event);
            PlanService.requireMayRegister(actor); // before the body is read
            JsonNode body = HttpApi.jsonObject(event);
            PlanService.Registered r = service.register(actor, HttpApi.idParam(event),
                    community -> RegisterPlanRequest.read(body, community.programme()));
            return HttpApi.json(201, PlanJson.registered(r.plan(), r.upload()), Map.of("location",
                    "/communities/" + r.plan().communityId() + "/plans/" + r.plan().planId() + "/document"));
        });
    }
}
