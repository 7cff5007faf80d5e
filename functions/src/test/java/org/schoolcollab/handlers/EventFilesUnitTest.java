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
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The sample events in events/ are what API Gateway and the stream poller send, and cover every route. */
class EventFilesUnitTest {

    static Stream<String> apiEvents() throws IOException {
        return names().stream().filter(n -> !n.startsWith("eoi-notifications"));
    }

    static Stream<String> streamEvents() throws IOException {
        return names().stream().filter(n -> n.startsWith("eoi-notifications"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apiEvents")
    void apiEventsAreHttpApiPayloadV2WithCognitoClaims(String name) {
        APIGatewayV2HTTPEvent event = EventFiles.api(name);

        assertThat(event.getVersion()).isEqualTo("2.0");
        var context = event.getRequestContext();
        assertThat(event.getRouteKey()).isEqualTo(context.getRouteKey())
                .startsWith(context.getHttp().getMethod() + " /expressions-of-interest");
        assertThat(event.getRawPath()).isEqualTo(context.getHttp().getPath());
        assertThat(context.getRequestId()).isNotBlank();
        assertThat(context.getStage()).isEqualTo("$default");
        var claims = EventFiles.claims(event);
        assertThat(claims).containsKeys("sub", "email", "cognito:groups", "iss", "token_use");
        assertThat(claims.get("cognito:groups")).isIn("[school]", "[staff]");
        if (claims.get("cognito:groups").equals("[school]")) {
            assertThat(claims.get("custom:schoolNumber")).matches("[0-9]+");
        }
        if (event.getRouteKey().endsWith("{id}")) {
            assertThat(event.getPathParameters()).containsKey("id");
            assertThat(event.getRawPath()).endsWith("/" + event.getPathParameters().get("id"));
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
    void streamEventsAreFilteredEoiInserts(String name) {
        DynamodbEvent event = EventFiles.stream(name);

        assertThat(event.getRecords()).isNotEmpty().allSatisfy(r -> {
            assertThat(r.getEventName()).isEqualTo("INSERT");
            assertThat(r.getEventSource()).isEqualTo("aws:dynamodb");
            assertThat(r.getEventSourceARN()).contains(":table/").contains("/stream/");
            assertThat(r.getDynamodb().getSequenceNumber()).matches("[0-9]+");
            assertThat(r.getDynamodb().getStreamViewType()).isEqualTo("NEW_AND_OLD_IMAGES");
            // What template.yaml's FilterCriteria lets through: type EOI.
            assertThat(r.getDynamodb().getNewImage().get("type").getS()).isEqualTo("EOI");
            assertThat(r.getDynamodb().getKeys().get("pk").getS()).startsWith("EOI#");
        });
    }

    @Test
    void everyHttpRouteInTheTemplateHasASampleEventAndAHandlerTest() throws IOException {
        Set<String> routes = templateRoutes();
        assertThat(routes).containsExactlyInAnyOrder("POST /expressions-of-interest",
                "GET /expressions-of-interest/{id}", "GET /expressions-of-interest");
        Set<String> sampled = new LinkedHashSet<>();
        apiEvents().forEach(n -> sampled.add(EventFiles.api(n).getRouteKey()));

        assertThat(sampled).containsExactlyInAnyOrderElementsOf(routes);
        for (String handlerTest : List.of("SubmitEoiHandlerTest", "GetEoiHandlerTest", "ListEoisHandlerTest",
                "EoiNotificationsHandlerTest")) {
            assertThat(Files.exists(EventFiles.root().getParent().resolve("functions/src/test/java/org/schoolcollab/handlers/" + handlerTest + ".java")))
                    .as(handlerTest).isTrue();
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
