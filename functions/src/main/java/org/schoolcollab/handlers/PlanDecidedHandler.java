package org.schoolcollab.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import org.schoolcollab.review.PlanDecided;
import org.schoolcollab.review.PlanDecisionItemMapper;

/** Table stream, filtered in template.yaml to inserted PLAN_DECISION items: tell the community, release roles. */
public class PlanDecidedHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    private final PlanDecided reaction;

    public PlanDecidedHandler() {
        this(Wiring.planDecided());
    }

    public PlanDecidedHandler(PlanDecided reaction) {
        this.reaction = reaction;
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        return StreamBatch.eachNewImage(event, context,
                image -> reaction.onDecision(PlanDecisionItemMapper.fromItem(image)));
    }
}
