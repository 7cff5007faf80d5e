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
import org.schoolcollab.notify.Notification;
import org.schoolcollab.notify.NotificationLog;
import org.schoolcollab.notify.NotificationLogJson;

import java.util.Map;
import java.util.Optional;

/**
 * GET /notifications?communityId=&limit=&nextToken=: staff read the whole notification log (optionally one
 * community's), anyone else the notifications sent to their own verified email. Logs nothing about the caller.
 */
public class ListNotificationsHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final NotificationLog log;

    public ListNotificationsHandler() {
        this(Wiring.notificationLog());
    }

    public ListNotificationsHandler(NotificationLog log) {
        this.log = log;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpApi.handle(event, context, () -> {
            Page<Notification> page = log.list(withVerifiedEmailOnly(Caller.from(event), event),
                    HttpApi.queryParam(event, "communityId"), HttpApi.queryParam(event, "limit"),
                    HttpApi.queryParam(event, "nextToken"));
            ObjectNode body = Json.object();
            ArrayNode items = body.putArray("items");
            page.items().forEach(n -> items.add(NotificationLogJson.item(n)));
            page.nextToken().ifPresent(t -> body.put("nextToken", t));
            return HttpApi.json(200, body);
        });
    }

    /**
     * A user may change their own email attribute in Cognito; until they verify the new address the ID token says
     * {@code email_verified: false}. Such an address is not theirs yet: it reads no one's mail (a 403).
     */
    private static Caller withVerifiedEmailOnly(Caller caller, APIGatewayV2HTTPEvent event) {
        String verified = Optional.ofNullable(event.getRequestContext())
                .map(APIGatewayV2HTTPEvent.RequestContext::getAuthorizer)
                .map(APIGatewayV2HTTPEvent.RequestContext.Authorizer::getJwt)
                .map(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT::getClaims)
                .orElse(Map.of())
                .get("email_verified");
        return verified == null || verified.equals("true") ? caller
                : new Caller(caller.sub(), "", caller.groups(), caller.schoolNumber());
    }
}
