package org.schoolcollab.handlers.events;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import org.schoolcollab.funding.OnSchoolYearStarted;
import org.schoolcollab.wiring.Wiring;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The yearly schedule (EventBridge Scheduler, template.yaml: YearlyAllowanceFunction): the maintenance allowance of
 * the school year the schedule fired in. A retry pays nothing twice. Returns what the run recorded, per programme.
 */
public class SchoolYearStartedHandler implements RequestHandler<ScheduledEvent, Map<String, Object>> {
    private final OnSchoolYearStarted reaction;

    public SchoolYearStartedHandler() {
        this(Wiring.production().onSchoolYearStarted());
    }

    public SchoolYearStartedHandler(OnSchoolYearStarted reaction) {
        this.reaction = reaction;
    }

    @Override
    public Map<String, Object> handleRequest(ScheduledEvent event, Context context) {
        // Scheduler's scheduled time, not the moment of delivery: a late retry still pays the year it was for.
        Instant firedAt = event.getTime() == null ? Instant.now() : Instant.ofEpochMilli(event.getTime().getMillis());
        List<OnSchoolYearStarted.Run> runs = reaction.react(firedAt);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("time", firedAt.toString());
        out.put("runs", runs.stream().map(r -> Map.of("programme", r.programme().id(), "schoolYear", r.schoolYear(),
                "communities", r.communities(), "recordsStored", r.recordsStored())).toList());
        if (context != null) {
            context.getLogger().log("maintenance allowance run for " + firedAt + ": " + out.get("runs"));
        }
        return out;
    }
}
