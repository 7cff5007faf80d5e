package org.schoolcollab.handlers.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.schoolcollab.api.Actors;
import org.schoolcollab.api.CommunityJson;
import org.schoolcollab.api.HttpApi;
import org.schoolcollab.api.PageJson;
import org.schoolcollab.api.Queries;
import org.schoolcollab.community.CommunityService;
import org.schoolcollab.community.CommunityStatus;
import org.schoolcollab.kernel.Actor;
import org.schoolcollab.wiring.Wiring;

/** GET /communities?programme=&status=&limit=&nextToken=: staff list a programme's communities. */
public class ListCommunitiesHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final CommunityService service;

    public ListCommunitiesHandler() {
        this(Wiring.production().communityService());
    }

    public ListCommunitiesHandler(CommunityService service) {
        this.service = service;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpApi.handle(event, context, () -> {
            Actor actor = Actors.from(event);
            actor.requireStaff(); // before the query is read
            var page = service.list(actor, Queries.programme(event), Queries.status(event, CommunityStatus.class),
                    Queries.page(event));
            return HttpApi.json(200, PageJson.of(page, CommunityJson::summary));
        });
    }
}
