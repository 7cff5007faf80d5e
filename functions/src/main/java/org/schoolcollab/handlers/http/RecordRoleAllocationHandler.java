package org.schoolcollab.handlers.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import org.schoolcollab.api.Actors;
import org.schoolcollab.api.FundingJson;
import org.schoolcollab.api.HttpApi;
import org.schoolcollab.api.RoleAllocationRequest;
import org.schoolcollab.funding.RolesRecorded;
import org.schoolcollab.kernel.Actor;
import org.schoolcollab.review.RoleAllocationService;
import org.schoolcollab.wiring.Wiring;

import java.util.Map;

/**
 * POST /communities/{id}/role-allocation: staff record the roles of a community endorsed before its roles were
 * recorded; its funding follows from the stream.
 */
public class RecordRoleAllocationHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final RoleAllocationService service;

    public RecordRoleAllocationHandler() {
        this(Wiring.production().roleAllocationService());
    }

    public RecordRoleAllocationHandler(RoleAllocationService service) {
        this.service = service;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpApi.handle(event, context, () -> {
            Actor actor = Actors.from(event);
            actor.requireStaff(); // before the body is read
            String communityId = HttpApi.idParam(event);
            JsonNode body = HttpApi.jsonObject(event);
            RolesRecorded roles = service.record(actor, communityId, community -> RoleAllocationRequest.read(body, community));
            return HttpApi.json(201, FundingJson.roles(roles, service.releases(roles)),
                    Map.of("location", "/communities/" + roles.communityId() + "/funding"));
        });
    }
}
