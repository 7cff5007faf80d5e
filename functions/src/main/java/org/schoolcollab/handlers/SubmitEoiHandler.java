package org.schoolcollab.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import org.schoolcollab.api.Caller;
import org.schoolcollab.api.HttpApi;
import org.schoolcollab.eoi.EoiService;

import java.util.HashMap;
import java.util.Map;

/** POST /expressions-of-interest: a school submits an application. */
public class SubmitEoiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final EoiService service;

    public SubmitEoiHandler() {
        this(Wiring.eoiService());
    }

    public SubmitEoiHandler(EoiService service) {
        this.service = service;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpApi.handle(event, context, () -> {
            Caller caller = Caller.from(event);
            EoiService.Submitted result = service.submit(caller, HttpApi.jsonBody(event),
                    HttpApi.header(event, "Idempotency-Key"));
            Map<String, String> headers = new HashMap<>();
            headers.put("location", result.location());
            if (result.replayed()) {
                headers.put("idempotent-replayed", "true");
            }
            if (context != null) {
                context.getLogger().log("eoi submitted location=" + result.location() + " replayed=" + result.replayed(),
                        LogLevel.INFO);
            }
            return APIGatewayV2HTTPResponse.builder()
                    .withStatusCode(result.status())
                    .withHeaders(withJson(headers))
                    .withBody(result.body())
                    .build();
        });
    }

    private static Map<String, String> withJson(Map<String, String> headers) {
        headers.put("content-type", "application/json");
        return headers;
    }
}
