package org.schoolcollab.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The runner's ScheduleV2 events over HTTP: POST /local/schedules/{Function} delivers the real ScheduledEvent as
 * EventBridge Scheduler builds it, retries a failing handler as the RetryPolicy says (at most twice here), then
 * writes the dead-letter message; and functions see the runner's own origin as WEB_ORIGIN.
 */
class ScheduleEventSourceIntegrationTest {
    private static final String ARN_PREFIX = "arn:aws:scheduler:us-east-1:000000000000:schedule/default/";
    private static LocalRunner runner;
    private static LocalApi api;

    @BeforeAll
    static void start() throws Exception {
        Path template = Path.of(ScheduleEventSourceIntegrationTest.class.getResource("/schedule-test-template.yaml").toURI());
        runner = LocalRunner.start(new LocalRunner.Options(0, null, false, true, template, Map.of()));
        api = new LocalApi(runner.port());
    }

    @AfterAll
    static void stop() {
        runner.close();
    }

    private static LocalApi.Response fire(String function, String body) {
        return api.send("POST", "/local/schedules/" + function, null, body,
                body == null ? Map.of() : Map.of("content-type", "application/json"));
    }

    @Test
    void firingAScheduleDeliversTheScheduledEventSchedulerWouldSend() {
        Instant time = Instant.parse("2027-02-01T00:00:00Z");
        LocalApi.Response r = fire("YearlyFunction", "{\"time\": \"2027-02-01T00:00:00Z\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.header("content-type")).isEqualTo("application/json");
        JsonNode body = r.json();
        assertThat(body.get("function").asText()).isEqualTo("YearlyFunction");
        assertThat(body.get("schedule").asText()).isEqualTo("SchoolYearStarts");
        assertThat(body.get("time").asText()).isEqualTo("2027-02-01T00:00:00Z");

        List<RecordingScheduleHandler.Invocation> invocations = RecordingScheduleHandler.of("YearlyFunction", time);
        assertThat(invocations).hasSize(1);
        var event = invocations.getFirst().event();
        assertThat(event.getId()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(event.getTime().getMillis()).isEqualTo(time.toEpochMilli());
        assertThat(event.getResources()).containsExactly(ARN_PREFIX + "YearlyFunction-SchoolYearStarts");
        assertThat(event.getDetailType()).isEqualTo("Scheduled Event");
        assertThat(event.getSource()).isEqualTo("aws.scheduler");
        assertThat(event.getAccount()).isEqualTo("000000000000");
        assertThat(event.getRegion()).isEqualTo("us-east-1");
        assertThat(event.getDetail()).containsEntry("attempt", "1");
        // The handler's own response, as JSON.
        assertThat(body.at("/response/id").asText()).isEqualTo(event.getId());
        assertThat(body.at("/response/attempt").asText()).isEqualTo("1");
    }

    @Test
    void withoutABodyTheScheduledTimeIsNowAndEachFiringIsANewExecution() {
        Instant before = Instant.now().minusSeconds(1);
        LocalApi.Response first = fire("YearlyFunction", null);
        LocalApi.Response second = fire("YearlyFunction", "{}");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        Instant time = Instant.parse(first.json().get("time").asText());
        assertThat(time).isBetween(before, Instant.now().plusSeconds(1));
        assertThat(first.json().at("/response/id").asText()).isNotEqualTo(second.json().at("/response/id").asText());
    }

    @Test
    void aFunctionsOtherScheduleIsFiredByName() {
        LocalApi.Response r = fire("YearlyFunction", "{\"time\": \"2028-03-06T08:00:00+13:00\", \"schedule\": \"TermReminder\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("schedule").asText()).isEqualTo("TermReminder");
        assertThat(r.json().get("time").asText()).isEqualTo("2028-03-05T19:00:00Z");
        var event = RecordingScheduleHandler.of("YearlyFunction", Instant.parse("2028-03-05T19:00:00Z")).getFirst().event();
        assertThat(event.getDetailType()).isEqualTo("Term reminder");
        assertThat(event.getResources()).containsExactly(ARN_PREFIX + "YearlyFunction-TermReminder");
    }

    @Test
    void aFunctionWithoutThatScheduleIs404() {
        for (String[] request : List.of(new String[]{"UnscheduledFunction", null}, new String[]{"NoSuchFunction", null},
                new String[]{"YearlyFunction", "{\"schedule\": \"NoSuchEvent\"}"})) {
            LocalApi.Response r = fire(request[0], request[1]);
            assertThat(r.status()).as(request[0] + " " + r.body()).isEqualTo(404);
            assertThat(r.header("content-type")).isEqualTo("application/problem+json");
            assertThat(r.json().get("detail").asText()).contains(request[0]);
        }
    }

    @Test
    void aBodyThatIsNotAnObjectOrATimeThatIsNotAnInstantIs400() {
        int before = RecordingScheduleHandler.INVOCATIONS.size();
        for (String body : List.of("[1]", "\"2027-02-01T00:00:00Z\"", "not json", "{\"time\": \"tomorrow\"}",
                "{\"time\": \"2027-02-01\"}", "{\"time\": 1800000000}")) {
            LocalApi.Response r = fire("YearlyFunction", body);
            assertThat(r.status()).as(body + " " + r.body()).isEqualTo(400);
            assertThat(r.header("content-type")).isEqualTo("application/problem+json");
            assertThat(r.json().get("status").asInt()).isEqualTo(400);
        }
        assertThat(RecordingScheduleHandler.INVOCATIONS).as("nothing fired").hasSize(before);
    }

    @Test
    void aHandlerThatFailsOnceIsRetriedAndSucceeds() {
        Instant time = Instant.parse("2029-01-01T00:00:00Z");
        LocalApi.Response r = fire("FlakyFunction", "{\"time\": \"" + time + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().at("/response/attempt").asText()).isEqualTo("2");
        List<RecordingScheduleHandler.Invocation> attempts = RecordingScheduleHandler.of("FlakyFunction", time);
        assertThat(attempts).extracting(RecordingScheduleHandler.Invocation::attempt).containsExactly("1", "2");
        assertThat(attempts).extracting(a -> a.event().getId()).as("one execution, two attempts")
                .containsOnly(attempts.getFirst().event().getId());
    }

    @Test
    void aHandlerThatAlwaysFailsEndsInTheDeadLetterFileAnd502() throws Exception {
        Instant time = Instant.parse("2030-02-01T00:00:00Z");
        LocalApi.Response r = fire("BrokenFunction", "{\"time\": \"" + time + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(502);
        assertThat(r.header("content-type")).isEqualTo("application/problem+json");
        List<RecordingScheduleHandler.Invocation> attempts = RecordingScheduleHandler.of("BrokenFunction", time);
        assertThat(attempts).as("1 attempt + 2 retries (MaximumRetryAttempts 10, capped locally)")
                .extracting(RecordingScheduleHandler.Invocation::attempt).containsExactly("1", "2", "3");
        String executionId = attempts.getFirst().event().getId();
        assertThat(r.json().get("detail").asText()).isEqualTo("injected failure of " + executionId + " attempt 3");
        assertThat(r.json().get("attempts").asInt()).isEqualTo(3);
        assertThat(r.json().get("deadLetter").asText()).isEqualTo("schedule-BrokenFunction.dead-letter.jsonl");

        Path file = runner.stateDir().resolve("schedule-BrokenFunction.dead-letter.jsonl");
        List<JsonNode> lines = Files.readAllLines(file).stream().map(l -> {
            try {
                return LocalApi.JSON.readTree(l);
            } catch (Exception e) {
                throw new AssertionError(l, e);
            }
        }).filter(m -> m.at("/messageAttributes/EXECUTION_ID").asText().equals(executionId)).toList();
        assertThat(lines).hasSize(1);
        JsonNode message = lines.getFirst();
        assertThat(message.at("/messageAttributes/SCHEDULE_ARN").asText()).isEqualTo(ARN_PREFIX + "BrokenFunction-Nightly");
        assertThat(message.at("/messageAttributes/SCHEDULED_TIME").asText()).isEqualTo("2030-02-01T00:00:00Z");
        assertThat(message.at("/messageAttributes/TARGET_ARN").asText()).endsWith(":function:BrokenFunction");
        assertThat(message.at("/messageAttributes/ERROR_MESSAGE").asText()).contains("injected failure");
        assertThat(LocalApi.JSON.readTree(message.get("body").asText()).get("id").asText()).isEqualTo(executionId);
        assertThat(runner.scheduleDeadLetters()).contains(message);
    }

    @Test
    void functionsSeeTheRunnersOwnOriginAsWebOrigin() {
        assertThat(runner.origin()).isEqualTo("http://localhost:" + runner.port());
        LocalApi.Response r = fire("YearlyFunction", null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().at("/response/webOrigin").asText()).as("the template's value is overridden")
                .isEqualTo(runner.origin());
        assertThat(api.get("/local/health", null).status()).as("and the origin answers").isEqualTo(200);
    }

    @Test
    void retriesBackOffBriefly() {
        long started = System.nanoTime();
        assertThat(fire("BrokenFunction", "{\"time\": \"2031-02-01T00:00:00Z\"}").status()).isEqualTo(502);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5))
                .isGreaterThanOrEqualTo(Duration.ofMillis(ScheduleTrigger.FIRST_RETRY_DELAY_MILLIS * 3));
    }
}
