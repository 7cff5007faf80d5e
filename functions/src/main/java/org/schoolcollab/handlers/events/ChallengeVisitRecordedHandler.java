package org.schoolcollab.handlers.events;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import org.schoolcollab.visit.OnChallengeVisitRecorded;
import org.schoolcollab.visit.adapters.VisitItemMapper;
import org.schoolcollab.wiring.Wiring;

/**
 * Table stream, filtered in template.yaml to inserted VISIT items: the cluster's contact and staff told.
 * Reports only the records that failed, so Lambda retries from the first of them and no further back.
 */
public class ChallengeVisitRecordedHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    private final OnChallengeVisitRecorded reaction;

    public ChallengeVisitRecordedHandler() {
        this(Wiring.production().onChallengeVisitRecorded());
    }

    public ChallengeVisitRecordedHandler(OnChallengeVisitRecorded reaction) {
        this.reaction = reaction;
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        return StreamBatch.eachNewImage(event, context, image -> reaction.react(VisitItemMapper.fromItem(image)));
    }
}
