package org.schoolcollab.handlers.events;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import org.schoolcollab.funding.OnRolesRecorded;
import org.schoolcollab.funding.adapters.RolesRecordedItemMapper;
import org.schoolcollab.wiring.Wiring;

/**
 * Table stream, filtered in template.yaml to inserted ROLES_RECORDED items: release the community's roles and
 * inquiry hours, and say so. Reports only the records that failed.
 */
public class RolesRecordedHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    private final OnRolesRecorded reaction;

    public RolesRecordedHandler() {
        this(Wiring.production().onRolesRecorded());
    }

    public RolesRecordedHandler(OnRolesRecorded reaction) {
        this.reaction = reaction;
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        return StreamBatch.eachNewImage(event, context, image -> reaction.react(RolesRecordedItemMapper.fromItem(image)));
    }
}
