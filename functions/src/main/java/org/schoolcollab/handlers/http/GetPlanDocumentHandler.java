package org.schoolcollab.handlers.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.schoolcollab.api.Actors;
import org.schoolcollab.api.HttpApi;
import org.schoolcollab.api.PlanJson;
import org.schoolcollab.kernel.Actor;
import org.schoolcollab.plan.PlanService;
import org.schoolcollab.wiring.Wiring;

/** GET /communities/{id}/plans/{planId}/document: a presigned download of a received plan, for members and staff. */
public class GetPlanDocumentHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final PlanService service;

    public GetPlanDocumentHandler() {
        this(Wiring.production().planService());
    }

    public GetPlanDocumentHandler(PlanService service) {
        this.service = service;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpApi.handle(event, context, () -> {
            Actor actor = Actors.from(event);
            String id = HttpApi.idParam(event);
            return HttpApi.json(200, PlanJson.document(service.document(actor, id, HttpApi.planIdParam(event))));
        });
    }
}
