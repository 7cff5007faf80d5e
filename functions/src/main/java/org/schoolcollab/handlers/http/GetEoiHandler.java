package org.schoolcollab.handlers.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.schoolcollab.api.Actors;
import org.schoolcollab.api.EoiJson;
import org.schoolcollab.api.HttpApi;
import org.schoolcollab.eoi.EoiService;
import org.schoolcollab.wiring.Wiring;

/** GET /expressions-of-interest/{id}: status and history, for the submitting schools and staff. */
public class GetEoiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final EoiService service;

    public GetEoiHandler() {
        this(Wiring.production().eoiService());
    }

    public GetEoiHandler(EoiService service) {
        this.service = service;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpApi.handle(event, context, () ->
                HttpApi.json(200, EoiJson.full(service.get(Actors.from(event), HttpApi.idParam(event)))));
    }
}
