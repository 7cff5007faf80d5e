package org.schoolcollab.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import org.schoolcollab.eoi.EoiItemMapper;
import org.schoolcollab.notify.EoiNotifier;


/**
 * Table stream, filtered in template.yaml to inserted EOI items: notify staff and the contact.
 * Reports only the records that failed, so Lambda retries from the first of them and no further back.
 */
public class EoiNotificationsHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    private final EoiNotifier notifier;

    public EoiNotificationsHandler() {
        this(Wiring.eoiNotifier());
    }

    public EoiNotificationsHandler(EoiNotifier notifier) {
        this.notifier = notifier;
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        return StreamBatch.eachNewImage(event, context, image -> notifier.onSubmitted(EoiItemMapper.fromItem(image)));
    }
}
