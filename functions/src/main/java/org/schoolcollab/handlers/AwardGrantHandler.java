package org.schoolcollab.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.schoolcollab.api.Caller;
import org.schoolcollab.api.HttpApi;
import org.schoolcollab.common.Json;
import org.schoolcollab.grant.Grant;
import org.schoolcollab.grant.GrantService;

import java.util.Map;

/** POST /communities/{id}/grants: staff award a grant; the stream turns it into a funding record and emails. */
public class AwardGrantHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final GrantService service;

    public AwardGrantHandler() {
        this(Wiring.grantService());
    }

    public AwardGrantHandler(GrantService service) {
        this.service = service;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpApi.handle(event, context, () -> {
            Caller caller = Caller.from(event);
            String id = HttpApi.idParam(event);
            Grant g = service.award(caller, id, HttpApi.jsonBody(event));
            return HttpApi.json(201, json(g), Map.of("location", "/communities/" + g.communityId() + "/funding"));
        });
    }

    static ObjectNode json(Grant g) {
        ObjectNode o = Json.object();
        o.put("grantId", g.id());
        o.put("communityId", g.communityId());
        o.put("programme", g.programme().id());
        o.put("purpose", g.purpose());
        o.set("amount", g.amount().toJson());
        if (g.description() != null) {
            o.put("description", g.description());
        }
        o.put("awardedAt", g.awardedAt().toString());
        o.putObject("awardedBy").put("sub", g.awardedBySub()).put("email", g.awardedByEmail());
        return o;
    }
}
