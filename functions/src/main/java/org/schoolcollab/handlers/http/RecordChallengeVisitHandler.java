package org.schoolcollab.handlers.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import org.schoolcollab.api.Actors;
import org.schoolcollab.api.HttpApi;
import org.schoolcollab.api.RecordChallengeVisitRequest;
import org.schoolcollab.api.VisitJson;
import org.schoolcollab.kernel.Actor;
import org.schoolcollab.visit.ChallengeVisit;
import org.schoolcollab.visit.ChallengeVisitService;
import org.schoolcollab.wiring.Wiring;

import java.util.Map;

/** POST /communities/{id}/challenge-visits: staff record a visit to a cluster; the stream tells its contact. */
public class RecordChallengeVisitHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final ChallengeVisitService service;

    public RecordChallengeVisitHandler() {
        this(Wiring.production().challengeVisitService());
    }

    public RecordChallengeVisitHandler(ChallengeVisitService service) {
        this.service = service;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpApi.handle(event, context, () -> {
            Actor actor = Actors.from(event);
            actor.requireStaff(); // who may record a visit is settled before the body is read
            JsonNode body = HttpApi.jsonObject(event);
            ChallengeVisit v = service.record(actor, HttpApi.idParam(event),
                    rules -> RecordChallengeVisitRequest.read(body, rules));
            return HttpApi.json(201, VisitJson.full(v), Map.of("location", "/communities/" + v.communityId()));
        });
    }
}
