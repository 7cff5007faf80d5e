package org.schoolcollab.handlers.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import org.schoolcollab.api.Actors;
import org.schoolcollab.api.EoiJson;
import org.schoolcollab.api.HttpApi;
import org.schoolcollab.api.SubmitEoiRequest;
import org.schoolcollab.eoi.EoiService;
import org.schoolcollab.eoi.SubmitEoi;
import org.schoolcollab.kernel.Actor;
import org.schoolcollab.wiring.Wiring;

import java.util.HashMap;
import java.util.Map;

/** POST /expressions-of-interest: a school submits an application. */
public class SubmitEoiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final EoiService service;

    public SubmitEoiHandler() {
        this(Wiring.production().eoiService());
    }

    public SubmitEoiHandler(EoiService service) {
        this.service = service;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpApi.handle(event, context, () -> {
            Actor actor = Actors.from(event);
            actor.requireSchoolUser(); // who may submit is settled before the body is read
            SubmitEoi command = SubmitEoiRequest.read(event);
            EoiService.Submitted result = service.submit(actor, command);
            String location = "/expressions-of-interest/" + result.eoi().id();
            Map<String, String> headers = new HashMap<>(Map.of("location", location));
            if (result.replayed()) {
                headers.put("idempotent-replayed", "true");
            }
            if (context != null) {
                context.getLogger().log("eoi submitted location=" + location + " replayed=" + result.replayed(),
                        LogLevel.INFO);
            }
            return HttpApi.json(201, EoiJson.full(result.eoi()), headers);
        });
    }
}
