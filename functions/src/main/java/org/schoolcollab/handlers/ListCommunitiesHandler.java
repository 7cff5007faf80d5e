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
import org.schoolcollab.community.Community;
import org.schoolcollab.community.CommunityJson;
import org.schoolcollab.community.CommunityService;

/** GET /communities?programme=&status=&limit=&nextToken=: staff list a programme's communities. */
public class ListCommunitiesHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final CommunityService service;

    public ListCommunitiesHandler() {
        this(Wiring.communityService());
    }

    public ListCommunitiesHandler(CommunityService service) {
        this.service = service;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpApi.handle(event, context, () -> {
            Caller caller = Caller.from(event);
            Page<Community> page = service.list(caller, HttpApi.queryParam(event, "programme"),
                    HttpApi.queryParam(event, "status"), HttpApi.queryParam(event, "limit"),
                    HttpApi.queryParam(event, "nextToken"));
            ObjectNode body = Json.object();
            ArrayNode items = body.putArray("items");
            page.items().forEach(c -> items.add(CommunityJson.summary(c)));
            page.nextToken().ifPresent(t -> body.put("nextToken", t));
            return HttpApi.json(200, body);
        });
    }
}
