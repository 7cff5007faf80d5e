package org.schoolcollab.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.schoolcollab.api.Caller;
import org.schoolcollab.api.HttpApi;
import org.schoolcollab.eoi.EoiDecision;
import org.schoolcollab.eoi.EoiDecisionService;
import org.schoolcollab.eoi.EoiJson;

import java.util.Map;

/** POST /expressions-of-interest/{id}/decision: staff approve (forming the community) or decline. */
public class DecideEoiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final EoiDecisionService service;

    public DecideEoiHandler() {
        this(Wiring.eoiDecisionService());
    }

    public DecideEoiHandler(EoiDecisionService service) {
        this.service = service;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpApi.handle(event, context, () -> {
            Caller caller = Caller.from(event);
            String id = HttpApi.idParam(event);
            EoiDecision decision = service.decide(caller, id, HttpApi.jsonBody(event));
            String location = decision.communityId() != null
                    ? "/communities/" + decision.communityId()
                    : "/expressions-of-interest/" + decision.eoiId();
            return HttpApi.json(201, EoiJson.decision(decision), Map.of("location", location));
        });
    }
}
