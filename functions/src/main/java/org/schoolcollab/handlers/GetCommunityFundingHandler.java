package org.schoolcollab.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.schoolcollab.api.Caller;
import org.schoolcollab.api.HttpApi;
import org.schoolcollab.funding.FundingService;

/** GET /communities/{id}/funding: funding records and totals, for the community's schools and staff. */
public class GetCommunityFundingHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final FundingService service;

    public GetCommunityFundingHandler() {
        this(Wiring.fundingService());
    }

    public GetCommunityFundingHandler(FundingService service) {
        this.service = service;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpApi.handle(event, context, () -> {
            Caller caller = Caller.from(event);
            String id = HttpApi.idParam(event);
            return HttpApi.json(200, service.forCommunity(caller, id));
        });
    }
}
