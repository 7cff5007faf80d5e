package org.schoolcollab.local;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.schoolcollab.local.template.FunctionDefinition;
import org.schoolcollab.local.template.SamTemplate;
import org.schoolcollab.local.template.ScheduleSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How the runner reads a SAM ScheduleV2 event, and the payload it builds from it as EventBridge Scheduler does. */
class ScheduleSourceUnitTest {
    private static final String YEARLY = """
            SchoolYearStarts:
              Type: ScheduleV2
              Properties:
                ScheduleExpression: !Ref AllowanceSchedule
                ScheduleExpressionTimezone: Pacific/Auckland
                Input: !Sub '{"version":"0","id":"<aws.scheduler.execution-id>","detail-type":"Scheduled Event","source":"aws.scheduler","account":"${AWS::AccountId}","time":"<aws.scheduler.scheduled-time>","region":"${AWS::Region}","resources":["<aws.scheduler.schedule-arn>"],"detail":{"attempt":"<aws.scheduler.attempt-number>"}}'
                RetryPolicy: {MaximumRetryAttempts: 10, MaximumEventAgeInSeconds: 86400}
                DeadLetterConfig: {Type: SQS}
            """;

    private static SamTemplate template(Path dir, String events, Map<String, String> parameters) throws IOException {
        Path file = dir.resolve("template.yaml");
        Files.writeString(file, """
                Transform: AWS::Serverless-2016-10-31
                Parameters:
                  AllowanceSchedule:
                    Type: String
                    Default: cron(0 9 1 2 ? *)
                Resources:
                  YearlyFunction:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: x.Y::handleRequest
                      Events:
                """ + events.indent(8));
        return SamTemplate.load(file, parameters);
    }

    private static ScheduleSource schedule(Path dir, String events) throws IOException {
        FunctionDefinition f = template(dir, events, Map.of()).functions().getFirst();
        assertThat(f.schedules()).hasSize(1);
        return f.schedules().getFirst();
    }

    @Test
    void aScheduleV2EventIsReadWithItsIntrinsicsResolved(@TempDir Path dir) throws Exception {
        ScheduleSource s = schedule(dir, YEARLY);
        assertThat(s.name()).isEqualTo("SchoolYearStarts");
        assertThat(s.functionId()).isEqualTo("YearlyFunction");
        assertThat(s.scheduleExpression()).isEqualTo("cron(0 9 1 2 ? *)");
        assertThat(s.timezone()).isEqualTo("Pacific/Auckland");
        assertThat(s.input()).contains("\"account\":\"000000000000\"", "\"region\":\"us-east-1\"",
                "\"id\":\"<aws.scheduler.execution-id>\"");
        assertThat(s.maximumRetryAttempts()).isEqualTo(10);
        assertThat(s.hasDeadLetterConfig()).isTrue();
        assertThat(s.scheduleArn())
                .isEqualTo("arn:aws:scheduler:us-east-1:000000000000:schedule/default/YearlyFunction-SchoolYearStarts");
    }

    @Test
    void aParameterOverrideReachesTheScheduleExpression(@TempDir Path dir) throws Exception {
        ScheduleSource s = template(dir, YEARLY, Map.of("AllowanceSchedule", "rate(5 minutes)"))
                .functions().getFirst().schedules().getFirst();
        assertThat(s.scheduleExpression()).isEqualTo("rate(5 minutes)");
    }

    @Test
    void whatTheTemplateLeavesOutTakesSchedulersDefaults(@TempDir Path dir) throws Exception {
        ScheduleSource s = schedule(dir, """
                Nightly:
                  Type: ScheduleV2
                  Properties: {ScheduleExpression: rate(1 day)}
                """);
        assertThat(s.timezone()).isEqualTo("UTC");
        assertThat(s.input()).isEqualTo("{}");
        assertThat(s.maximumRetryAttempts()).isEqualTo(185);
        assertThat(s.hasDeadLetterConfig()).isFalse();
    }

    @Test
    void aScheduleTheRunnerCannotFireFailsAtStart(@TempDir Path dir) {
        assertThatThrownBy(() -> template(dir, """
                E: {Type: ScheduleV2, Properties: {ScheduleExpression: every year}}
                """, Map.of()).functions()).hasMessageContaining("ScheduleExpression must be");
        assertThatThrownBy(() -> template(dir, """
                E: {Type: ScheduleV2, Properties: {ScheduleExpression: rate(1 day), ScheduleExpressionTimezone: Mars/Olympus}}
                """, Map.of()).functions()).hasMessageContaining("is not a time zone");
        assertThatThrownBy(() -> template(dir, """
                E: {Type: ScheduleV2, Properties: {ScheduleExpression: rate(1 day), RetryPolicy: {MaximumRetryAttempts: 200}}}
                """, Map.of()).functions()).hasMessageContaining("MaximumRetryAttempts must be 0 to 185");
        // The EventBridge rule kind (Schedule, not ScheduleV2) is another event type: still refused loudly.
        assertThatThrownBy(() -> template(dir, """
                E: {Type: Schedule, Properties: {Schedule: rate(1 day)}}
                """, Map.of()).functions())
                .hasMessage("the local runner does not support event type Schedule (YearlyFunction.E)");
    }

    @Test
    void thePayloadIsTheInputWithSchedulersContextAttributes(@TempDir Path dir) throws Exception {
        ScheduleSource s = schedule(dir, YEARLY);
        String payload = SchedulerPayload.of(s, Instant.parse("2027-02-01T00:00:00.750Z"), "exec-1", 2);
        assertThat(LocalApi.JSON.readTree(payload)).isEqualTo(LocalApi.JSON.readTree("""
                {"version":"0","id":"exec-1","detail-type":"Scheduled Event","source":"aws.scheduler",
                 "account":"000000000000","time":"2027-02-01T00:00:00Z","region":"us-east-1",
                 "resources":["arn:aws:scheduler:us-east-1:000000000000:schedule/default/YearlyFunction-SchoolYearStarts"],
                 "detail":{"attempt":"2"}}
                """));
    }

    @Test
    void theLambdaRuntimeTurnsThePayloadIntoAScheduledEvent(@TempDir Path dir) throws Exception {
        String payload = SchedulerPayload.of(schedule(dir, YEARLY), Instant.parse("2027-02-01T00:00:00Z"), "exec-1", 1);
        ScheduledEvent event = LambdaEventSerializers.serializerFor(ScheduledEvent.class,
                ScheduledEvent.class.getClassLoader()).fromJson(payload);
        assertThat(event.getId()).isEqualTo("exec-1");
        assertThat(event.getDetailType()).isEqualTo("Scheduled Event");
        assertThat(event.getSource()).isEqualTo("aws.scheduler");
        assertThat(event.getTime().getMillis()).isEqualTo(Instant.parse("2027-02-01T00:00:00Z").toEpochMilli());
        assertThat(event.getResources()).containsExactly(
                "arn:aws:scheduler:us-east-1:000000000000:schedule/default/YearlyFunction-SchoolYearStarts");
        assertThat(event.getDetail()).isEqualTo(Map.of("attempt", "1"));
        assertThat(List.of(event.getAccount(), event.getRegion())).containsExactly("000000000000", "us-east-1");
    }

    @Test
    void anInputThatIsNotJsonIsRefusedAtStart(@TempDir Path dir) throws Exception {
        SamTemplate t = template(dir, """
                E: {Type: ScheduleV2, Properties: {ScheduleExpression: rate(1 day), Input: 'year started'}}
                """, Map.of());
        List<LocalFunction> functions = t.functions().stream().map(LocalFunction::new).toList();
        assertThatThrownBy(() -> new ScheduleTrigger(functions, dir))
                .hasMessageContaining("YearlyFunction.E: Input must be well-formed JSON");
    }

    @Test
    void theBannerSaysHowToFireEachSchedule(@TempDir Path dir) throws Exception {
        List<LocalFunction> functions = template(dir, YEARLY, Map.of()).functions().stream().map(LocalFunction::new).toList();
        assertThat(new ScheduleTrigger(functions, dir).describe("http://localhost:3000")).containsExactly(
                "YearlyFunction.SchoolYearStarts (cron(0 9 1 2 ? *) Pacific/Auckland): "
                        + "POST http://localhost:3000/local/schedules/YearlyFunction");
    }
}
