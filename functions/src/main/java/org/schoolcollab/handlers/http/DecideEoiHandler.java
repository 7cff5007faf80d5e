package org.schoolcollab.handlers.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.schoolcollab.api.Actors;
import org.schoolcollab.api.DecideEoiRequest;
import org.schoolcollab.api.EoiJson;
import org.schoolcollab.api.HttpApi;
import org.schoolcollab.community.CommunityFormation;
import org.schoolcollab.community.DecideEoi;
import org.schoolcollab.community.EoiDecision;
import org.schoolcollab.kernel.Actor;
import org.schoolcollab.wiring.Wiring;

import java.util.Map;

/** POST /expressions-of-interest/{id}/decision: staff approve (forming the community) or decline. */
public class DecideEoiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final CommunityFormation service;

    public DecideEoiHandler() {
        this(Wiring.production().communityFormation());
    }

    public DecideEoiHandler(CommunityFormation service) {
        this.service = service;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpApi.handle(event, context, () -> {
            Actor actor = Actors.from(event);
            actor.requireStaff(); // who may decide is settled before the body is read
            DecideEoi command = DecideEoiRequest.read(HttpApi.idParam(event), HttpApi.jsonObject(event));
            EoiDecision decision = service.decide(actor, command);
            String location = decision.communityId() != null
                    ? "/communities/" + decision.communityId()
                    : "/expressions-of-interest/" + decision.eoiId();
            return HttpApi.json(201, EoiJson.decision(decision), Map.of("location", location));
        });
    }
}
