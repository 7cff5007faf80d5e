package org.schoolcollab.handlers.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import org.schoolcollab.api.Actors;
import org.schoolcollab.api.AwardGrantRequest;
import org.schoolcollab.api.GrantJson;
import org.schoolcollab.api.HttpApi;
import org.schoolcollab.grant.Grant;
import org.schoolcollab.grant.GrantService;
import org.schoolcollab.kernel.Actor;
import org.schoolcollab.wiring.Wiring;

import java.util.Map;

/** POST /communities/{id}/grants: staff award a grant; the stream turns it into a funding record and emails. */
public class AwardGrantHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final GrantService service;

    public AwardGrantHandler() {
        this(Wiring.production().grantService());
    }

    public AwardGrantHandler(GrantService service) {
        this.service = service;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpApi.handle(event, context, () -> {
            Actor actor = Actors.from(event);
            actor.requireStaff(); // who may award is settled before the body is read
            JsonNode body = HttpApi.jsonObject(event);
            Grant g = service.award(actor, HttpApi.idParam(event), rules -> AwardGrantRequest.read(body, rules));
            return HttpApi.json(201, GrantJson.of(g), Map.of("location", "/communities/" + g.communityId() + "/funding"));
        });
    }
}
