package org.schoolcollab.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import org.schoolcollab.eoi.EoiDecisionItemMapper;
import org.schoolcollab.funding.FormationFunding;

/** Table stream, filtered in template.yaml to inserted APPROVED decisions: formation allowance records. */
public class FormationFundingHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    private final FormationFunding funding;

    public FormationFundingHandler() {
        this(Wiring.formationFunding());
    }

    public FormationFundingHandler(FormationFunding funding) {
        this.funding = funding;
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        return StreamBatch.eachNewImage(event, context, image -> funding.onDecision(EoiDecisionItemMapper.fromItem(image)));
    }
}
