package org.schoolcollab.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.schoolcollab.api.Caller;
import org.schoolcollab.api.HttpApi;
import org.schoolcollab.eoi.EoiJson;
import org.schoolcollab.eoi.EoiService;

/** GET /expressions-of-interest/{id}: status and history, for the submitting schools and staff. */
public class GetEoiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final EoiService service;

    public GetEoiHandler() {
        this(Wiring.eoiService());
    }

    public GetEoiHandler(EoiService service) {
        this.service = service;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpApi.handle(event, context, () -> {
            Caller caller = Caller.from(event);
            String id = HttpApi.idParam(event);
            return HttpApi.json(200, EoiJson.full(service.get(caller, id)));
        });
    }
}
