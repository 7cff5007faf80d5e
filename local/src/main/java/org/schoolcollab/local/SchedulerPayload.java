package org.schoolcollab.local;

import org.schoolcollab.local.template.ScheduleSource;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** What EventBridge Scheduler sends a Lambda target: the schedule's Input with its context attributes filled in. */
final class SchedulerPayload {
    private SchedulerPayload() {
    }

    /** Scheduler's scheduled time: ISO-8601 in UTC, to the second (2027-02-01T00:00:00Z). */
    static String time(Instant scheduledTime) {
        return DateTimeFormatter.ISO_INSTANT.format(scheduledTime.truncatedTo(ChronoUnit.SECONDS));
    }

    /** The Input with &lt;aws.scheduler.*&gt; replaced; the execution id is the same for every attempt. */
    static String of(ScheduleSource schedule, Instant scheduledTime, String executionId, int attempt) {
        return schedule.input()
                .replace("<aws.scheduler.schedule-arn>", schedule.scheduleArn())
                .replace("<aws.scheduler.scheduled-time>", time(scheduledTime))
                .replace("<aws.scheduler.execution-id>", executionId)
                .replace("<aws.scheduler.attempt-number>", Integer.toString(attempt));
    }
}
