package org.schoolcollab.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import org.schoolcollab.grant.GrantAwarded;
import org.schoolcollab.grant.GrantItemMapper;

/** Table stream, filtered in template.yaml to inserted GRANT items: funding record, contact and staff told. */
public class GrantAwardedHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    private final GrantAwarded reaction;

    public GrantAwardedHandler() {
        this(Wiring.grantAwarded());
    }

    public GrantAwardedHandler(GrantAwarded reaction) {
        this.reaction = reaction;
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        return StreamBatch.eachNewImage(event, context, image -> reaction.onGrant(GrantItemMapper.fromItem(image)));
    }
}
