package org.schoolcollab.local;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.schoolcollab.local.template.HttpRoute;
import org.schoolcollab.local.template.SamTemplate;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route × {no token, a school user of the application or community, a school user of another school,
 * staff} over real HTTP through the runner's JWT authorizer, against the status each must get.
 */
class AuthorisationMatrixEndToEndTest {
    @RegisterExtension
    static final InMemoryRunner RUNNER = new InMemoryRunner();
    private static final Map<String, String> TOKENS = new java.util.HashMap<>();
    private static String eoiId;
    private static String communityId;
    private static String clusterId;
    private static final AtomicInteger FRESH = new AtomicInteger(5000);

    enum Who { NONE, MEMBER, OTHER_SCHOOL, STAFF }

    @BeforeAll
    static void start() throws Exception {
        TOKENS.put("staff", RUNNER.api().token("matrix-staff", "office@example.org", "staff", null));
        TOKENS.put("other", RUNNER.api().token("matrix-other", "other@example.school.nz", "school", "9990"));
        // A submitted application of schools 6101/6102, and an approved community of 6201/6202.
        TOKENS.put("eoiMember", RUNNER.api().token("matrix-eoi", "aroha@example.school.nz", "school", "6101"));
        eoiId = RUNNER.api().post("/expressions-of-interest", TOKENS.get("eoiMember"),
                LocalApi.eoiBody("Matrix Application", "6101", "6102"), Map.of()).json().get("id").asText();
        TOKENS.put("communityMember", RUNNER.api().token("matrix-community", "aroha@example.school.nz", "school", "6201"));
        String approved = RUNNER.api().post("/expressions-of-interest", TOKENS.get("communityMember"),
                LocalApi.eoiBody("Matrix Community", "6201", "6202"), Map.of()).json().get("id").asText();
        communityId = RUNNER.api().post("/expressions-of-interest/" + approved + "/decision", TOKENS.get("staff"),
                "{\"decision\":\"APPROVED\"}", Map.of()).json().get("communityId").asText();
        // A school-improvement cluster, for grants (whose policy names grant purposes).
        TOKENS.put("clusterMember", RUNNER.api().token("matrix-cluster", "head@example.sch.uk", "school", "6301"));
        String cluster = RUNNER.api().post("/expressions-of-interest", TOKENS.get("clusterMember"),
                LocalApi.eoiBody("Matrix Cluster", "6301", "6302").replace("\"kahui-ako\"", "\"school-improvement\""),
                Map.of()).json().get("id").asText();
        clusterId = RUNNER.api().post("/expressions-of-interest/" + cluster + "/decision", TOKENS.get("staff"),
                "{\"decision\":\"APPROVED\"}", Map.of()).json().get("communityId").asText();
        RUNNER.api().awaitMails(clusterId, 2, Duration.ofSeconds(10));
    }

    static Stream<Arguments> matrix() {
        return Stream.of(
                // route, who, expected
                row("POST /expressions-of-interest", Who.NONE, 401), row("POST /expressions-of-interest", Who.MEMBER, 201),
                row("POST /expressions-of-interest", Who.OTHER_SCHOOL, 400), row("POST /expressions-of-interest", Who.STAFF, 403),
                row("GET /expressions-of-interest/{id}", Who.NONE, 401), row("GET /expressions-of-interest/{id}", Who.MEMBER, 200),
                row("GET /expressions-of-interest/{id}", Who.OTHER_SCHOOL, 404), row("GET /expressions-of-interest/{id}", Who.STAFF, 200),
                // A school user gets the applications naming their school (checked below); staff the review queue.
                row("GET /expressions-of-interest", Who.NONE, 401), row("GET /expressions-of-interest", Who.MEMBER, 200),
                row("GET /expressions-of-interest", Who.OTHER_SCHOOL, 200), row("GET /expressions-of-interest", Who.STAFF, 200),
                row("POST /expressions-of-interest/{id}/decision", Who.NONE, 401),
                row("POST /expressions-of-interest/{id}/decision", Who.MEMBER, 403),
                row("POST /expressions-of-interest/{id}/decision", Who.OTHER_SCHOOL, 403),
                row("POST /expressions-of-interest/{id}/decision", Who.STAFF, 201),
                row("GET /communities/{id}", Who.NONE, 401), row("GET /communities/{id}", Who.MEMBER, 200),
                row("GET /communities/{id}", Who.OTHER_SCHOOL, 404), row("GET /communities/{id}", Who.STAFF, 200),
                row("GET /communities", Who.NONE, 401), row("GET /communities", Who.MEMBER, 403),
                row("GET /communities", Who.OTHER_SCHOOL, 403), row("GET /communities", Who.STAFF, 200),
                row("GET /communities/{id}/funding", Who.NONE, 401), row("GET /communities/{id}/funding", Who.MEMBER, 200),
                row("GET /communities/{id}/funding", Who.OTHER_SCHOOL, 404), row("GET /communities/{id}/funding", Who.STAFF, 200),
                row("POST /communities/{id}/grants", Who.NONE, 401), row("POST /communities/{id}/grants", Who.MEMBER, 403),
                row("POST /communities/{id}/grants", Who.OTHER_SCHOOL, 403), row("POST /communities/{id}/grants", Who.STAFF, 201),
                // Staff reach the body's checks: 400 naming planId, as the cluster has no plan of that id.
                // No plan is RECEIVED here, so staff get the 404 of an unknown plan: past the authorizer and the role check.
                row("POST /communities/{id}/plans/{planId}/decision", Who.NONE, 401),
                row("POST /communities/{id}/plans/{planId}/decision", Who.MEMBER, 403),
                row("POST /communities/{id}/plans/{planId}/decision", Who.OTHER_SCHOOL, 403),
                row("POST /communities/{id}/plans/{planId}/decision", Who.STAFF, 404),
                // The community is not endorsed: staff get past the authorizer and the role check to the 409.
                row("POST /communities/{id}/role-allocation", Who.NONE, 401),
                row("POST /communities/{id}/role-allocation", Who.MEMBER, 403),
                row("POST /communities/{id}/role-allocation", Who.OTHER_SCHOOL, 403),
                row("POST /communities/{id}/role-allocation", Who.STAFF, 409),
                row("POST /communities/{id}/challenge-visits", Who.NONE, 401),
                row("POST /communities/{id}/challenge-visits", Who.MEMBER, 403),
                row("POST /communities/{id}/challenge-visits", Who.OTHER_SCHOOL, 403),
                row("POST /communities/{id}/challenge-visits", Who.STAFF, 400),
                // A member registers a plan (201); staff may not upload on a school's behalf (403). The document
                // row uploads a registered plan's file with its presigned URL first: members and staff read it (200).
                row("POST /communities/{id}/plans", Who.NONE, 401), row("POST /communities/{id}/plans", Who.MEMBER, 201),
                row("POST /communities/{id}/plans", Who.OTHER_SCHOOL, 404), row("POST /communities/{id}/plans", Who.STAFF, 403),
                row("GET /communities/{id}/plans/{planId}/document", Who.NONE, 401),
                row("GET /communities/{id}/plans/{planId}/document", Who.MEMBER, 200),
                row("GET /communities/{id}/plans/{planId}/document", Who.OTHER_SCHOOL, 404),
                row("GET /communities/{id}/plans/{planId}/document", Who.STAFF, 200),
                row("GET /reports/summary", Who.NONE, 401), row("GET /reports/summary", Who.MEMBER, 403),
                row("GET /reports/summary", Who.OTHER_SCHOOL, 403), row("GET /reports/summary", Who.STAFF, 200),
                row("GET /reports/funding", Who.NONE, 401), row("GET /reports/funding", Who.MEMBER, 403),
                row("GET /reports/funding", Who.OTHER_SCHOOL, 403), row("GET /reports/funding", Who.STAFF, 200),
                row("GET /notifications", Who.NONE, 401), row("GET /notifications", Who.MEMBER, 200),
                row("GET /notifications", Who.OTHER_SCHOOL, 200), row("GET /notifications", Who.STAFF, 200));
    }

    private static final String PLAN_BODY = "{\"fileName\":\"plan.pdf\",\"contentType\":\"application/pdf\",\"sizeBytes\":9,"
            + "\"achievementChallenges\":[" + String.join(",", java.util.Collections.nCopies(3,
            "{\"area\":\"ATTENDANCE\",\"description\":\"d\",\"measure\":\"m\"}")) + "]}";
    private static String receivedPlanId;

    /** A plan of the community whose 9-byte PDF was uploaded with its presigned URL and then received (once). */
    private static synchronized String receivedPlan() {
        if (receivedPlanId == null) {
            var registered = RUNNER.api().post("/communities/" + communityId + "/plans", TOKENS.get("communityMember"), PLAN_BODY,
                    Map.of()).json();
            var upload = registered.get("upload");
            try {
                var put = java.net.http.HttpRequest.newBuilder(java.net.URI.create(upload.get("url").asText()))
                        .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("%PDF-1.7\n"));
                upload.get("headers").properties().forEach(h -> put.header(h.getKey(), h.getValue().asText()));
                int status = java.net.http.HttpClient.newHttpClient()
                        .send(put.build(), java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
                assertThat(status).as("the presigned upload").isEqualTo(200);
            } catch (java.io.IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
            String planId = registered.get("planId").asText();
            String document = "/communities/" + communityId + "/plans/" + planId + "/document";
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (RUNNER.api().send("GET", document, TOKENS.get("staff"), null, Map.of()).status() != 200) {
                assertThat(System.nanoTime()).as("the plan is received").isLessThan(deadline);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
            receivedPlanId = planId;
        }
        return receivedPlanId;
    }

    private static Arguments row(String route, Who who, int expected) {
        return Arguments.of(route, who, expected);
    }

    @ParameterizedTest(name = "{0} as {1} -> {2}")
    @MethodSource("matrix")
    void eachCallerGetsTheStatusTheRouteOwesThem(String route, Who who, int expected) {
        String method = route.substring(0, route.indexOf(' '));
        String member = route.contains("grants") || route.contains("challenge-visits") ? "clusterMember"
                : route.contains("communities") ? "communityMember" : "eoiMember";
        String token = switch (who) {
            case NONE -> null;
            case MEMBER -> TOKENS.get(member);
            case OTHER_SCHOOL -> TOKENS.get("other");
            case STAFF -> TOKENS.get("staff");
        };
        String path;
        String body = null;
        switch (route) {
            case "POST /expressions-of-interest" -> {
                path = "/expressions-of-interest";
                int n = FRESH.addAndGet(2);
                String first = who == Who.MEMBER ? "6101" : String.valueOf(n);
                // A member's own school is already claimed by their application: name a fresh pair that
                // includes a member school of their token only for the 201 row (a new school user).
                if (who == Who.MEMBER) {
                    token = RUNNER.api().token("matrix-new-" + n, "new@example.school.nz", "school", String.valueOf(n));
                    first = String.valueOf(n);
                }
                body = LocalApi.eoiBody("Matrix Fresh " + n, first, String.valueOf(n + 1));
            }
            case "GET /expressions-of-interest/{id}" -> path = "/expressions-of-interest/" + eoiId;
            case "GET /expressions-of-interest" -> path = "/expressions-of-interest";
            case "POST /expressions-of-interest/{id}/decision" -> {
                int n = FRESH.addAndGet(2);
                String submitter = RUNNER.api().token("matrix-dec-" + n, "d@example.school.nz", "school", String.valueOf(n));
                String fresh = RUNNER.api().post("/expressions-of-interest", submitter,
                        LocalApi.eoiBody("Matrix Decision " + n, String.valueOf(n), String.valueOf(n + 1)), Map.of())
                        .json().get("id").asText();
                path = "/expressions-of-interest/" + fresh + "/decision";
                body = "{\"decision\":\"DECLINED\",\"reason\":\"matrix\"}";
            }
            case "GET /communities/{id}" -> path = "/communities/" + communityId;
            case "GET /communities" -> path = "/communities?programme=kahui-ako";
            case "GET /communities/{id}/funding" -> path = "/communities/" + communityId + "/funding";
            case "POST /communities/{id}/grants" -> {
                path = "/communities/" + clusterId + "/grants";
                body = "{\"purpose\":\"COURSES\",\"amount\":{\"value\":\"500.00\",\"currency\":\"GBP\"}}";
            }
            case "POST /communities/{id}/challenge-visits" -> {
                path = "/communities/" + clusterId + "/challenge-visits";
                body = "{\"visitDate\":\"" + java.time.LocalDate.now(org.schoolcollab.visit.ChallengeVisitService.ZONE)
                        + "\",\"planId\":\"00000000-0000-4000-8000-000000000000\",\"outcome\":\"ON_TRACK\"}";
            }
            case "POST /communities/{id}/plans/{planId}/decision" -> {
                path = "/communities/" + communityId + "/plans/00000000-0000-4000-8000-000000000000/decision";
                body = "{\"decision\":\"ENDORSED\",\"leaderSchoolNumber\":\"6201\",\"roleAllocation\":"
                        + "{\"acrossSchool\":[{\"schoolNumber\":\"6201\",\"roles\":1}],\"withinSchool\":[]}}";
            }
            case "POST /communities/{id}/plans" -> {
                path = "/communities/" + communityId + "/plans";
                body = PLAN_BODY;
            }
            case "GET /communities/{id}/plans/{planId}/document" ->
                    path = "/communities/" + communityId + "/plans/" + receivedPlan() + "/document";
            case "GET /reports/summary" -> path = "/reports/summary?programme=kahui-ako";
            case "GET /reports/funding" -> path = "/reports/funding?programme=kahui-ako";
            case "POST /communities/{id}/role-allocation" -> {
                path = "/communities/" + communityId + "/role-allocation";
                body = "{\"acrossSchool\":[{\"schoolNumber\":\"6201\",\"roles\":1}],\"withinSchool\":[]}";
            }
            case "GET /notifications" -> path = "/notifications";
            default -> throw new IllegalArgumentException(route);
        }
        LocalApi.Response response = body == null
                ? RUNNER.api().send(method, path, token, null, Map.of())
                : RUNNER.api().post(path, token, body, Map.of());
        assertThat(response.status()).as("%s as %s: %s", route, who, response.body()).isEqualTo(expected);
        if (route.equals("GET /expressions-of-interest") && (who == Who.MEMBER || who == Who.OTHER_SCHOOL)) {
            List<String> listed = new ArrayList<>();
            response.json().path("items").forEach(i -> listed.add(i.path("id").asText()));
            if (who == Who.MEMBER) {
                assertThat(listed).as("the member school's own applications").containsExactly(eoiId);
            } else {
                assertThat(listed).as("another school's list").doesNotContain(eoiId);
                assertThat(response.body()).doesNotContain("Matrix Application");
            }
        }
    }

    @org.junit.jupiter.api.Test
    void theMatrixCoversEveryRouteOfTheTemplate() throws Exception {
        var template = SamTemplate.load(Path.of(System.getProperty("project.root", "..")).resolve("template.yaml"));
        var routes = template.functions().stream().flatMap(f -> f.routes().stream())
                .map(HttpRoute::routeKey).collect(java.util.stream.Collectors.toSet());
        var covered = matrix().map(a -> (String) a.get()[0]).collect(java.util.stream.Collectors.toSet());
        assertThat(covered).containsExactlyInAnyOrderElementsOf(routes);
    }
}
