package org.schoolcollab.handlers.events;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import org.schoolcollab.plan.OnPlanUploaded;
import org.schoolcollab.wiring.Wiring;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * S3 ObjectCreated under plans/ (template.yaml's filter): each record's file checked against its plan. A key that
 * names no plan is logged and ignored (a retry would not change that); a record that failed is retried by
 * Lambda's asynchronous retries, which the reaction's idempotence makes safe, after the others were done.
 */
public class PlanUploadedHandler implements RequestHandler<S3Event, Void> {
    private final OnPlanUploaded reaction;

    public PlanUploadedHandler() {
        this(Wiring.production().onPlanUploaded());
    }

    public PlanUploadedHandler(OnPlanUploaded reaction) {
        this.reaction = reaction;
    }

    @Override
    public Void handleRequest(S3Event event, Context context) {
        List<String> failed = new ArrayList<>();
        for (S3EventNotification.S3EventNotificationRecord record : event.getRecords()) {
            String key = record.getS3().getObject().getUrlDecodedKey();
            String id = "s3://" + record.getS3().getBucket().getName() + "/" + key + " (" + record.getEventName()
                    + ", request " + Optional.ofNullable(record.getResponseElements())
                    .map(S3EventNotification.ResponseElementsEntity::getxAmzRequestId).orElse("?")
                    + ", sequencer " + record.getS3().getObject().getSequencer() + ")";
            try {
                OnPlanUploaded.Result r = reaction.react(new OnPlanUploaded.ObjectCreated(
                        record.getS3().getBucket().getName(), key, record.getS3().getObject().geteTag(),
                        record.getS3().getObject().getVersionId()));
                LogLevel level = switch (r.outcome()) {
                    case UNKNOWN_KEY, OBJECT_GONE, WRITTEN_AFTER_CHECK, LATE_UPLOAD_MOVED -> LogLevel.WARN;
                    default -> LogLevel.INFO;
                };
                log(context, id + ": " + r.outcome() + (r.detail() == null ? "" : " - " + r.detail()), level);
            } catch (RuntimeException e) {
                log(context, id + " failed: " + e, LogLevel.ERROR);
                failed.add(id);
            }
        }
        if (!failed.isEmpty()) {
            throw new IllegalStateException(failed.size() + " of " + event.getRecords().size()
                    + " plan uploads could not be processed and will be retried: " + String.join("; ", failed));
        }
        return null;
    }

    private static void log(Context context, String message, LogLevel level) {
        if (context != null) {
            context.getLogger().log(message, level);
        }
    }
}
