package org.schoolcollab.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.transformers.v2.dynamodb.DynamodbAttributeValueTransformer;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import org.schoolcollab.eoi.EoiItemMapper;
import org.schoolcollab.notify.EoiNotifier;

import java.util.ArrayList;
import java.util.List;

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
        List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
        for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
            String sequence = record.getDynamodb() == null ? null : record.getDynamodb().getSequenceNumber();
            try {
                var image = DynamodbAttributeValueTransformer.toAttributeValueMapV2(record.getDynamodb().getNewImage());
                notifier.onSubmitted(EoiItemMapper.fromItem(image));
            } catch (RuntimeException e) {
                if (context != null) {
                    context.getLogger().log("stream record failed eventID=" + record.getEventID() + " sequence="
                            + sequence + ": " + e, LogLevel.ERROR);
                }
                failures.add(new StreamsEventResponse.BatchItemFailure(sequence));
            }
        }
        return new StreamsEventResponse(failures);
    }
}
