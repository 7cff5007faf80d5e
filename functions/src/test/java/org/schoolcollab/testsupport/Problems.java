package org.schoolcollab.testsupport;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import org.schoolcollab.kernel.FieldError;
import org.schoolcollab.kernel.Json;
import org.schoolcollab.kernel.Rejection;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads responses: JSON bodies, and RFC 9457 problems with their shape checked. */
public final class Problems {
    private Problems() {}

    public static JsonNode json(APIGatewayV2HTTPResponse response) {
        try {
            return Json.parse(response.getBody());
        } catch (Exception e) {
            throw new AssertionError("response body is not JSON: " + response.getBody(), e);
        }
    }

    /** Asserts the response is an application/problem+json of this status with type, title and detail. */
    public static JsonNode assertProblem(APIGatewayV2HTTPResponse response, int status) {
        assertThat(response.getStatusCode()).as("status of %s", response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders()).containsEntry("content-type", "application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.path("type").asText()).as("type").startsWith("/problems/");
        assertThat(problem.path("title").asText()).as("title").isNotBlank();
        assertThat(problem.path("status").isInt()).as("status is a number").isTrue();
        assertThat(problem.path("status").intValue()).isEqualTo(status);
        assertThat(problem.path("detail").asText()).as("detail").isNotBlank();
        return problem;
    }

    /** The `field` of each entry of the problem's errors, in order. */
    public static List<String> errorFields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(e -> fields.add(e.path("field").asText()));
        return fields;
    }

    /** The problem type the edge gives a rejection, e.g. "/problems/forbidden". */
    public static String type(Rejection r) {
        return "/problems/" + r.code();
    }

    /** The fields an invalid command names (none for another kind of rejection). */
    public static List<String> errorFields(Rejection r) {
        return r instanceof Rejection.Invalid i ? i.errors().stream().map(FieldError::field).toList() : List.of();
    }
}
