package org.schoolcollab.handlers.events;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import org.schoolcollab.plan.adapters.PlanDecisionItemMapper;
import org.schoolcollab.review.OnPlanDecided;
import org.schoolcollab.wiring.Wiring;

/**
 * Table stream, filtered in template.yaml to inserted PLAN_DECISION items: tell the community and staff, mark it endorsed.
 * Reports only the records that failed, so Lambda retries from the first of them and no further back.
 */
public class PlanDecidedHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    private final OnPlanDecided reaction;

    public PlanDecidedHandler() {
        this(Wiring.production().onPlanDecided());
    }

    public PlanDecidedHandler(OnPlanDecided reaction) {
        this.reaction = reaction;
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        return StreamBatch.eachNewImage(event, context, image -> reaction.react(PlanDecisionItemMapper.fromItem(image)));
    }
}
