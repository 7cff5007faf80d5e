package org.schoolcollab.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.schoolcollab.api.Caller;
import org.schoolcollab.api.HttpApi;
import org.schoolcollab.report.ReportJson;
import org.schoolcollab.report.ReportService;

/** GET /reports/summary?programme=&wave=: staff see a programme, or one approval wave of it, in numbers. */
public class ReportSummaryHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final ReportService service;

    public ReportSummaryHandler() {
        this(Wiring.reportService());
    }

    public ReportSummaryHandler(ReportService service) {
        this.service = service;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpApi.handle(event, context, () -> {
            Caller caller = Caller.from(event);
            return HttpApi.json(200, ReportJson.summary(service.summary(caller,
                    HttpApi.queryParam(event, "programme"), HttpApi.queryParam(event, "wave"))));
        });
    }
}
