package org.schoolcollab.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.schoolcollab.api.Caller;
import org.schoolcollab.api.HttpApi;
import org.schoolcollab.visit.ChallengeVisit;
import org.schoolcollab.visit.ChallengeVisitService;
import org.schoolcollab.visit.VisitJson;

import java.util.Map;

/** POST /communities/{id}/challenge-visits: staff record a visit to a cluster; the stream tells its contact. */
public class RecordChallengeVisitHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final ChallengeVisitService service;

    public RecordChallengeVisitHandler() {
        this(Wiring.challengeVisitService());
    }

    public RecordChallengeVisitHandler(ChallengeVisitService service) {
        this.service = service;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpApi.handle(event, context, () -> {
            Caller caller = Caller.from(event);
            String id = HttpApi.idParam(event);
            ChallengeVisit v = service.record(caller, id, HttpApi.jsonBody(event));
            return HttpApi.json(201, VisitJson.full(v), Map.of("location", "/communities/" + v.communityId()));
        });
    }
}
