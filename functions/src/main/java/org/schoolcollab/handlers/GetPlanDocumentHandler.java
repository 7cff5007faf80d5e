package org.schoolcollab.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.schoolcollab.api.ApiException;
import org.schoolcollab.api.Caller;
import org.schoolcollab.api.HttpApi;
import org.schoolcollab.plan.PlanJson;
import org.schoolcollab.plan.PlanService;

/** GET /communities/{id}/plans/{planId}/document: a presigned download of a received plan, for members and staff. */
public class GetPlanDocumentHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final PlanService service;

    public GetPlanDocumentHandler() {
        this(Wiring.planService());
    }

    public GetPlanDocumentHandler(PlanService service) {
        this.service = service;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpApi.handle(event, context, () -> {
            Caller caller = Caller.from(event);
            String id = HttpApi.idParam(event);
            String planId = HttpApi.pathParam(event, "planId").orElseThrow(() -> ApiException.notFound("no plan id in path"));
            return HttpApi.json(200, PlanJson.document(service.document(caller, id, planId)));
        });
    }
}
