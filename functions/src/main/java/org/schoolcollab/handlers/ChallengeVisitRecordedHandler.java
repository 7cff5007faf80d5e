package org.schoolcollab.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import org.schoolcollab.visit.ChallengeVisitRecorded;
import org.schoolcollab.visit.VisitItemMapper;

/** Table stream, filtered in template.yaml to inserted VISIT items: the cluster's contact and staff told. */
public class ChallengeVisitRecordedHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    private final ChallengeVisitRecorded reaction;

    public ChallengeVisitRecordedHandler() {
        this(Wiring.challengeVisitRecorded());
    }

    public ChallengeVisitRecordedHandler(ChallengeVisitRecorded reaction) {
        this.reaction = reaction;
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        return StreamBatch.eachNewImage(event, context, image -> reaction.onVisit(VisitItemMapper.fromItem(image)));
    }
}
