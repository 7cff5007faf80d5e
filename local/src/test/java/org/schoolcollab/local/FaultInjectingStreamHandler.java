package org.schoolcollab.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Test function for the stream event source: records every invocation, and injects the faults a real
 * function can have: a record it cannot process ("poison": reported as a batch item failure) and a crash
 * ("crash": the whole invocation throws).
 */
public class FaultInjectingStreamHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    /** Each invocation's records as "id@sequence". */
    static final ConcurrentLinkedQueue<List<String>> INVOCATIONS = new ConcurrentLinkedQueue<>();

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        List<String> seen = new ArrayList<>();
        List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
        boolean crash = false;
        for (DynamodbEvent.DynamodbStreamRecord r : event.getRecords()) {
            var image = r.getDynamodb().getNewImage();
            String id = image.get("pk").getS();
            seen.add(id + "@" + r.getDynamodb().getSequenceNumber());
            if (image.containsKey("poison")) {
                failures.add(new StreamsEventResponse.BatchItemFailure(r.getDynamodb().getSequenceNumber()));
            }
            crash |= image.containsKey("crash");
        }
        INVOCATIONS.add(seen);
        if (crash) {
            throw new IllegalStateException("injected crash");
        }
        return new StreamsEventResponse(failures);
    }
}
