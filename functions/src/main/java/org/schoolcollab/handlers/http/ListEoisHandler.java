package org.schoolcollab.handlers.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.schoolcollab.api.Actors;
import org.schoolcollab.api.EoiJson;
import org.schoolcollab.api.HttpApi;
import org.schoolcollab.api.PageJson;
import org.schoolcollab.api.Queries;
import org.schoolcollab.eoi.EoiService;
import org.schoolcollab.eoi.EoiStatus;
import org.schoolcollab.kernel.Actor;
import org.schoolcollab.wiring.Wiring;

/**
 * GET /expressions-of-interest?status=&limit=&nextToken=: for staff the review queue, oldest first; for a school
 * user the applications that name their school, newest first.
 */
public class ListEoisHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final EoiService service;

    public ListEoisHandler() {
        this(Wiring.production().eoiService());
    }

    public ListEoisHandler(EoiService service) {
        this.service = service;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpApi.handle(event, context, () -> {
            Actor actor = Actors.from(event);
            EoiService.requireMayList(actor); // before the query is read
            var page = service.list(actor, Queries.status(event, EoiStatus.class), Queries.page(event));
            return HttpApi.json(200, PageJson.of(page, EoiJson::summary));
        });
    }
}
