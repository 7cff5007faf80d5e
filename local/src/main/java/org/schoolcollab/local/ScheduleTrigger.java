package org.schoolcollab.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.schoolcollab.local.template.ScheduleSource;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The template's ScheduleV2 events, fired on demand (a yearly schedule would never fire in a dev session): the
 * payload Scheduler builds, invoked synchronously, retried as the RetryPolicy says (at most twice here), then
 * written to schedule-&lt;Function&gt;.dead-letter.jsonl in the data folder.
 */
final class ScheduleTrigger {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int MAX_LOCAL_RETRIES = 2;
    static final long FIRST_RETRY_DELAY_MILLIS = 100;

    record Target(ScheduleSource source, LocalFunction function) {}

    /** What one firing came to: the handler's response (JSON text), or the error it ended with. */
    record Outcome(String schedule, String time, String response, String error, int attempts, Path deadLetter) {
        boolean failed() {
            return error != null;
        }
    }

    private final List<Target> targets = new ArrayList<>();
    private final OnFailureDestination deadLetters;

    ScheduleTrigger(List<LocalFunction> functions, Path stateDir) {
        this.deadLetters = new OnFailureDestination(stateDir, ".dead-letter.jsonl");
        for (LocalFunction f : functions) {
            for (ScheduleSource s : f.definition().schedules()) {
                requireJson(s);
                targets.add(new Target(s, f));
            }
        }
    }

    /** Scheduler refuses a Lambda target whose Input is not well-formed JSON: so does the runner, at start. */
    private static void requireJson(ScheduleSource s) {
        try {
            JSON.readTree(SchedulerPayload.of(s, Instant.EPOCH, UUID.randomUUID().toString(), 1));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(s.functionId() + "." + s.name()
                    + ": Input must be well-formed JSON for a Lambda target: " + e.getOriginalMessage());
        }
    }

    /** The function's schedule of that event name, or its first when name is null. */
    Optional<Target> find(String functionId, String name) {
        return targets.stream().filter(t -> t.function().id().equals(functionId)
                && (name == null || t.source().name().equals(name))).findFirst();
    }

    Outcome fire(Target target, Instant scheduledTime) {
        ScheduleSource s = target.source();
        String executionId = UUID.randomUUID().toString();
        int attempts = 1 + Math.min(s.maximumRetryAttempts(), MAX_LOCAL_RETRIES);
        String time = SchedulerPayload.time(scheduledTime);
        String payload = null;
        Throwable last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            if (attempt > 1) {
                BatchDelivery.sleepQuietly(FIRST_RETRY_DELAY_MILLIS << (attempt - 2));
            }
            payload = SchedulerPayload.of(s, scheduledTime, executionId, attempt);
            try {
                return new Outcome(s.name(), time, target.function().invoke(payload), null, attempt, null);
            } catch (RuntimeException e) {
                last = LocalFunction.reported(e);
                System.err.println("schedule " + s.scheduleName() + ": attempt " + attempt + " of " + attempts
                        + " failed: " + last);
            }
        }
        String error = String.valueOf(last.getMessage());
        return new Outcome(s.name(), time, null, error, attempts, deadLetter(target, payload, executionId, time, error));
    }

    /** A dead-letter message as Scheduler sends it to SQS: the payload as body, what went wrong as attributes. */
    private Path deadLetter(Target target, String payload, String executionId, String time, String error) {
        ObjectNode message = JSON.createObjectNode();
        ObjectNode attributes = message.putObject("messageAttributes");
        attributes.put("ERROR_CODE", "Lambda.Unhandled");
        attributes.put("ERROR_MESSAGE", error);
        attributes.put("EXECUTION_ID", executionId);
        attributes.put("SCHEDULE_ARN", target.source().scheduleArn());
        attributes.put("SCHEDULED_TIME", time);
        attributes.put("TARGET_ARN", LocalFunction.arn(target.function().id()));
        message.put("body", payload);
        String name = "schedule-" + target.function().id();
        try {
            deadLetters.send(name, message);
        } catch (IOException e) {
            System.err.println("schedule " + target.source().scheduleName() + ": could not write "
                    + deadLetters.file(name) + ": " + e);
        }
        return deadLetters.file(name);
    }

    /** Dead-letter messages written since start. */
    List<JsonNode> deadLetters() {
        return deadLetters.records();
    }

    /** One line per schedule for the start-up banner. */
    List<String> describe(String base) {
        return targets.stream().map(t -> t.function().id() + "." + t.source().name() + " ("
                + t.source().scheduleExpression() + " " + t.source().timezone() + "): POST " + base
                + "/local/schedules/" + t.function().id()).toList();
    }
}
