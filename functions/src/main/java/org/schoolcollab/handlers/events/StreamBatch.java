package org.schoolcollab.handlers.events;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.transformers.v2.dynamodb.DynamodbAttributeValueTransformer;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The loop every stream reaction shares: each record's new image to the reaction, and only the records that
 * failed reported back, so Lambda retries from the first of them and no further back.
 */
final class StreamBatch {
    private StreamBatch() {}

    static StreamsEventResponse eachNewImage(DynamodbEvent event, Context context,
                                             Consumer<Map<String, AttributeValue>> reaction) {
        List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
        for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
            String sequence = record.getDynamodb() == null ? null : record.getDynamodb().getSequenceNumber();
            try {
                reaction.accept(DynamodbAttributeValueTransformer.toAttributeValueMapV2(record.getDynamodb().getNewImage()));
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
