package org.schoolcollab.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import org.schoolcollab.wiring.Env;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Test function for schedules: records every ScheduledEvent as the runner's Lambda serialiser made it, answers with
 * the event's id, its attempt and the WEB_ORIGIN it reads; as FlakyFunction it fails each execution's first
 * attempt, as BrokenFunction every attempt.
 */
public class RecordingScheduleHandler implements RequestHandler<ScheduledEvent, Map<String, Object>> {
    record Invocation(String function, ScheduledEvent event) {
        String attempt() {
            return String.valueOf(event.getDetail().get("attempt"));
        }
    }

    static final ConcurrentLinkedQueue<Invocation> INVOCATIONS = new ConcurrentLinkedQueue<>();

    /** The function's invocations for the scheduled time, oldest first. */
    static List<Invocation> of(String function, Instant time) {
        return INVOCATIONS.stream().filter(i -> i.function().equals(function)
                && i.event().getTime().getMillis() == time.toEpochMilli()).toList();
    }

    @Override
    public Map<String, Object> handleRequest(ScheduledEvent event, Context context) {
        Invocation invocation = new Invocation(context.getFunctionName(), event);
        INVOCATIONS.add(invocation);
        boolean fail = switch (invocation.function()) {
            case "FlakyFunction" -> invocation.attempt().equals("1");
            case "BrokenFunction" -> true;
            default -> false;
        };
        if (fail) {
            throw new IllegalStateException("injected failure of " + event.getId() + " attempt " + invocation.attempt());
        }
        return Map.of("id", event.getId(), "attempt", invocation.attempt(),
                "webOrigin", Env.find("WEB_ORIGIN").orElse("(none)"));
    }
}
