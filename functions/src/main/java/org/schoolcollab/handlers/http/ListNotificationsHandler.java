package org.schoolcollab.handlers.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.schoolcollab.api.Actors;
import org.schoolcollab.api.HttpApi;
import org.schoolcollab.api.NotificationJson;
import org.schoolcollab.api.PageJson;
import org.schoolcollab.api.Queries;
import org.schoolcollab.kernel.Actor;
import org.schoolcollab.notify.NotificationLog;
import org.schoolcollab.wiring.Wiring;

/**
 * GET /notifications?communityId=&limit=&nextToken=: staff read the whole notification log (optionally one
 * community's), anyone else the notifications sent to their own verified email. Logs nothing about the caller.
 */
public class ListNotificationsHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final NotificationLog log;

    public ListNotificationsHandler() {
        this(Wiring.production().notificationLog());
    }

    public ListNotificationsHandler(NotificationLog log) {
        this.log = log;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpApi.handle(event, context, () -> {
            Actor actor = Actors.withVerifiedEmail(event);
            NotificationLog.requireMayRead(actor); // before the query is read
            var page = log.list(actor, Queries.communityId(event), Queries.page(event));
            return HttpApi.json(200, PageJson.of(page, NotificationJson::item));
        });
    }
}
