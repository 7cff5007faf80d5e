package org.schoolcollab.community;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.schoolcollab.community.adapters.CommunityItemMapper;
import org.schoolcollab.community.adapters.DynamoDecisionStore;
import org.schoolcollab.community.adapters.EoiDecisionItemMapper;
import org.schoolcollab.eoi.EoiService;
import org.schoolcollab.eoi.EoiStatus;
import org.schoolcollab.eoi.ExpressionOfInterest;
import org.schoolcollab.eoi.adapters.DynamoEoiStore;
import org.schoolcollab.eoi.adapters.SchoolClaims;
import org.schoolcollab.handlers.http.DecideEoiHandler;
import org.schoolcollab.kernel.Rejection;
import org.schoolcollab.kernel.adapters.Transactions;
import org.schoolcollab.testsupport.DecisionBodies;
import org.schoolcollab.testsupport.DynamoDbLocal;
import org.schoolcollab.testsupport.EoiBodies;
import org.schoolcollab.testsupport.EventFiles;
import org.schoolcollab.testsupport.MutableClock;
import org.schoolcollab.testsupport.Problem;
import org.schoolcollab.testsupport.Problems;
import org.schoolcollab.testsupport.Requests;
import org.schoolcollab.testsupport.TestContext;
import org.schoolcollab.testsupport.TransactionConflictInjectingDynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff deciding at once, over DynamoDB Local through the real handler: the transaction's condition on SUBMITTED
 * lets exactly one decision in, whatever the mix of approvals and declines, and the table shows only the winner.
 */
class CommunityFormationIntegrationTest {
    private static final Instant T0 = Instant.parse("2026-03-02T21:14:05Z");
    private static final int RACERS = 8;

    private String table;
    private MutableClock clock;
    private DynamoEoiStore store;
    private EoiService eois;
    private DecideEoiHandler handler;

    @BeforeEach
    void setUp() {
        table = DynamoDbLocal.createTable("decision-race");
        clock = new MutableClock(T0);
        store = new DynamoEoiStore(DynamoDbLocal.client(), table);
        eois = new EoiService(store, clock);
        // Random community ids, as in production: each approving racer proposes a community of its own.
        handler = new DecideEoiHandler(new CommunityFormation(store, new DynamoDecisionStore(DynamoDbLocal.client(), table), clock));
    }

    @Test
    void eightStaffDecidingOneEoiAtOnceWithMixedDecisionsHaveExactlyOneWinner() throws Exception {
        // Several rounds, each on a fresh application, so both an approval and a decline get their chance to win.
        List<String> winners = new ArrayList<>();
        for (int round = 0; round < 6; round++) {
            String school = String.valueOf(5000 + round * 10);
            String id = submit(school, EoiBodies.withSchools("Race " + round, school, String.valueOf(5001 + round * 10),
                    String.valueOf(5002 + round * 10)));
            List<Callable<APIGatewayV2HTTPResponse>> decisions = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                String staff = "staff-" + i;
                String body = i % 2 == 0 ? DecisionBodies.approve() : DecisionBodies.decline("declined by " + staff);
                decisions.add(() -> handler.handleRequest(decideEvent(id, staff, body), new TestContext("DecideEoiFunction")));
            }

            List<APIGatewayV2HTTPResponse> responses = race(decisions);

            winners.add(assertExactlyOneWinner(id, responses, 3));
        }
        assertThat(winners).hasSize(6).allSatisfy(w -> assertThat(w).isIn("APPROVED", "DECLINED"));
    }

    @Test
    void eightStaffApprovingAtOnceFormOneCommunity() throws Exception {
        String id = submit("5100", EoiBodies.withSchools("All approve", "5100", "5101"));
        List<Callable<APIGatewayV2HTTPResponse>> decisions = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            String staff = "staff-" + i;
            decisions.add(() -> handler.handleRequest(decideEvent(id, staff, DecisionBodies.approve()),
                    new TestContext("DecideEoiFunction")));
        }

        assertThat(assertExactlyOneWinner(id, race(decisions), 2)).isEqualTo("APPROVED");
    }

    @Test
    void eightStaffDecliningAtOnceRecordOneDecline() throws Exception {
        String id = submit("5200", EoiBodies.withSchools("All decline", "5200", "5201"));
        List<Callable<APIGatewayV2HTTPResponse>> decisions = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            String staff = "staff-" + i;
            decisions.add(() -> handler.handleRequest(decideEvent(id, staff, DecisionBodies.decline("no " + staff)),
                    new TestContext("DecideEoiFunction")));
        }

        assertThat(assertExactlyOneWinner(id, race(decisions), 2)).isEqualTo("DECLINED");
    }

    @Test
    void decisionsOnDifferentApplicationsAtOnceAllSucceed() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            String school = String.valueOf(5300 + i * 10);
            ids.add(submit(school, EoiBodies.withSchools("Own " + i, school, String.valueOf(5301 + i * 10))));
        }
        List<Callable<APIGatewayV2HTTPResponse>> decisions = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            String id = ids.get(i);
            String body = i % 2 == 0 ? DecisionBodies.approve() : DecisionBodies.decline("not now");
            decisions.add(() -> handler.handleRequest(decideEvent(id, "staff-" + id.substring(0, 4), body),
                    new TestContext("DecideEoiFunction")));
        }

        List<APIGatewayV2HTTPResponse> responses = race(decisions);

        assertThat(responses).extracting(APIGatewayV2HTTPResponse::getStatusCode).containsOnly(201);
        assertThat(DynamoDbLocal.scanType(table, "DECISION")).hasSize(RACERS);
        assertThat(DynamoDbLocal.scanType(table, CommunityItemMapper.TYPE)).hasSize(RACERS / 2);
        assertThat(DynamoDbLocal.scanType(table, SchoolClaims.TYPE)).hasSize(RACERS / 2 * 2)
                .allSatisfy(c -> assertThat(c).containsKey("communityId"));
    }

    @Test
    void aDeclineRacingNewApplicationsForTheSameSchoolsLeavesEveryClaimWithOneLiveApplication() throws Exception {
        String declined = submit("5400", EoiBodies.withSchools("First try", "5400", "5401"));
        List<Callable<Object>> tasks = new ArrayList<>();
        tasks.add(() -> handler.handleRequest(decideEvent(declined, "staff-0", DecisionBodies.decline("try again")),
                new TestContext("DecideEoiFunction")));
        for (int i = 0; i < 4; i++) {
            int n = i;
            tasks.add(() -> Requests.submit(eois, DecisionBodies.schoolUser("again-" + n, "5400"),
                    EoiBodies.text(EoiBodies.withSchools("Second try " + n, "5400", "5401")), Optional.empty()));
        }

        List<Object> outcomes = race(tasks);

        assertThat(((APIGatewayV2HTTPResponse) outcomes.getFirst()).getStatusCode()).isEqualTo(201);
        List<Requests.Answer> resubmitted = outcomes.subList(1, outcomes.size()).stream()
                .filter(Requests.Answer.class::isInstance).map(Requests.Answer.class::cast).toList();
        assertThat(resubmitted).as("outcomes %s", outcomes).hasSizeLessThanOrEqualTo(1);
        assertThat(outcomes.subList(1, outcomes.size())).allSatisfy(o -> {
            if (o instanceof Rejection e) {
                assertThat(Problem.of(e).status()).isEqualTo(409);
            } else {
                assertThat(o).isInstanceOf(Requests.Answer.class);
            }
        });
        List<Map<String, AttributeValue>> claims = DynamoDbLocal.scanType(table, SchoolClaims.TYPE);
        if (resubmitted.isEmpty()) {
            assertThat(claims).isEmpty();
        } else {
            String winner = resubmitted.getFirst().location().substring("/expressions-of-interest/".length());
            assertThat(claims).hasSize(2).allSatisfy(c -> assertThat(c.get("eoiId").s()).isEqualTo(winner));
        }
        assertThat(store.find(declined)).hasValueSatisfying(e -> assertThat(e.status()).isEqualTo(EoiStatus.DECLINED));
    }

    @Test
    void aTransactionConflict_faultInjected_isRetriedAndTheDecisionIsRecordedOnce() {
        String id = submit("5500", EoiBodies.withSchools("Conflicted", "5500", "5501"));
        var conflicting = new TransactionConflictInjectingDynamoDbClient(DynamoDbLocal.client(), 2);
        DecideEoiHandler withConflicts = new DecideEoiHandler(new CommunityFormation(new DynamoEoiStore(conflicting, table),
                new DynamoDecisionStore(conflicting, table), clock));

        APIGatewayV2HTTPResponse response = withConflicts.handleRequest(decideEvent(id, "staff-0", DecisionBodies.approve()),
                new TestContext("DecideEoiFunction"));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        assertThat(conflicting.transactCalls()).isEqualTo(3);
        assertExactlyOneWinner(id, List.of(response), 2);
    }

    @Test
    void aTransactionConflictThatPersists_faultInjected_is500AndChangesNothing() {
        String id = submit("5600", EoiBodies.withSchools("Stuck", "5600", "5601"));
        List<Map<String, AttributeValue>> before = DynamoDbLocal.scan(table);
        var conflicting = new TransactionConflictInjectingDynamoDbClient(DynamoDbLocal.client(), Integer.MAX_VALUE);
        DecideEoiHandler withConflicts = new DecideEoiHandler(new CommunityFormation(new DynamoEoiStore(conflicting, table),
                new DynamoDecisionStore(conflicting, table), clock));

        APIGatewayV2HTTPResponse response = withConflicts.handleRequest(decideEvent(id, "staff-0", DecisionBodies.approve()),
                new TestContext("DecideEoiFunction"));

        Problems.assertProblem(response, 500);
        assertThat(conflicting.transactCalls()).isEqualTo(Transactions.MAX_ATTEMPTS);
        assertThat(DynamoDbLocal.scan(table)).isEqualTo(before);
    }

    // ------------------------------------------------------------------ helpers

    /**
     * Exactly one 201, every other response a 409 already-decided; one DECISION item, the winner's; a community
     * only for an approval; the application's status, history and claims as the winner left them. Returns the
     * winning decision.
     */
    private String assertExactlyOneWinner(String eoiId, List<APIGatewayV2HTTPResponse> responses, int schools) {
        List<APIGatewayV2HTTPResponse> created = responses.stream().filter(r -> r.getStatusCode() == 201).toList();
        assertThat(created).as("responses %s", responses.stream().map(APIGatewayV2HTTPResponse::getBody).toList())
                .hasSize(1);
        assertThat(responses).filteredOn(r -> r.getStatusCode() != 201).allSatisfy(r ->
                assertThat(Problems.assertProblem(r, 409).path("type").asText()).isEqualTo("/problems/already-decided"));
        JsonNode won = Problems.json(created.getFirst());
        String outcome = won.path("decision").asText();
        String pk = "EOI#" + eoiId;

        List<Map<String, AttributeValue>> decisions = DynamoDbLocal.scanType(table, "DECISION").stream()
                .filter(d -> d.get("pk").s().equals(pk)).toList();
        assertThat(decisions).hasSize(1);
        EoiDecision decision = EoiDecisionItemMapper.fromItem(decisions.getFirst());
        assertThat(decision.decision().name()).isEqualTo(outcome);
        assertThat(decision.decidedBySub()).isEqualTo(won.path("decidedBy").path("sub").asText());
        assertThat(decision.reason()).isEqualTo(won.path("reason").isMissingNode() ? null : won.path("reason").asText());

        List<Community> communities = DynamoDbLocal.scanType(table, CommunityItemMapper.TYPE).stream()
                .map(CommunityItemMapper::fromItem).filter(c -> c.eoiId().equals(eoiId)).toList();
        ExpressionOfInterest eoi = store.find(eoiId).orElseThrow();
        assertThat(eoi.history()).hasSize(2);
        assertThat(eoi.history().get(1).event()).isEqualTo(outcome);
        assertThat(eoi.history().get(1).by()).isEqualTo(decision.decidedBySub());
        // The entry says what the winner decided (its reason, an approval's wave), never a loser's.
        assertThat(eoi.history().get(1)).isEqualTo(new ExpressionOfInterest.HistoryEntry(decision.decidedAt(), outcome,
                decision.decidedBySub(), outcome.equals("APPROVED") ? decision.wave() : null, decision.reason()));
        List<Map<String, AttributeValue>> claims = DynamoDbLocal.scanType(table, SchoolClaims.TYPE).stream()
                .filter(c -> eoi.application().schoolNumbers().contains(c.get("schoolNumber").s())
                        && c.get("programme").s().equals(eoi.application().programme().id()))
                .toList();
        if (outcome.equals("APPROVED")) {
            assertThat(eoi.status()).isEqualTo(EoiStatus.APPROVED);
            assertThat(communities).hasSize(1);
            Community community = communities.getFirst();
            assertThat(community.id()).isEqualTo(won.path("communityId").asText()).isEqualTo(eoi.communityId())
                    .isEqualTo(decision.communityId());
            assertThat(community.status()).isEqualTo(CommunityStatus.FORMING);
            assertThat(community.members()).isEqualTo(eoi.application().schools());
            assertThat(claims).hasSize(schools).allSatisfy(c -> {
                assertThat(c.get("eoiId").s()).isEqualTo(eoiId);
                assertThat(c.get("communityId").s()).isEqualTo(community.id());
            });
        } else {
            assertThat(eoi.status()).isEqualTo(EoiStatus.DECLINED);
            assertThat(eoi.communityId()).isNull();
            assertThat(communities).isEmpty();
            assertThat(claims).isEmpty();
        }
        return outcome;
    }

    private String submit(String school, com.fasterxml.jackson.databind.node.ObjectNode body) {
        var submitted = Requests.submit(eois, DecisionBodies.schoolUser("sub-" + school, school), EoiBodies.text(body), Optional.empty());
        clock.advance(Duration.ofMinutes(1));
        return submitted.location().substring("/expressions-of-interest/".length());
    }

    /** events/decide-eoi-approve.json, for another application, another member of staff and another body. */
    private static APIGatewayV2HTTPEvent decideEvent(String eoiId, String staffSub, String body) {
        APIGatewayV2HTTPEvent event = EventFiles.api("decide-eoi-approve.json");
        event.setPathParameters(Map.of("id", eoiId));
        event.setRawPath("/expressions-of-interest/" + eoiId + "/decision");
        Map<String, String> claims = EventFiles.claims(event);
        claims.put("sub", staffSub);
        claims.put("email", staffSub + "@programme-office.example.govt.nz");
        event.setBody(body);
        return event;
    }

    /** Runs the tasks on their own threads, released together by one start gate; returns results or rejections. */
    private static <T> List<T> race(List<? extends Callable<? extends T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch ready = new CountDownLatch(tasks.size());
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<? extends T> task : tasks) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    start.await();
                    try {
                        return task.call();
                    } catch (Rejection e) {
                        @SuppressWarnings("unchecked") T outcome = (T) e;
                        return outcome;
                    }
                }));
            }
            assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
            start.countDown();
            List<T> outcomes = new ArrayList<>();
            for (Future<T> f : futures) {
                outcomes.add(f.get(60, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
