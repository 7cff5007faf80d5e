package org.schoolcollab.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.schoolcollab.api.Caller;
import org.schoolcollab.api.HttpApi;
import org.schoolcollab.common.Json;
import org.schoolcollab.common.Page;
import org.schoolcollab.eoi.EoiJson;
import org.schoolcollab.eoi.EoiService;
import org.schoolcollab.eoi.ExpressionOfInterest;

/**
 * GET /expressions-of-interest?status=&limit=&nextToken=: for staff the review queue, oldest first; for a school
 * user the applications that name their school, newest first.
 */
public class ListEoisHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final EoiService service;

    public ListEoisHandler() {
        this(Wiring.eoiService());
    }

    public ListEoisHandler(EoiService service) {
        this.service = service;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpApi.handle(event, context, () -> {
            Caller caller = Caller.from(event);
            Page<ExpressionOfInterest> page = service.list(caller, HttpApi.queryParam(event, "status"),
                    HttpApi.queryParam(event, "limit"), HttpApi.queryParam(event, "nextToken"));
            ObjectNode body = Json.object();
            ArrayNode items = body.putArray("items");
            page.items().forEach(eoi -> items.add(EoiJson.summary(eoi)));
            page.nextToken().ifPresent(t -> body.put("nextToken", t));
            return HttpApi.json(200, body);
        });
    }
}
