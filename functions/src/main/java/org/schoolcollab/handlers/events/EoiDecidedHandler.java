package org.schoolcollab.handlers.events;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import org.schoolcollab.community.OnEoiDecided;
import org.schoolcollab.community.adapters.EoiDecisionItemMapper;
import org.schoolcollab.wiring.Wiring;

/**
 * Table stream, filtered in template.yaml to inserted DECISION items: the contact told, staff's record kept.
 * Reports only the records that failed, so Lambda retries from the first of them and no further back.
 */
public class EoiDecidedHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    private final OnEoiDecided reaction;

    public EoiDecidedHandler() {
        this(Wiring.production().onEoiDecided());
    }

    public EoiDecidedHandler(OnEoiDecided reaction) {
        this.reaction = reaction;
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        return StreamBatch.eachNewImage(event, context, image -> reaction.react(EoiDecisionItemMapper.fromItem(image)));
    }
}
