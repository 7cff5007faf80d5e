package org.schoolcollab.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.schoolcollab.kernel.FieldError;
import org.schoolcollab.kernel.Json;
import org.schoolcollab.kernel.Rejection;
import org.schoolcollab.testsupport.Problem;
import org.schoolcollab.testsupport.Problems;
import org.schoolcollab.testsupport.TestContext;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class HttpApiUnitTest {
    private static final String JSON = "{\"communityName\":\"Kāhui Ako o Ōtaki\"}";

    // ------------------------------------------------------------------ content type

    @ParameterizedTest(name = "415 for content-type {0}")
    @ValueSource(strings = {"text/plain", "text/plain; charset=utf-8", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x", "application/jsonp", "application/xml"})
    void refusesOtherContentTypesWith415(String contentType) {
        Problem e = Problem.of(catchThrowable(() -> HttpApi.jsonBody(event(contentType, JSON, false))));

        assertThat(e.status()).isEqualTo(415);
        assertThat(e.type()).isEqualTo("/problems/unsupported-media-type");
        assertThat(e.getMessage()).contains(contentType.split(";")[0]);
    }

    @ParameterizedTest(name = "415 when content-type is missing")
    @NullAndEmptySource
    void refusesAMissingContentTypeWith415(String contentType) {
        Problem e = Problem.of(catchThrowable(() -> HttpApi.jsonBody(event(contentType, JSON, false))));

        assertThat(e.status()).isEqualTo(415);
        assertThat(e.getMessage()).contains("'none'");
    }

    @ParameterizedTest(name = "accepts content-type {0}")
    @ValueSource(strings = {"application/json", "application/json; charset=utf-8", "Application/JSON",
            "application/merge-patch+json"})
    void acceptsJsonContentTypes(String contentType) {
        assertThat(HttpApi.jsonBody(event(contentType, JSON, false))).isEqualTo(JSON);
    }

    @Test
    void findsHeadersWhateverTheirCase() {
        APIGatewayV2HTTPEvent event = event(null, JSON, false);
        event.setHeaders(Map.of("Content-Type", "application/json"));

        assertThat(HttpApi.jsonBody(event)).isEqualTo(JSON);
        assertThat(HttpApi.header(event, "content-TYPE")).contains("application/json");
    }

    // ------------------------------------------------------------------ size

    @Test
    void acceptsABodyOfExactly64KiB() {
        String body = padded(HttpApi.MAX_BODY_BYTES);

        assertThat(HttpApi.jsonBody(event("application/json", body, false))).hasSize(HttpApi.MAX_BODY_BYTES);
    }

    @Test
    void refusesABodyOver64KiBWith413() {
        String body = padded(HttpApi.MAX_BODY_BYTES + 1);

        Problem e = Problem.of(catchThrowable(() -> HttpApi.jsonBody(event("application/json", body, false))));

        assertThat(e.status()).isEqualTo(413);
        assertThat(e.type()).isEqualTo("/problems/payload-too-large");
        assertThat(e.getMessage()).contains("65537").contains("65536");
    }

    @Test
    void countsTheLimitInUtf8BytesNotCharacters() {
        // 40,000 macron characters are 80,000 bytes of UTF-8.
        String body = "{\"n\":\"" + "Ō".repeat(40_000) + "\"}";
        assertThat(body.length()).isLessThan(HttpApi.MAX_BODY_BYTES);

        Problem e = Problem.of(catchThrowable(() -> HttpApi.jsonBody(event("application/json", body, false))));

        assertThat(e.status()).isEqualTo(413);
    }

    // ------------------------------------------------------------------ base64 bodies

    @Test
    void decodesABase64BodyAsUtf8() {
        String encoded = Base64.getEncoder().encodeToString(JSON.getBytes(StandardCharsets.UTF_8));

        assertThat(HttpApi.jsonBody(event("application/json", encoded, true))).isEqualTo(JSON);
    }

    @Test
    void appliesTheSizeLimitToTheDecodedBase64Body() {
        byte[] big = padded(HttpApi.MAX_BODY_BYTES + 1).getBytes(StandardCharsets.UTF_8);
        byte[] fits = padded(HttpApi.MAX_BODY_BYTES).getBytes(StandardCharsets.UTF_8);

        Problem e = Problem.of(catchThrowable(() ->
                HttpApi.jsonBody(event("application/json", Base64.getEncoder().encodeToString(big), true))));

        assertThat(e.status()).isEqualTo(413);
        // The base64 text of a body that fits is over 64 KiB itself: the limit is on the bytes sent.
        assertThat(HttpApi.jsonBody(event("application/json", Base64.getEncoder().encodeToString(fits), true)))
                .hasSize(HttpApi.MAX_BODY_BYTES);
    }

    @Test
    void refusesInvalidBase64With400NamingTheBody() {
        Rejection e = catchThrowableOfType(Rejection.class,
                () -> HttpApi.jsonBody(event("application/json", "not base64 at all!", true)));

        assertThat(HttpApi.status(e)).isEqualTo(400);
        assertThat(Problems.errorFields(e)).containsExactly("body");
    }

    @ParameterizedTest(name = "400 for an empty body")
    @NullAndEmptySource
    void refusesAnEmptyBodyWith400(String body) {
        Rejection e = catchThrowableOfType(Rejection.class, () -> HttpApi.jsonBody(event("application/json", body, false)));

        assertThat(HttpApi.status(e)).isEqualTo(400);
        assertThat(Problems.errorFields(e)).containsExactly("body");
    }

    // ------------------------------------------------------------------ outcomes to responses

    @Test
    void rendersAnInvalidCommandAsProblemJson() {
        APIGatewayV2HTTPResponse response = HttpApi.handle(new APIGatewayV2HTTPEvent(), new TestContext("test"), () -> {
            throw Rejection.invalid(List.of(new FieldError("schools[0].roll", "must be between 0 and 10000"),
                    new FieldError("contact.email", "is not a valid email address")));
        });

        JsonNode problem = Problems.assertProblem(response, 400);
        assertThat(problem.path("type").asText()).isEqualTo("/problems/validation");
        assertThat(problem.path("detail").asText()).isEqualTo("2 fields are invalid");
        assertThat(Problems.errorFields(problem)).containsExactly("schools[0].roll", "contact.email");
        assertThat(problem.path("errors").get(0).path("message").asText()).isEqualTo("must be between 0 and 10000");
    }

    @Test
    void rendersConflictExtensionsAsMembersOfTheProblem() {
        APIGatewayV2HTTPResponse response = HttpApi.handle(new APIGatewayV2HTTPEvent(), null, () -> {
            throw Rejection.conflict("schools-already-claimed", "Schools already claimed",
                    "already claimed: 9101", Map.of("claimedSchoolNumbers", List.of("9101")));
        });

        JsonNode problem = Problems.assertProblem(response, 409);
        assertThat(problem.path("claimedSchoolNumbers").get(0).asText()).isEqualTo("9101");
        assertThat(problem.has("errors")).isFalse();
    }

    @Test
    void anUnexpectedFailureIsA500NamingOnlyTheRequestId() {
        TestContext context = new TestContext("test", "req-4711");
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setRouteKey("POST /expressions-of-interest");

        APIGatewayV2HTTPResponse response = HttpApi.handle(event, context, () -> {
            throw new IllegalStateException("table secret-table at 10.0.0.7 exploded");
        });

        JsonNode problem = Problems.assertProblem(response, 500);
        assertThat(problem.path("type").asText()).isEqualTo("/problems/internal");
        assertThat(problem.path("detail").asText())
                .isEqualTo("the request could not be completed; quote request id req-4711");
        assertThat(response.getBody()).doesNotContain("secret-table", "10.0.0.7", "IllegalStateException", "exploded");
        // ... but the log has what an operator needs.
        assertThat(context.logLines()).anySatisfy(line -> assertThat(line)
                .startsWith("ERROR").contains("POST /expressions-of-interest").contains("exploded"));
    }

    @Test
    void jsonResponsesCarryTheirContentTypeAndExtraHeaders() {
        APIGatewayV2HTTPResponse response = HttpApi.json(201, org.schoolcollab.kernel.Json.object().put("id", "x"),
                Map.of("location", "/expressions-of-interest/x"));

        assertThat(response.getStatusCode()).isEqualTo(201);
        assertThat(response.getHeaders()).containsEntry("content-type", "application/json")
                .containsEntry("location", "/expressions-of-interest/x");
        assertThat(response.getBody()).isEqualTo("{\"id\":\"x\"}");
    }

    // ------------------------------------------------------------------ helpers

    private static APIGatewayV2HTTPEvent event(String contentType, String body, boolean base64) {
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        Map<String, String> headers = new HashMap<>();
        if (contentType != null) {
            headers.put("content-type", contentType);
        }
        event.setHeaders(headers);
        event.setBody(body);
        event.setIsBase64Encoded(base64);
        return event;
    }

    /** A JSON document of exactly this many bytes. */
    private static String padded(int bytes) {
        String prefix = "{\"pad\":\"";
        String suffix = "\"}";
        return prefix + "x".repeat(bytes - prefix.length() - suffix.length()) + suffix;
    }
}
