package org.schoolcollab.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.schoolcollab.api.Caller;
import org.schoolcollab.api.HttpApi;
import org.schoolcollab.plan.PlanJson;
import org.schoolcollab.plan.PlanService;

import java.util.Map;

/** POST /communities/{id}/plans: a member school registers a plan version and gets a presigned upload for its file. */
public class RegisterPlanHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final PlanService service;

    public RegisterPlanHandler() {
        this(Wiring.planService());
    }

    public RegisterPlanHandler(PlanService service) {
        this.service = service;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpApi.handle(event, context, () -> {
            Caller caller = Caller.from(event);
            String id = HttpApi.idParam(event);
            PlanService.Registered r = service.register(caller, id, HttpApi.jsonBody(event));
            return HttpApi.json(201, PlanJson.registered(r.plan(), r.upload()), Map.of("location",
                    "/communities/" + r.plan().communityId() + "/plans/" + r.plan().planId() + "/document"));
        });
    }
}
