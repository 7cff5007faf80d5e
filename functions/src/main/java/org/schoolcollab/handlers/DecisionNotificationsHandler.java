package org.schoolcollab.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import org.schoolcollab.eoi.EoiDecisionItemMapper;
import org.schoolcollab.notify.DecisionNotifier;

/** Table stream, filtered in template.yaml to inserted DECISION items: tell the contact, record it for staff. */
public class DecisionNotificationsHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    private final DecisionNotifier notifier;

    public DecisionNotificationsHandler() {
        this(Wiring.decisionNotifier());
    }

    public DecisionNotificationsHandler(DecisionNotifier notifier) {
        this.notifier = notifier;
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        return StreamBatch.eachNewImage(event, context,
                image -> notifier.onDecision(EoiDecisionItemMapper.fromItem(image)));
    }
}
