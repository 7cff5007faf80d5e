package org.schoolcollab.handlers.events;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import org.schoolcollab.grant.OnGrantAwarded;
import org.schoolcollab.grant.adapters.GrantItemMapper;
import org.schoolcollab.wiring.Wiring;

/**
 * Table stream, filtered in template.yaml to inserted GRANT items: funding record, contact and staff told.
 * Reports only the records that failed, so Lambda retries from the first of them and no further back.
 */
public class GrantAwardedHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    private final OnGrantAwarded reaction;

    public GrantAwardedHandler() {
        this(Wiring.production().onGrantAwarded());
    }

    public GrantAwardedHandler(OnGrantAwarded reaction) {
        this.reaction = reaction;
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        return StreamBatch.eachNewImage(event, context, image -> reaction.react(GrantItemMapper.fromItem(image)));
    }
}
