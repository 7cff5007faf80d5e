package org.schoolcollab.local.template;

/** A SAM ScheduleV2 event (EventBridge Scheduler), so the runner can fire the schedule on demand as Scheduler would. */
public record ScheduleSource(String name, String functionId, String scheduleExpression, String timezone, String input,
                             int maximumRetryAttempts, boolean hasDeadLetterConfig) implements EventSource {
    /** SAM's name for the schedule when the template gives none. */
    public String scheduleName() {
        return functionId + "-" + name;
    }

    /** The schedule's ARN, in the default schedule group, as Scheduler puts it in &lt;aws.scheduler.schedule-arn&gt;. */
    public String scheduleArn() {
        return "arn:aws:scheduler:" + SamTemplate.REGION + ":" + SamTemplate.ACCOUNT + ":schedule/default/"
                + scheduleName();
    }
}
