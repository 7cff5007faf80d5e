package org.schoolcollab.handlers.events;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import org.schoolcollab.eoi.OnEoiSubmitted;
import org.schoolcollab.eoi.adapters.EoiItemMapper;
import org.schoolcollab.wiring.Wiring;

/**
 * Table stream, filtered in template.yaml to inserted EOI items: staff and the contact are told.
 * Reports only the records that failed, so Lambda retries from the first of them and no further back.
 */
public class EoiSubmittedHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    private final OnEoiSubmitted reaction;

    public EoiSubmittedHandler() {
        this(Wiring.production().onEoiSubmitted());
    }

    public EoiSubmittedHandler(OnEoiSubmitted reaction) {
        this.reaction = reaction;
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        return StreamBatch.eachNewImage(event, context, image -> reaction.react(EoiItemMapper.fromItem(image)));
    }
}
