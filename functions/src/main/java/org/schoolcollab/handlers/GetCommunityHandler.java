package org.schoolcollab.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.schoolcollab.api.Caller;
import org.schoolcollab.api.HttpApi;
import org.schoolcollab.community.CommunityJson;
import org.schoolcollab.community.CommunityService;

/** GET /communities/{id}: the community and its members, for its schools and staff. */
public class GetCommunityHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final CommunityService service;

    public GetCommunityHandler() {
        this(Wiring.communityService());
    }

    public GetCommunityHandler(CommunityService service) {
        this.service = service;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpApi.handle(event, context, () -> {
            Caller caller = Caller.from(event);
            String id = HttpApi.idParam(event);
            return HttpApi.json(200, CommunityJson.full(service.get(caller, id)));
        });
    }
}
