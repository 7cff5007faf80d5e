package org.schoolcollab.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import org.junit.jupiter.api.Test;
import org.schoolcollab.local.template.FunctionDefinition;
import org.schoolcollab.local.template.S3Source;
import org.schoolcollab.local.template.SamTemplate;
import org.schoolcollab.local.template.StreamSource;

import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** template.yaml and the code agree: handlers exist with the event types their triggers send, and are tested. */
class TemplateMatchesCodeUnitTest {
    private static final Path ROOT = Path.of(System.getProperty("project.root", ".."));

    private static List<FunctionDefinition> functions() throws IOException {
        return SamTemplate.load(ROOT.resolve("template.yaml")).functions();
    }

    @Test
    void everyHandlerImplementsRequestHandlerWithTheTypesItsTriggerSends() throws Exception {
        List<FunctionDefinition> functions = functions();
        assertThat(functions).isNotEmpty();
        for (FunctionDefinition f : functions) {
            assertThat(f.handler()).as(f.id()).endsWith("::handleRequest");
            Class<?> type = Class.forName(f.handlerClass());
            assertThat(RequestHandler.class).as(f.id()).isAssignableFrom(type);
            assertThat(type.getConstructor()).as("%s needs a no-argument constructor for Lambda", f.id()).isNotNull();
            Type[] io = LocalFunction.requestHandlerTypes(type);
            if (!f.routes().isEmpty()) {
                assertThat(io).as(f.id()).containsExactly(APIGatewayV2HTTPEvent.class, APIGatewayV2HTTPResponse.class);
            }
            if (!f.streams().isEmpty()) {
                assertThat(io).as(f.id()).containsExactly(DynamodbEvent.class, StreamsEventResponse.class);
            }
            if (!f.s3Events().isEmpty()) {
                assertThat(io[0]).as(f.id() + " gets S3 events").isEqualTo(S3Event.class);
            }
            if (!f.schedules().isEmpty()) {
                assertThat(io[0]).as(f.id() + " gets scheduled events").isEqualTo(ScheduledEvent.class);
            }
            assertThat(f.routes().isEmpty() && f.streams().isEmpty() && f.s3Events().isEmpty() && f.schedules().isEmpty())
                    .as("%s has no trigger", f.id()).isFalse();
        }
    }

    @Test
    void everyStreamTriggerIsFilteredReportsPartialFailuresAndGivesUpSomewhere() throws Exception {
        for (FunctionDefinition f : functions()) {
            for (StreamSource s : f.streams()) {
                assertThat(s.reportBatchItemFailures()).as(f.id() + " ReportBatchItemFailures").isTrue();
                assertThat(s.bisectOnError()).as(f.id() + " BisectBatchOnFunctionError").isTrue();
                assertThat(s.maximumRetryAttempts()).as(f.id() + " bounded MaximumRetryAttempts").isBetween(0, 10);
                assertThat(s.hasOnFailureDestination()).as(f.id() + " on-failure destination").isTrue();
                assertThat(s.filterPatterns()).as(f.id() + " FilterCriteria").isNotEmpty();
            }
        }
    }

    @Test
    void everyS3TriggerIsForObjectsCreatedUnderAPrefixOfATemplateBucket() throws Exception {
        SamTemplate template = SamTemplate.load(ROOT.resolve("template.yaml"));
        for (FunctionDefinition f : template.functions()) {
            for (S3Source s : f.s3Events()) {
                assertThat(template.bucketIds()).as(f.id()).contains(s.bucketId());
                assertThat(s.events()).as(f.id() + " Events").allMatch(e -> e.startsWith("s3:ObjectCreated:"));
                // Without a prefix, a function that writes to its own bucket would trigger itself.
                assertThat(s.rules()).as(f.id() + " prefix rule").anyMatch(r -> r.name().equals("prefix"));
            }
        }
    }

    @Test
    void everyRouteHasAHandlerTestAndASampleEvent() throws Exception {
        List<String> testFiles;
        try (Stream<Path> walk = Files.walk(ROOT.resolve("functions/src/test/java"))) {
            testFiles = walk.map(p -> p.getFileName().toString()).toList();
        }
        for (FunctionDefinition f : functions()) {
            String simpleName = f.handlerClass().substring(f.handlerClass().lastIndexOf('.') + 1);
            assertThat(testFiles).as("a handler test for %s (%s)", f.id(), f.routes())
                    .contains(simpleName + "IntegrationTest.java");
        }
        try (Stream<Path> events = Files.list(ROOT.resolve("events"))) {
            assertThat(events.filter(p -> p.toString().endsWith(".json")).count()).isGreaterThanOrEqualTo(functions().size());
        }
    }
}
