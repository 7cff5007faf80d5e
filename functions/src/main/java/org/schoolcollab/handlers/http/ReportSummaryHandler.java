package org.schoolcollab.handlers.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.schoolcollab.api.Actors;
import org.schoolcollab.api.HttpApi;
import org.schoolcollab.api.Queries;
import org.schoolcollab.api.ReportJson;
import org.schoolcollab.kernel.Actor;
import org.schoolcollab.report.ReportService;
import org.schoolcollab.wiring.Wiring;

/** GET /reports/summary?programme=&wave=: staff see a programme, or one approval wave of it, in numbers. */
public class ReportSummaryHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final ReportService service;

    public ReportSummaryHandler() {
        this(Wiring.production().reportService());
    }

    public ReportSummaryHandler(ReportService service) {
        this.service = service;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpApi.handle(event, context, () -> {
            Actor actor = Actors.from(event);
            actor.requireStaff(); // before the query is read
            Queries.Summary query = Queries.summary(event);
            return HttpApi.json(200, ReportJson.summary(service.summary(actor, query.programme(), query.wave())));
        });
    }
}
