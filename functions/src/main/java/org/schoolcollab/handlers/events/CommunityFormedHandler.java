package org.schoolcollab.handlers.events;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import org.schoolcollab.community.adapters.EoiDecisionItemMapper;
import org.schoolcollab.funding.OnCommunityFormed;
import org.schoolcollab.wiring.Wiring;

/**
 * Table stream, filtered in template.yaml to inserted APPROVED decisions: formation allowance records.
 * Reports only the records that failed, so Lambda retries from the first of them and no further back.
 */
public class CommunityFormedHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    private final OnCommunityFormed reaction;

    public CommunityFormedHandler() {
        this(Wiring.production().onCommunityFormed());
    }

    public CommunityFormedHandler(OnCommunityFormed reaction) {
        this.reaction = reaction;
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        return StreamBatch.eachNewImage(event, context, image -> reaction.react(EoiDecisionItemMapper.fromItem(image)));
    }
}
