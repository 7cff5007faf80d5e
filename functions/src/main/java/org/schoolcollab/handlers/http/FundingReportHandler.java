package org.schoolcollab.handlers.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.schoolcollab.api.Actors;
import org.schoolcollab.api.FundingReportJson;
import org.schoolcollab.api.HttpApi;
import org.schoolcollab.api.Queries;
import org.schoolcollab.kernel.Actor;
import org.schoolcollab.report.FundingReport;
import org.schoolcollab.report.FundingReportService;
import org.schoolcollab.wiring.Wiring;

import java.util.Map;

/**
 * GET /reports/funding?programme=&from=&to=: finance read a programme's funding records, as JSON, or as CSV for
 * import into a finance system when they ask for it ({@code Accept: text/csv}).
 */
public class FundingReportHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final FundingReportService service;

    public FundingReportHandler() {
        this(Wiring.production().fundingReportService());
    }

    public FundingReportHandler(FundingReportService service) {
        this.service = service;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpApi.handle(event, context, () -> {
            Actor actor = Actors.from(event);
            actor.requireStaff(); // before the query is read
            Queries.FundingPeriod q = Queries.fundingPeriod(event);
            FundingReport report = service.report(actor, q.programme(), q.from(), q.to());
            if (HttpApi.header(event, "accept").map(a -> a.toLowerCase().contains("text/csv")).orElse(false)) {
                return APIGatewayV2HTTPResponse.builder().withStatusCode(200)
                        .withHeaders(Map.of("content-type", "text/csv; charset=utf-8", "content-disposition",
                                "attachment; filename=\"" + FundingReportJson.fileName(report) + "\""))
                        .withBody(FundingReportJson.csv(report)).build(); // with a BOM, so spreadsheets read it as UTF-8
            }
            return HttpApi.json(200, FundingReportJson.report(report));
        });
    }
}
