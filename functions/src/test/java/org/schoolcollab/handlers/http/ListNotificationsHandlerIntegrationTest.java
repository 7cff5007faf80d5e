package org.schoolcollab.handlers.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.schoolcollab.api.NotificationJson;
import org.schoolcollab.notify.Notification;
import org.schoolcollab.notify.NotificationLog;
import org.schoolcollab.notify.adapters.DynamoNotificationLogStore;
import org.schoolcollab.notify.adapters.DynamoNotificationStore;
import org.schoolcollab.testsupport.DynamoDbLocal;
import org.schoolcollab.testsupport.EventFiles;
import org.schoolcollab.testsupport.FreePort;
import org.schoolcollab.testsupport.MutableClock;
import org.schoolcollab.testsupport.Problems;
import org.schoolcollab.testsupport.TestContext;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GET /notifications: staff read the whole notification log (optionally one community's), anyone else the
 * notifications sent to their own email; newest first, paginated.
 */
class ListNotificationsHandlerIntegrationTest {
    private static final Instant FIRST = Instant.parse("2026-03-02T21:14:05Z");
    private static final String STAFF = "programme-office@example.org";
    /** The school user of events/list-notifications-school-user.json. */
    private static final String OTAKI = EventFiles.SAMPLE_EMAIL;
    private static final String KAPITI = "principal@kapiti.example.school.nz";
    private static final String OTAKI_EOI = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
    private static final String KAPITI_EOI = "0d4e8f2a-6b1c-4a9e-8f3d-7c5b2a1e9d04";
    private static final String OTAKI_COMMUNITY = EventFiles.SAMPLE_COMMUNITY_ID;
    private static final String KAPITI_COMMUNITY = "9e3a6f04-2b7c-4d15-8a9e-c4f1b6d2e873";

    private String table;
    private ListNotificationsHandler handler;
    /** Every notification, in the order created (a minute apart). */
    private final List<Notification> created = new ArrayList<>();

    @BeforeEach
    void setUp() {
        table = DynamoDbLocal.createTable("list-notifications");
        DynamoNotificationStore store = new DynamoNotificationStore(DynamoDbLocal.client(), table);
        MutableClock clock = new MutableClock(FIRST);
        // As the notifiers write them: applications received, then decisions. The Ōtaki contact's address was
        // typed in capitals on the application: it is still theirs.
        create(store, clock, OTAKI_EOI, "EOI_RECEIVED_STAFF", STAFF, null);
        create(store, clock, OTAKI_EOI, "EOI_RECEIVED_CONTACT", "Principal@Otaki.Example.School.NZ", null);
        create(store, clock, KAPITI_EOI, "EOI_RECEIVED_CONTACT", KAPITI, null);
        create(store, clock, OTAKI_EOI, "DECISION_APPROVED_CONTACT", OTAKI, OTAKI_COMMUNITY);
        create(store, clock, OTAKI_EOI, "DECISION_RECORDED_STAFF", STAFF, OTAKI_COMMUNITY);
        create(store, clock, KAPITI_EOI, "DECISION_APPROVED_CONTACT", KAPITI, KAPITI_COMMUNITY);
        create(store, clock, KAPITI_EOI, "DECISION_RECORDED_STAFF", STAFF, KAPITI_COMMUNITY);
        // All sent but the last.
        for (Notification n : created.subList(0, created.size() - 1)) {
            store.markSent(n.sourcePk(), n.kind(), "ses-" + n.kind() + "-" + n.eoiId().substring(0, 8),
                    n.createdAt().plusSeconds(2));
        }
        handler = new ListNotificationsHandler(new NotificationLog(
                new DynamoNotificationLogStore(DynamoDbLocal.client(), table)));
    }

    private void create(DynamoNotificationStore store, MutableClock clock, String eoiId, String kind,
                        String recipient, String communityId) {
        Notification n = Notification.pending("EOI#" + eoiId, kind, recipient, "Subject " + kind,
                "Body of " + kind + "\n", clock.instant()).withEoiId(eoiId).withCommunityId(communityId);
        store.createIfAbsent(n);
        created.add(n);
        clock.advance(Duration.ofMinutes(1));
    }

    /** The ids of the created notifications at these positions, in the order given. */
    private List<String> ids(int... positions) {
        List<String> ids = new ArrayList<>();
        for (int p : positions) {
            ids.add(NotificationJson.id(created.get(p)));
        }
        return ids;
    }

    private APIGatewayV2HTTPResponse list(APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, new TestContext("ListNotificationsFunction"));
    }

    private static APIGatewayV2HTTPEvent staffQuery(Map<String, String> params) {
        APIGatewayV2HTTPEvent event = EventFiles.api("list-notifications-staff.json");
        event.setQueryStringParameters(new HashMap<>(params));
        return event;
    }

    private static APIGatewayV2HTTPEvent otakiQuery(Map<String, String> params) {
        APIGatewayV2HTTPEvent event = EventFiles.api("list-notifications-school-user.json");
        event.setQueryStringParameters(new HashMap<>(params));
        return event;
    }

    /** The same request as the Kāpiti contact, a school user of another school, whose token says it in capitals. */
    private static APIGatewayV2HTTPEvent asKapiti(APIGatewayV2HTTPEvent event) {
        EventFiles.asSchoolUser(event, "kapiti-principal", "4455");
        EventFiles.claims(event).put("email", KAPITI.toUpperCase());
        return event;
    }

    /** Follows nextToken from the given request; returns the ids of each page. */
    private List<List<String>> pages(APIGatewayV2HTTPEvent first) {
        List<List<String>> pages = new ArrayList<>();
        APIGatewayV2HTTPEvent event = first;
        for (int page = 0; page < 20; page++) {
            APIGatewayV2HTTPResponse response = list(event);
            assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
            assertThat(response.getHeaders()).containsEntry("content-type", "application/json");
            JsonNode body = Problems.json(response);
            List<String> ids = new ArrayList<>();
            body.path("items").forEach(i -> ids.add(i.path("id").asText()));
            pages.add(ids);
            if (!body.hasNonNull("nextToken")) {
                return pages;
            }
            Map<String, String> query = new HashMap<>(event.getQueryStringParameters() == null ? Map.of()
                    : event.getQueryStringParameters());
            query.put("nextToken", body.path("nextToken").asText());
            event.setQueryStringParameters(query);
        }
        throw new AssertionError("more than 20 pages");
    }

    @Test
    void listNotificationsStaffEventPagesThroughEveryNotificationNewestFirst() {
        // limit=2
        assertThat(pages(EventFiles.api("list-notifications-staff.json")))
                .containsExactly(ids(6, 5), ids(4, 3), ids(2, 1), ids(0));
    }

    @Test
    void withoutALimitStaffGetTwentyAtATime() {
        JsonNode body = Problems.json(list(staffQuery(Map.of())));

        assertThat(body.path("items")).extracting(i -> i.path("id").asText())
                .containsExactlyElementsOf(ids(6, 5, 4, 3, 2, 1, 0));
        assertThat(body.has("nextToken")).isFalse();
    }

    @Test
    void anItemCarriesTheRecordAndWhatItIsAbout() {
        JsonNode items = Problems.json(list(staffQuery(Map.of()))).path("items");
        JsonNode approved = items.get(3); // created.get(3): the Ōtaki approval, sent

        assertThat(approved.path("id").asText())
                .isEqualTo(Base64.getUrlEncoder().withoutPadding().encodeToString(
                        ("EOI#" + OTAKI_EOI + "/NOTIFICATION#DECISION_APPROVED_CONTACT").getBytes(StandardCharsets.UTF_8)));
        assertThat(approved.path("kind").asText()).isEqualTo("DECISION_APPROVED_CONTACT");
        assertThat(approved.path("recipient").asText()).isEqualTo(OTAKI);
        assertThat(approved.path("subject").asText()).isEqualTo("Subject DECISION_APPROVED_CONTACT");
        assertThat(approved.path("body").asText()).isEqualTo("Body of DECISION_APPROVED_CONTACT\n");
        assertThat(approved.path("status").asText()).isEqualTo("SENT");
        assertThat(approved.path("createdAt").asText()).isEqualTo("2026-03-02T21:17:05Z");
        assertThat(approved.path("sentAt").asText()).isEqualTo("2026-03-02T21:17:07Z");
        assertThat(approved.path("messageId").asText()).isEqualTo("ses-DECISION_APPROVED_CONTACT-7c9e6679");
        assertThat(approved.path("source").asText()).isEqualTo("EOI#" + OTAKI_EOI);
        assertThat(approved.path("eoiId").asText()).isEqualTo(OTAKI_EOI);
        assertThat(approved.path("communityId").asText()).isEqualTo(OTAKI_COMMUNITY);

        JsonNode pending = items.get(0); // the last created: never sent
        assertThat(pending.path("status").asText()).isEqualTo("PENDING");
        assertThat(pending.has("sentAt")).isFalse();
        assertThat(pending.has("messageId")).isFalse();

        JsonNode received = items.get(6); // before any decision: no community yet
        assertThat(received.path("eoiId").asText()).isEqualTo(OTAKI_EOI);
        assertThat(received.has("communityId")).isFalse();
    }

    @Test
    void staffFilterByCommunityAcrossPages() {
        assertThat(pages(staffQuery(Map.of("communityId", OTAKI_COMMUNITY, "limit", "1"))))
                .containsExactly(ids(4), ids(3));
        assertThat(pages(staffQuery(Map.of("communityId", KAPITI_COMMUNITY))))
                .containsExactly(ids(6, 5));
    }

    @Test
    void aCommunityWithNoNotificationsIsAnEmptyList() {
        JsonNode body = Problems.json(list(staffQuery(Map.of("communityId", "00000000-0000-4000-8000-000000000000"))));

        assertThat(body.path("items").isArray()).isTrue();
        assertThat(body.path("items")).isEmpty();
        assertThat(body.has("nextToken")).isFalse();
    }

    @Test
    void listNotificationsSchoolUserEventSeesOnlyTheMailSentToTheirOwnAddress() {
        assertThat(pages(EventFiles.api("list-notifications-school-user.json"))).containsExactly(ids(3, 1));

        JsonNode items = Problems.json(list(EventFiles.api("list-notifications-school-user.json"))).path("items");
        assertThat(items).extracting(i -> i.path("recipient").asText().toLowerCase()).containsOnly(OTAKI);
        assertThat(items.toString()).doesNotContain(KAPITI, STAFF);
    }

    @Test
    void anotherUserSeesOnlyTheirsWhateverTheCaseOfTheirAddress() {
        assertThat(pages(asKapiti(otakiQuery(Map.of("limit", "1"))))).containsExactly(ids(5), ids(2));
    }

    @Test
    void aUsersCommunityFilterNarrowsTheirOwnLog() {
        assertThat(pages(otakiQuery(Map.of("communityId", OTAKI_COMMUNITY)))).containsExactly(ids(3));
        assertThat(pages(otakiQuery(Map.of("communityId", KAPITI_COMMUNITY)))).containsExactly(List.of());
    }

    @Test
    void programmeStaffAsAUserOfTheStaffAddressIsNotEnough() {
        // Only the staff group reads the staff log; a school user whose email is the staff address reads that
        // address's mail, not everyone's.
        APIGatewayV2HTTPEvent event = EventFiles.api("list-notifications-school-user.json");
        EventFiles.claims(event).put("email", STAFF);

        assertThat(pages(event)).containsExactly(ids(6, 4, 0));
    }

    @Test
    void anUnverifiedEmailIs403BeforeTheQueryIsChecked() {
        APIGatewayV2HTTPEvent event = otakiQuery(Map.of("limit", "0"));
        EventFiles.claims(event).put("email_verified", "false");

        JsonNode problem = Problems.assertProblem(list(event), 403);

        assertThat(problem.path("type").asText()).isEqualTo("/problems/forbidden");
        assertThat(problem.path("detail").asText()).contains("verified email");
        assertThat(problem.toString()).doesNotContain(OTAKI);
    }

    @Test
    void aUserWithoutAnEmailIs403() {
        APIGatewayV2HTTPEvent event = EventFiles.api("list-notifications-school-user.json");
        EventFiles.claims(event).remove("email");
        EventFiles.claims(event).remove("cognito:groups");
        EventFiles.claims(event).remove("custom:schoolNumber");

        Problems.assertProblem(list(event), 403);
    }

    @Test
    void aSignedInUserInNoGroupReadsTheirOwn() {
        APIGatewayV2HTTPEvent event = EventFiles.api("list-notifications-school-user.json");
        EventFiles.claims(event).remove("cognito:groups");
        EventFiles.claims(event).remove("custom:schoolNumber");

        assertThat(pages(event)).containsExactly(ids(3, 1));
    }

    @Test
    void staffNeedNoVerifiedEmail() {
        APIGatewayV2HTTPEvent event = staffQuery(Map.of("limit", "1"));
        EventFiles.claims(event).put("email_verified", "false");

        APIGatewayV2HTTPResponse response = list(event);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(Problems.json(response).path("items")).extracting(i -> i.path("id").asText())
                .containsExactlyElementsOf(ids(6));
    }

    @ParameterizedTest(name = "limit={0} -> 400 naming limit")
    @ValueSource(strings = {"0", "101", "abc", "-1", "2.5", ""})
    void aBadLimitIs400NamingIt(String limit) {
        JsonNode problem = Problems.assertProblem(list(staffQuery(Map.of("limit", limit))), 400);

        assertThat(problem.path("type").asText()).isEqualTo("/problems/validation");
        assertThat(Problems.errorFields(problem)).containsExactly("limit");
        assertThat(Problems.errorFields(Problems.assertProblem(list(otakiQuery(Map.of("limit", limit))), 400)))
                .containsExactly("limit");
    }

    @ParameterizedTest(name = "communityId={0} -> 400 naming communityId")
    @ValueSource(strings = {"abc", "", "1F0E8D7C-6B5A-4C3D-9E2F-0A1B2C3D4E5F", "COMMUNITY#1f0e8d7c-6b5a-4c3d-9e2f-0a1b2c3d4e5f"})
    void aBadCommunityIdIs400NamingIt(String communityId) {
        JsonNode problem = Problems.assertProblem(list(staffQuery(Map.of("communityId", communityId))), 400);

        assertThat(Problems.errorFields(problem)).containsExactly("communityId");
    }

    @ParameterizedTest(name = "nextToken={0} -> 400 naming nextToken")
    @ValueSource(strings = {"abc", "!!!", "e30", "eyJwayI6MX0", "bm90IGpzb24"})
    void aBadNextTokenIs400NamingIt(String token) {
        Problems.assertProblem(list(staffQuery(Map.of("nextToken", token))), 400);
        JsonNode problem = Problems.assertProblem(list(otakiQuery(Map.of("nextToken", token))), 400);

        assertThat(Problems.errorFields(problem)).containsExactly("nextToken");
    }

    @Test
    void aNextTokenOfTheReviewQueueIs400() {
        String token = token("{\"pk\":\"EOI#x\",\"sk\":\"EOI\",\"gsi1pk\":\"EOI_STATUS#SUBMITTED\","
                + "\"gsi1sk\":\"2026-03-02T09:30:00Z#x\"}");

        JsonNode problem = Problems.assertProblem(list(staffQuery(Map.of("nextToken", token))), 400);

        assertThat(Problems.errorFields(problem)).containsExactly("nextToken");
        assertThat(problem.path("detail").asText()).contains("another list");
    }

    @Test
    void aForgedNextTokenWithAnEmptyKeyIs400() {
        String token = token("{\"pk\":\"EOI#x\",\"sk\":\"NOTIFICATION#K\",\"gsi1pk\":\"NOTIFICATIONS\",\"gsi1sk\":\"\"}");

        Problems.assertProblem(list(staffQuery(Map.of("nextToken", token))), 400);
    }

    @Test
    void theStaffLogsTokenIsNotAUsersAndNoUserReadsOnWithAnothersToken() {
        String staffToken = Problems.json(list(EventFiles.api("list-notifications-staff.json"))).path("nextToken").asText();
        String otakiToken = Problems.json(list(otakiQuery(Map.of("limit", "1")))).path("nextToken").asText();
        assertThat(staffToken).isNotBlank();
        assertThat(otakiToken).isNotBlank();

        JsonNode staffTokenAsUser = Problems.assertProblem(list(otakiQuery(Map.of("nextToken", staffToken))), 400);
        JsonNode userTokenAsStaff = Problems.assertProblem(list(staffQuery(Map.of("nextToken", otakiToken))), 400);
        JsonNode anothersToken = Problems.assertProblem(list(asKapiti(otakiQuery(Map.of("nextToken", otakiToken)))), 400);

        assertThat(Problems.errorFields(staffTokenAsUser)).containsExactly("nextToken");
        assertThat(Problems.errorFields(userTokenAsStaff)).containsExactly("nextToken");
        assertThat(Problems.errorFields(anothersToken)).containsExactly("nextToken");
        assertThat(anothersToken.toString()).doesNotContain(OTAKI, KAPITI);
    }

    @Test
    void noVerifiedIdentityIs401() {
        APIGatewayV2HTTPEvent event = EventFiles.api("list-notifications-school-user.json");
        event.getRequestContext().setAuthorizer(null);

        Problems.assertProblem(list(event), 401);
    }

    @Test
    void dynamoDbDependencyDownIs500NamingOnlyTheRequestIdAndLoggingNoAddress() {
        URI closed = URI.create("http://localhost:" + FreePort.find());
        ListNotificationsHandler down = new ListNotificationsHandler(new NotificationLog(
                new DynamoNotificationLogStore(DynamoDbLocal.clientFor(closed), table)));
        TestContext context = new TestContext("ListNotificationsFunction", "notifications-req-3");

        APIGatewayV2HTTPResponse response = down.handleRequest(EventFiles.api("list-notifications-school-user.json"),
                context);

        JsonNode problem = Problems.assertProblem(response, 500);
        assertThat(problem.path("detail").asText())
                .isEqualTo("the request could not be completed; quote request id notifications-req-3");
        assertThat(SubmitEoiHandlerIntegrationTest.fieldNames(problem)).containsExactlyInAnyOrder("type", "title", "status", "detail");
        assertThat(response.getBody()).doesNotContain(table, "localhost", "Exception", "gsi2", OTAKI);
        assertThat(context.logLines()).anySatisfy(line -> assertThat(line).startsWith("ERROR").contains("GET /notifications"));
        assertThat(context.logLines()).noneSatisfy(line -> assertThat(line).containsIgnoringCase(OTAKI));
    }

    private static String token(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
