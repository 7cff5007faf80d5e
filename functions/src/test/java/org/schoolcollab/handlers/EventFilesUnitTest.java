package org.schoolcollab.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.schoolcollab.testsupport.EventFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The sample events in events/ are what API Gateway and the stream poller send, and cover every route. */
class EventFilesUnitTest {

    /**
     * Every HTTP route in template.yaml and the handler test that drives it with its sample events. A new route
     * needs a line here, a sample event in events/ and that test.
     */
    private static final Map<String, String> ROUTES = Map.ofEntries(
            Map.entry("POST /expressions-of-interest", "SubmitEoiHandlerIntegrationTest"),
            Map.entry("GET /expressions-of-interest/{id}", "GetEoiHandlerIntegrationTest"),
            Map.entry("GET /expressions-of-interest", "ListEoisHandlerIntegrationTest"),
            Map.entry("POST /expressions-of-interest/{id}/decision", "DecideEoiHandlerIntegrationTest"),
            Map.entry("GET /communities/{id}", "GetCommunityHandlerIntegrationTest"),
            Map.entry("GET /communities", "ListCommunitiesHandlerIntegrationTest"),
            Map.entry("GET /notifications", "ListNotificationsHandlerIntegrationTest"),
            Map.entry("GET /reports/summary", "ReportSummaryHandlerIntegrationTest"),
            Map.entry("GET /communities/{id}/funding", "GetCommunityFundingHandlerIntegrationTest"),
            Map.entry("POST /communities/{id}/grants", "AwardGrantHandlerIntegrationTest"),
            Map.entry("POST /communities/{id}/plans/{planId}/decision", "DecidePlanHandlerIntegrationTest"),
            Map.entry("POST /communities/{id}/challenge-visits", "RecordChallengeVisitHandlerIntegrationTest"),
            Map.entry("POST /communities/{id}/plans", "RegisterPlanHandlerIntegrationTest"),
            Map.entry("GET /communities/{id}/plans/{planId}/document", "GetPlanDocumentHandlerIntegrationTest"),
            Map.entry("POST /communities/{id}/role-allocation", "RecordRoleAllocationHandlerIntegrationTest"),
            Map.entry("GET /reports/funding", "FundingReportHandlerIntegrationTest"));

    /** S3 events by file-name prefix: the key prefix the function's template filter subscribes, and its test. */
    private static final Map<String, String> S3_PREFIXES = Map.of("plan-received", "plans/");
    private static final Map<String, String> S3_TESTS = Map.of("plan-received", "PlanUploadedHandlerIntegrationTest");

    /** Stream events by file-name prefix: the item type the function's FilterCriteria lets through, and its test. */
    private static final Map<String, String> STREAM_TYPES = Map.of(
            "eoi-notifications", "EOI",
            "decision-notifications", "DECISION",
            "roles-recorded", "ROLES_RECORDED");
    private static final Map<String, String> STREAM_TESTS = Map.of(
            "eoi-notifications", "EoiSubmittedHandlerIntegrationTest",
            "decision-notifications", "EoiDecidedHandlerIntegrationTest",
            "roles-recorded", "RolesRecordedHandlerIntegrationTest");
    /** Scheduler events by file-name prefix: the function whose ScheduleV2 event they are, and its test. */
    private static final Map<String, String> SCHEDULES = Map.of("school-year-started", "YearlyAllowanceFunction");
    private static final Map<String, String> SCHEDULE_TESTS = Map.of("school-year-started",
            "SchoolYearStartedHandlerIntegrationTest");

    static Stream<String> apiEvents() throws IOException {
        return names().stream().filter(n -> streamPrefix(n).isEmpty() && s3Prefix(n).isEmpty() && schedulePrefix(n).isEmpty());
    }

    static Stream<String> scheduleEvents() throws IOException {
        return names().stream().filter(n -> schedulePrefix(n).isPresent());
    }

    private static Optional<String> schedulePrefix(String name) {
        return SCHEDULES.keySet().stream().filter(p -> name.startsWith(p)).findFirst();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scheduleEvents")
    void scheduleEventsAreWhatSchedulerSendsTheirFunction(String name) throws IOException {
        var event = com.amazonaws.services.lambda.runtime.tests.EventLoader.loadScheduledEvent(EventFiles.path(name).toString());
        String function = SCHEDULES.get(schedulePrefix(name).orElseThrow());
        String template = Files.readString(EventFiles.root().getParent().resolve("template.yaml"));
        assertThat(template.substring(template.indexOf("  " + function + ":"))).as("%s has a ScheduleV2 event", function)
                .contains("Type: ScheduleV2");
        assertThat(event.getSource()).isEqualTo("aws.scheduler");
        assertThat(event.getDetailType()).isEqualTo("Scheduled Event");
        assertThat(event.getTime()).isNotNull();
        assertThat(event.getResources()).singleElement().asString().startsWith("arn:aws:scheduler:").contains(function);
    }

    static Stream<String> s3Events() throws IOException {
        return names().stream().filter(n -> s3Prefix(n).isPresent());
    }

    private static Optional<String> s3Prefix(String name) {
        return S3_PREFIXES.keySet().stream().filter(p -> name.startsWith(p + "-")).findFirst();
    }

    static Stream<String> streamEvents() throws IOException {
        return names().stream().filter(n -> streamPrefix(n).isPresent());
    }

    private static Optional<String> streamPrefix(String name) {
        return STREAM_TYPES.keySet().stream().filter(p -> name.startsWith(p + "-")).findFirst();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apiEvents")
    void apiEventsAreHttpApiPayloadV2WithCognitoClaims(String name) {
        APIGatewayV2HTTPEvent event = EventFiles.api(name);

        assertThat(event.getVersion()).isEqualTo("2.0");
        var context = event.getRequestContext();
        assertThat(event.getRouteKey()).isEqualTo(context.getRouteKey())
                .startsWith(context.getHttp().getMethod() + " /")
                .isIn(ROUTES.keySet());
        assertThat(event.getRawPath()).isEqualTo(context.getHttp().getPath());
        assertThat(context.getRequestId()).isNotBlank();
        assertThat(context.getStage()).isEqualTo("$default");
        var claims = EventFiles.claims(event);
        assertThat(claims).containsKeys("sub", "email", "cognito:groups", "iss", "token_use");
        assertThat(claims.get("cognito:groups")).isIn("[school]", "[staff]");
        if (claims.get("cognito:groups").equals("[school]")) {
            assertThat(claims.get("custom:schoolNumber")).matches("[0-9]+");
        }
        // The raw path is the route's path with each {parameter} replaced by its value.
        String path = event.getRouteKey().substring(event.getRouteKey().indexOf(' ') + 1);
        Matcher parameter = Pattern.compile("\\{(\\w+)}").matcher(path);
        while (parameter.find()) {
            assertThat(event.getPathParameters()).containsKey(parameter.group(1));
        }
        String expanded = path;
        if (event.getPathParameters() != null) {
            for (var p : event.getPathParameters().entrySet()) {
                expanded = expanded.replace("{" + p.getKey() + "}", p.getValue());
            }
        }
        assertThat(event.getRawPath()).isEqualTo(expanded);
        if (event.getQueryStringParameters() != null) {
            Map<String, String> raw = new java.util.HashMap<>();
            for (String pair : event.getRawQueryString().split("&")) {
                raw.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
            assertThat(raw).isEqualTo(event.getQueryStringParameters());
        }
        if (event.getBody() != null) {
            assertThat(event.getHeaders()).containsKey("content-type").containsKey("content-length");
            assertThat(event.getHeaders().get("content-length"))
                    .isEqualTo(String.valueOf(event.getBody().getBytes(java.nio.charset.StandardCharsets.UTF_8).length));
        }
        assertThat(event.getIsBase64Encoded()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("streamEvents")
    void streamEventsAreInsertsTheirFunctionsFilterLetsThrough(String name) throws IOException {
        DynamodbEvent event = EventFiles.stream(name);
        String type = STREAM_TYPES.get(streamPrefix(name).orElseThrow());
        assertThat(Files.readString(EventFiles.root().getParent().resolve("template.yaml")))
                .as("template.yaml has a stream filter for %s inserts", type)
                .contains("'{\"eventName\": [\"INSERT\"], \"dynamodb\": {\"NewImage\": {\"type\": {\"S\": [\"" + type + "\"]}}}}'");

        assertThat(event.getRecords()).isNotEmpty().allSatisfy(r -> {
            assertThat(r.getEventName()).isEqualTo("INSERT");
            assertThat(r.getEventSource()).isEqualTo("aws:dynamodb");
            assertThat(r.getEventSourceARN()).contains(":table/").contains("/stream/");
            assertThat(r.getDynamodb().getSequenceNumber()).matches("[0-9]+");
            assertThat(r.getDynamodb().getStreamViewType()).isEqualTo("NEW_AND_OLD_IMAGES");
            // What template.yaml's FilterCriteria lets through: the function's item type.
            assertThat(r.getDynamodb().getNewImage().get("type").getS()).isEqualTo(type);
            assertThat(r.getDynamodb().getKeys().get("pk").getS()).matches("(EOI|COMMUNITY)#.+");
            assertThat(r.getDynamodb().getNewImage()).containsEntry("pk", r.getDynamodb().getKeys().get("pk"))
                    .containsEntry("sk", r.getDynamodb().getKeys().get("sk"));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("s3Events")
    void s3EventsAreObjectCreatedRecordsTheirFunctionsFilterLetsThrough(String name) throws IOException {
        var event = com.amazonaws.services.lambda.runtime.tests.EventLoader.loadS3Event(EventFiles.path(name).toString());
        String prefix = S3_PREFIXES.get(s3Prefix(name).orElseThrow());
        assertThat(Files.readString(EventFiles.root().getParent().resolve("template.yaml")))
                .as("template.yaml subscribes ObjectCreated under %s", prefix)
                .contains("Events: s3:ObjectCreated:*").contains("Value: " + prefix);
        assertThat(event.getRecords()).isNotEmpty().allSatisfy(r -> {
            assertThat(r.getEventSource()).isEqualTo("aws:s3");
            assertThat(r.getEventVersion()).isEqualTo("2.1");
            assertThat(r.getEventName()).startsWith("ObjectCreated:");
            assertThat(r.getS3().getBucket().getArn()).isEqualTo("arn:aws:s3:::" + r.getS3().getBucket().getName());
            assertThat(r.getS3().getObject().getKey()).startsWith(prefix);
            assertThat(r.getS3().getObject().getSizeAsLong()).isPositive();
            assertThat(r.getS3().getObject().geteTag()).matches("[0-9a-f]{32}");
            assertThat(r.getS3().getObject().getSequencer()).matches("[0-9A-F]+");
        });
    }

    @Test
    void everyHttpRouteInTheTemplateHasASampleEventAndAHandlerTest() throws IOException {
        Set<String> routes = templateRoutes();
        assertThat(routes).containsExactlyInAnyOrderElementsOf(ROUTES.keySet());
        Set<String> sampled = new LinkedHashSet<>();
        apiEvents().forEach(n -> sampled.add(EventFiles.api(n).getRouteKey()));

        assertThat(sampled).containsExactlyInAnyOrderElementsOf(routes);
        Set<String> streamPrefixes = new LinkedHashSet<>();
        streamEvents().forEach(n -> streamPrefixes.add(streamPrefix(n).orElseThrow()));
        assertThat(streamPrefixes).as("every stream reaction has a sample event")
                .containsExactlyInAnyOrderElementsOf(STREAM_TYPES.keySet());
        Set<String> s3Prefixes = new LinkedHashSet<>();
        s3Events().forEach(n -> s3Prefixes.add(s3Prefix(n).orElseThrow()));
        assertThat(s3Prefixes).as("every S3 reaction has a sample event")
                .containsExactlyInAnyOrderElementsOf(S3_PREFIXES.keySet());
        List<String> handlerTests = new ArrayList<>(ROUTES.values());
        handlerTests.addAll(STREAM_TESTS.values());
        handlerTests.addAll(S3_TESTS.values());
        handlerTests.addAll(SCHEDULE_TESTS.values());
        Path handlers = EventFiles.root().getParent().resolve("functions/src/test/java/org/schoolcollab/handlers");
        for (String handlerTest : handlerTests) {
            assertThat(Files.exists(handlers.resolve("http/" + handlerTest + ".java"))
                    || Files.exists(handlers.resolve("events/" + handlerTest + ".java"))).as(handlerTest).isTrue();
        }
    }

    /** "METHOD /path" of every HttpApi event in template.yaml (Path and Method lines of each event's Properties). */
    private static Set<String> templateRoutes() throws IOException {
        String template = Files.readString(EventFiles.root().getParent().resolve("template.yaml"));
        Matcher m = Pattern.compile("Type: HttpApi\\s+Properties:\\s+(?:ApiId: [^\\n]+\\s+)?Path: (\\S+)\\s+Method: (\\S+)")
                .matcher(template);
        Set<String> routes = new LinkedHashSet<>();
        while (m.find()) {
            routes.add(m.group(2).toUpperCase() + " " + m.group(1));
        }
        return routes;
    }

    private static List<String> names() throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(EventFiles.root())) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().forEach(names::add);
        }
        return names;
    }
}
