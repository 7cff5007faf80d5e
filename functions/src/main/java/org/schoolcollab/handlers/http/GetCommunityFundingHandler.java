package org.schoolcollab.handlers.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.schoolcollab.api.Actors;
import org.schoolcollab.api.FundingJson;
import org.schoolcollab.api.HttpApi;
import org.schoolcollab.funding.FundingService;
import org.schoolcollab.wiring.Wiring;

/** GET /communities/{id}/funding: funding records and totals, for the community's schools and staff. */
public class GetCommunityFundingHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final FundingService service;

    public GetCommunityFundingHandler() {
        this(Wiring.production().fundingService());
    }

    public GetCommunityFundingHandler(FundingService service) {
        this.service = service;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpApi.handle(event, context, () -> HttpApi.json(200,
                FundingJson.forCommunity(service.forCommunity(Actors.from(event), HttpApi.idParam(event)))));
    }
}
