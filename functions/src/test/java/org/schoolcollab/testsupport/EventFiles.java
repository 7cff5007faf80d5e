package org.schoolcollab.testsupport;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The sample events in the repository's events/ folder (also used with `sam local invoke -e`), loaded with the
 * Lambda test library's loader, i.e. deserialised as the Java runtime deserialises what API Gateway and the
 * stream poller send.
 */
public final class EventFiles {
    /** The sample EOI id the get and stream events name. */
    public static final String SAMPLE_EOI_ID = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
    public static final String SAMPLE_SUB = "3f6d2a9c-1b7e-4c55-9a0e-8d2f4b6c1a10";
    public static final String SAMPLE_EMAIL = "principal@otaki.example.school.nz";
    public static final String SAMPLE_SCHOOL = "9101";
    /** The community the approval in events/decide-eoi-approve.json forms, as the community and stream events name it. */
    public static final String SAMPLE_COMMUNITY_ID = "1f0e8d7c-6b5a-4c3d-9e2f-0a1b2c3d4e5f";
    /** The staff reviewer of the staff events. */
    public static final String SAMPLE_STAFF_SUB = "c4a1e7b2-6d3f-4e8a-b5c9-0f2e4d6a8b1c";
    public static final String SAMPLE_STAFF_EMAIL = "reviewer@programme-office.example.govt.nz";

    private EventFiles() {}

    public static Path root() {
        String root = System.getProperty("project.root");
        Path base = root != null ? Path.of(root) : Path.of("..");
        Path events = base.resolve("events").toAbsolutePath().normalize();
        if (!Files.isDirectory(events)) {
            throw new IllegalStateException("no events folder at " + events + " (surefire sets -Dproject.root)");
        }
        return events;
    }

    public static Path path(String name) {
        return root().resolve(name);
    }

    /** A fresh copy each call: tests may change headers, claims and body without affecting each other. */
    public static APIGatewayV2HTTPEvent api(String name) {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent(path(name).toString());
        if (event.getHeaders() != null) {
            event.setHeaders(new HashMap<>(event.getHeaders()));
        }
        var jwt = event.getRequestContext().getAuthorizer().getJwt();
        jwt.setClaims(new HashMap<>(jwt.getClaims()));
        return event;
    }

    public static DynamodbEvent stream(String name) {
        return EventLoader.loadDynamoDbEvent(path(name).toString());
    }

    public static Map<String, String> claims(APIGatewayV2HTTPEvent event) {
        return event.getRequestContext().getAuthorizer().getJwt().getClaims();
    }

    /** Turns the event's caller into a school user of the given school (a different user: new sub and email). */
    public static APIGatewayV2HTTPEvent asSchoolUser(APIGatewayV2HTTPEvent event, String sub, String schoolNumber) {
        Map<String, String> claims = claims(event);
        claims.put("sub", sub);
        claims.put("email", sub + "@school.example.nz");
        claims.put("cognito:groups", "[school]");
        claims.put("custom:schoolNumber", schoolNumber);
        return event;
    }

    public static APIGatewayV2HTTPEvent asStaff(APIGatewayV2HTTPEvent event) {
        Map<String, String> claims = claims(event);
        claims.put("sub", SAMPLE_STAFF_SUB);
        claims.put("email", SAMPLE_STAFF_EMAIL);
        claims.put("cognito:groups", "[staff]");
        claims.remove("custom:schoolNumber");
        return event;
    }
}
