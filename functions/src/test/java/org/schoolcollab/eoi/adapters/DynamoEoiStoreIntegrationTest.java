package org.schoolcollab.eoi.adapters;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.schoolcollab.api.SubmitEoiRequest;
import org.schoolcollab.community.CommunityFormation;
import org.schoolcollab.community.adapters.DynamoDecisionStore;
import org.schoolcollab.eoi.EoiApplication;
import org.schoolcollab.eoi.EoiService;
import org.schoolcollab.eoi.EoiStatus;
import org.schoolcollab.eoi.EoiStore;
import org.schoolcollab.eoi.ExpressionOfInterest;
import org.schoolcollab.kernel.Actor;
import org.schoolcollab.kernel.FieldError;
import org.schoolcollab.kernel.Json;
import org.schoolcollab.kernel.Page;
import org.schoolcollab.kernel.Rejection;
import org.schoolcollab.kernel.adapters.Keys;
import org.schoolcollab.kernel.adapters.Transactions;
import org.schoolcollab.testsupport.DynamoDbLocal;
import org.schoolcollab.testsupport.EoiBodies;
import org.schoolcollab.testsupport.MutableClock;
import org.schoolcollab.testsupport.Problem;
import org.schoolcollab.testsupport.Requests;
import org.schoolcollab.testsupport.TransactionConflictInjectingDynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The DynamoDB adapter against DynamoDB Local: the claim transaction, idempotency keys, races, the queue. */
class DynamoEoiStoreIntegrationTest {
    private static final Instant T0 = Instant.parse("2026-03-02T21:14:05Z");
    private static final Actor OTAKI = schoolUser("otaki-sub", "9101");

    private String table;
    private MutableClock clock;
    private DynamoEoiStore store;
    private EoiService service;

    @BeforeEach
    void setUp() {
        table = DynamoDbLocal.createTable("store");
        clock = new MutableClock(T0);
        store = new DynamoEoiStore(DynamoDbLocal.client(), table);
        service = new EoiService(store, clock);
    }

    // ------------------------------------------------------------------ the transaction

    @Test
    void oneTransactionWritesTheEoiOneClaimPerSchoolTheIdempotencyKeyAndEachSchoolsIndexItem() {
        String body = EoiBodies.text(EoiBodies.valid());

        Requests.Answer submitted = Requests.submit(service, OTAKI, body, Optional.of("key-1"));

        String id = json(submitted.body()).path("id").asText();
        List<Map<String, AttributeValue>> items = DynamoDbLocal.scan(table);
        String indexSk = "EOI#2026-03-02T21:14:05.000000000Z#" + id;
        assertThat(items).extracting(i -> i.get("pk").s() + " " + i.get("sk").s()).containsExactly(
                "CLAIM#kahui-ako#9101 CLAIM", "CLAIM#kahui-ako#9102 CLAIM", "CLAIM#kahui-ako#9103 CLAIM",
                "EOI#" + id + " EOI", "IDEMPOTENCY#otaki-sub#key-1 IDEMPOTENCY",
                "SCHOOL#9101 " + indexSk, "SCHOOL#9102 " + indexSk, "SCHOOL#9103 " + indexSk);
        for (Map<String, AttributeValue> index : items.subList(5, 8)) {
            assertThat(index.get("type").s()).isEqualTo(EoiItemMapper.SCHOOL_INDEX_TYPE);
            assertThat(index.get("eoiId").s()).isEqualTo(id);
            assertThat(index.get("programme").s()).isEqualTo("kahui-ako");
            assertThat(index.get("submittedAt").s()).isEqualTo(T0.toString());
            assertThat(index.get("pk").s()).isEqualTo("SCHOOL#" + index.get("schoolNumber").s());
            assertThat(index).as("no queue keys: the index is the school's partition").doesNotContainKeys("gsi1pk", "gsi2pk");
        }

        for (Map<String, AttributeValue> claim : items.subList(0, 3)) {
            assertThat(claim.get("type").s()).isEqualTo(SchoolClaims.TYPE);
            assertThat(claim.get("programme").s()).isEqualTo("kahui-ako");
            assertThat(claim.get("eoiId").s()).isEqualTo(id);
            assertThat(claim.get("claimedAt").s()).isEqualTo(T0.toString());
            assertThat(claim.get("pk").s()).endsWith("#" + claim.get("schoolNumber").s());
        }

        Map<String, AttributeValue> eoi = items.get(3);
        assertThat(eoi.get("type").s()).isEqualTo("EOI");
        assertThat(eoi.get("gsi1pk").s()).isEqualTo("EOI_STATUS#SUBMITTED");
        assertThat(eoi.get("gsi1sk").s()).isEqualTo(Keys.sortable(T0) + "#" + id);
        assertThat(eoi.get("totalRoll").n()).isEqualTo("1035");
        assertThat(eoi.get("communityName").s()).isEqualTo("Kāhui Ako o Ōtaki");
        assertThat(eoi.get("submittedBySub").s()).isEqualTo("otaki-sub");
        assertThat(store.find(id)).hasValueSatisfying(found -> {
            assertThat(found.application()).isEqualTo(SubmitEoiRequest.parse(body));
            assertThat(found.submittedAt()).isEqualTo(T0);
        });

        Map<String, AttributeValue> key = items.get(4);
        assertThat(key.get("type").s()).isEqualTo(IdempotencyItems.TYPE);
        assertThat(key.get("requestHash").s()).isEqualTo(SubmitEoiRequest.sha256(body));
        // The key names the application it created; a retry is answered with that application as first recorded.
        assertThat(key.get("eoiId").s()).isEqualTo(id);
        assertThat(key).doesNotContainKeys("status", "body", "location");
        assertThat(key.get("expiresAt").n()).isEqualTo(String.valueOf(T0.plus(Duration.ofHours(24)).getEpochSecond()));
    }

    @Test
    void aSecondEoiNamingClaimedSchoolsIsRefusedNamingExactlyThoseAndWritesNothing() {
        store.create(eoi("first", "Kāhui Ako o Ōtaki", "9101", "9102", "9103"), Optional.empty());
        List<Map<String, AttributeValue>> before = DynamoDbLocal.scan(table);

        var e = catchThrowableOfType(EoiStore.SchoolsAlreadyClaimedException.class, () -> store.create(
                eoi("second", "Overlap", "9101", "4455", "9103", "4456"), Optional.of(idempotent("k", "second"))));

        assertThat(e.schoolNumbers()).containsExactly("9101", "9103");
        assertThat(DynamoDbLocal.scan(table)).isEqualTo(before);
    }

    @Test
    void theServiceAnswersAClaimConflictWith409NamingTheSchools() {
        Requests.submit(service, OTAKI, EoiBodies.text(EoiBodies.valid()), Optional.empty());
        List<Map<String, AttributeValue>> before = DynamoDbLocal.scan(table);

        Problem e = Problem.of(catchThrowable(() -> Requests.submit(service, schoolUser("kapiti", "4455"),
                EoiBodies.text(EoiBodies.withSchools("Kāpiti", "4455", "9102")), Optional.of("kapiti-key"))));

        assertThat(e.status()).isEqualTo(409);
        assertThat(e.type()).isEqualTo("/problems/schools-already-claimed");
        assertThat(e.extensions()).containsEntry("claimedSchoolNumbers", List.of("9102"));
        assertThat(DynamoDbLocal.scan(table)).as("no EOI, claim or idempotency key written").isEqualTo(before);
    }

    @Test
    void aTransactionConflict_faultInjected_isRetriedAndTheSubmissionSucceeds() {
        var conflicting = new TransactionConflictInjectingDynamoDbClient(DynamoDbLocal.client(), 2);
        EoiService withConflicts = new EoiService(new DynamoEoiStore(conflicting, table), clock);

        Requests.Answer submitted = Requests.submit(withConflicts, OTAKI, EoiBodies.text(EoiBodies.valid()), Optional.empty());

        assertThat(submitted.status()).isEqualTo(201);
        assertThat(conflicting.transactCalls()).isEqualTo(3);
        assertThat(DynamoDbLocal.scanType(table, EoiItemMapper.TYPE)).hasSize(1);
    }

    @Test
    void aTransactionConflictThatPersists_faultInjected_failsAfterBoundedRetriesWritingNothing() {
        var conflicting = new TransactionConflictInjectingDynamoDbClient(DynamoDbLocal.client(), Integer.MAX_VALUE);
        DynamoEoiStore withConflicts = new DynamoEoiStore(conflicting, table);

        catchThrowableOfType(TransactionCanceledException.class,
                () -> withConflicts.create(eoi("x", "Stuck", "9101", "9102"), Optional.empty()));

        assertThat(conflicting.transactCalls()).isEqualTo(Transactions.MAX_ATTEMPTS);
        assertThat(DynamoDbLocal.scan(table)).isEmpty();
    }

    // ------------------------------------------------------------------ idempotency keys

    @Test
    void theSameKeyAndBodyReturnTheFirstResponseWithoutASecondEoi() {
        String body = EoiBodies.text(EoiBodies.valid());
        Requests.Answer first = Requests.submit(service, OTAKI, body, Optional.of("retry-me"));
        clock.advance(Duration.ofMinutes(10));

        Requests.Answer again = Requests.submit(service, OTAKI, body, Optional.of("retry-me"));

        assertThat(first.replayed()).isFalse();
        assertThat(again.replayed()).isTrue();
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.location()).isEqualTo(first.location());
        assertThat(DynamoDbLocal.scanType(table, EoiItemMapper.TYPE)).hasSize(1);
    }

    @Test
    void theSameKeyWithADifferentBodyIs422AndWritesNothing() {
        Requests.submit(service, OTAKI, EoiBodies.text(EoiBodies.valid()), Optional.of("reused"));
        List<Map<String, AttributeValue>> before = DynamoDbLocal.scan(table);

        Problem e = Problem.of(catchThrowable(() -> Requests.submit(service, OTAKI,
                EoiBodies.text(EoiBodies.withSchools("Something else", "9101", "7777")), Optional.of("reused"))));

        assertThat(e.status()).isEqualTo(422);
        assertThat(e.type()).isEqualTo("/problems/idempotency-key-reused");
        assertThat(DynamoDbLocal.scan(table)).isEqualTo(before);
    }

    @Test
    void keysAreScopedToTheUser() {
        Requests.submit(service, OTAKI, EoiBodies.text(EoiBodies.valid()), Optional.of("shared-key"));

        Requests.Answer other = Requests.submit(service, schoolUser("kapiti", "4455"),
                EoiBodies.text(EoiBodies.withSchools("Kāpiti", "4455", "4456")), Optional.of("shared-key"));

        assertThat(other.status()).isEqualTo(201);
        assertThat(other.replayed()).isFalse();
        assertThat(DynamoDbLocal.scanType(table, EoiItemMapper.TYPE)).hasSize(2);
    }

    @Test
    void anUnexpiredKeyStillRefusesADifferentBodyOneSecondBeforeExpiry() {
        Requests.submit(service, OTAKI, EoiBodies.text(EoiBodies.valid()), Optional.of("day-key"));
        clock.set(T0.plus(EoiService.IDEMPOTENCY_TTL).minusSeconds(1));

        Problem e = Problem.of(catchThrowable(() -> Requests.submit(service, OTAKI,
                EoiBodies.text(EoiBodies.withSchools("Tomorrow's idea", "9101", "7777")), Optional.of("day-key"))));

        assertThat(e.status()).isEqualTo(422);
    }

    @ParameterizedTest(name = "{0}s after the expiry instant")
    @ValueSource(longs = {0, 1, 3600})
    void anExpiredKeyMayBeUsedAgain(long secondsAfterExpiry) {
        Requests.Answer first = Requests.submit(service, OTAKI,
                EoiBodies.text(EoiBodies.withSchools("Yesterday", "9101", "9102")), Optional.of("day-key"));
        clock.set(T0.plus(EoiService.IDEMPOTENCY_TTL).plusSeconds(secondsAfterExpiry));
        String newBody = EoiBodies.text(EoiBodies.withSchools("Today", "9101", "7777").put("programme", "school-improvement"));

        Requests.Answer second = Requests.submit(service, OTAKI, newBody, Optional.of("day-key"));

        assertThat(second.status()).isEqualTo(201);
        assertThat(second.replayed()).isFalse();
        assertThat(second.body()).isNotEqualTo(first.body());
        assertThat(DynamoDbLocal.scanType(table, EoiItemMapper.TYPE)).hasSize(2);
        List<Map<String, AttributeValue>> keys = DynamoDbLocal.scanType(table, IdempotencyItems.TYPE);
        assertThat(keys).singleElement().satisfies(k -> {
            assertThat(k.get("requestHash").s()).isEqualTo(SubmitEoiRequest.sha256(newBody));
            assertThat(k.get("eoiId").s()).isEqualTo(second.id());
        });
    }

    @Test
    void thirtySchoolsWithAnIdempotencyKeyFitOneTransaction() {
        String[] schools = new String[EoiApplication.MAX_SCHOOLS];
        for (int i = 0; i < schools.length; i++) {
            schools[i] = String.valueOf(4000 + i);
        }

        Requests.Answer submitted = Requests.submit(service, schoolUser("big-sub", "4000"),
                EoiBodies.text(EoiBodies.withSchools("Thirty Schools", schools)), Optional.of("thirty"));

        assertThat(submitted.status()).isEqualTo(201);
        assertThat(DynamoDbLocal.scanType(table, SchoolClaims.TYPE)).hasSize(30);
        assertThat(DynamoDbLocal.scanType(table, EoiItemMapper.SCHOOL_INDEX_TYPE)).hasSize(30);
        assertThat(DynamoDbLocal.scanType(table, IdempotencyItems.TYPE)).hasSize(1);
        assertThat(Requests.list(service, schoolUser("other-sub", "4029"), Optional.empty(), Optional.empty(), Optional.empty())
                .items()).extracting(ExpressionOfInterest::id).containsExactly(json(submitted.body()).path("id").asText());
    }

    @Test
    void aRefusedSubmissionListsNothingUnderItsSchools() {
        store.create(eoi("first", "Kāhui Ako o Ōtaki", "9101", "9102"), Optional.empty());

        Problem.of(catchThrowable(() -> Requests.submit(service, schoolUser("late-sub", "9103"),
                EoiBodies.text(EoiBodies.withSchools("Late", "9103", "9102")), Optional.of("late"))));

        assertThat(DynamoDbLocal.scanType(table, EoiItemMapper.SCHOOL_INDEX_TYPE))
                .extracting(i -> i.get("pk").s()).containsExactly("SCHOOL#9101", "SCHOOL#9102");
        assertThat(Requests.list(service, schoolUser("late-sub", "9103"), Optional.empty(), Optional.empty(), Optional.empty())
                .items()).isEmpty();
    }

    // ------------------------------------------------------------------ races

    @Test
    void sixteenConcurrentEoisNamingTheSameSchoolHaveExactlyOneWinner() throws Exception {
        int racers = 16;
        List<Callable<Object>> submissions = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            int n = i;
            submissions.add(() -> Requests.submit(service, schoolUser("racer-" + n, "5000"),
                    EoiBodies.text(EoiBodies.withSchools("Race " + n, "5000", String.valueOf(6000 + n))), Optional.empty()));
        }

        List<Object> outcomes = race(submissions);

        List<Requests.Answer> winners = outcomes.stream()
                .filter(Requests.Answer.class::isInstance).map(Requests.Answer.class::cast).toList();
        List<Problem> losers = outcomes.stream()
                .filter(Rejection.class::isInstance).map(o -> Problem.of((Rejection) o)).toList();
        assertThat(winners).as("outcomes %s", outcomes).hasSize(1);
        assertThat(losers).hasSize(racers - 1).allSatisfy(e -> {
            assertThat(e.status()).isEqualTo(409);
            assertThat(e.extensions()).containsEntry("claimedSchoolNumbers", List.of("5000"));
        });
        String winnerId = json(winners.getFirst().body()).path("id").asText();
        assertThat(DynamoDbLocal.scanType(table, EoiItemMapper.TYPE)).singleElement()
                .satisfies(item -> assertThat(item.get("id").s()).isEqualTo(winnerId));
        List<Map<String, AttributeValue>> claims = DynamoDbLocal.scanType(table, SchoolClaims.TYPE);
        assertThat(claims).hasSize(2).allSatisfy(c -> assertThat(c.get("eoiId").s()).isEqualTo(winnerId));
        // The losers wrote nothing, their index items included: the contested school lists the winner only.
        assertThat(DynamoDbLocal.scanType(table, EoiItemMapper.SCHOOL_INDEX_TYPE)).hasSize(2)
                .allSatisfy(i -> assertThat(i.get("eoiId").s()).isEqualTo(winnerId));
        assertThat(Requests.list(service, schoolUser("any", "5000"), Optional.empty(), Optional.empty(), Optional.empty()).items())
                .extracting(ExpressionOfInterest::id).containsExactly(winnerId);
    }

    @Test
    void eightConcurrentRetriesWithOneIdempotencyKeyStoreOneEoiAndAllGetItsId() throws Exception {
        String body = EoiBodies.text(EoiBodies.valid());
        List<Callable<Object>> submissions = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            submissions.add(() -> Requests.submit(service, OTAKI, body, Optional.of("double-click")));
        }

        List<Object> outcomes = race(submissions);

        assertThat(outcomes).as("outcomes %s", outcomes).allSatisfy(o -> assertThat(o).isInstanceOf(Requests.Answer.class));
        List<Requests.Answer> answers = outcomes.stream().map(Requests.Answer.class::cast).toList();
        assertThat(answers).extracting(Requests.Answer::status).containsOnly(201);
        assertThat(answers).extracting(a -> json(a.body()).path("id").asText()).containsOnly(
                json(answers.getFirst().body()).path("id").asText());
        assertThat(answers).filteredOn(a -> !a.replayed()).hasSize(1);
        assertThat(DynamoDbLocal.scanType(table, EoiItemMapper.TYPE)).hasSize(1);
        assertThat(DynamoDbLocal.scanType(table, IdempotencyItems.TYPE)).hasSize(1);
    }

    /** Runs the tasks on their own threads, released together by one start gate; returns results or rejections. */
    private static List<Object> race(List<Callable<Object>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch ready = new CountDownLatch(tasks.size());
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Object>> futures = new ArrayList<>();
            for (Callable<Object> task : tasks) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    start.await();
                    try {
                        return task.call();
                    } catch (Rejection e) {
                        return e;
                    }
                }));
            }
            assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
            start.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> f : futures) {
                outcomes.add(f.get(60, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    // ------------------------------------------------------------------ the staff queue

    @Test
    void theQueueIsOldestFirstAcrossPages() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String school = String.valueOf(3000 + 2 * i);
            var submitted = Requests.submit(service, schoolUser("s" + i, school), EoiBodies.text(EoiBodies.withSchools(
                    "Community " + i, school, String.valueOf(3001 + 2 * i))), Optional.empty());
            ids.add(json(submitted.body()).path("id").asText());
            clock.advance(Duration.ofMinutes(i % 2 == 0 ? 1 : 90));
        }
        Actor staff = staff();

        List<String> seen = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        Optional<String> token = Optional.empty();
        do {
            Page<ExpressionOfInterest> page = Requests.list(service, staff, Optional.of("SUBMITTED"), Optional.of("3"), token);
            page.items().forEach(e -> seen.add(e.id()));
            sizes.add(page.items().size());
            token = page.nextToken();
        } while (token.isPresent() && sizes.size() < 10);

        assertThat(seen).containsExactlyElementsOf(ids);
        assertThat(sizes).containsExactly(3, 3, 1);
        List<Instant> times = new ArrayList<>();
        Requests.list(service, staff, Optional.empty(), Optional.of("100"), Optional.empty()).items()
                .forEach(e -> times.add(e.submittedAt()));
        assertThat(times).isSorted().hasSize(7);
    }

    // ------------------------------------------------------------------ a school's own applications

    /**
     * Two schools, three applications: Ōtaki's first (9101, 9102) declined, then Ōtaki's second (9101, 9103) and
     * Kāpiti's (8801, 8802) still SUBMITTED, an hour apart (the second at a time with fractions of a second).
     */
    private List<String> twoSchoolsThreeApplications() {
        List<String> ids = new ArrayList<>();
        ids.add(submitted(Requests.submit(service, OTAKI, EoiBodies.text(EoiBodies.withSchools("Ōtaki first", "9101", "9102")),
                Optional.empty())));
        clock.advance(Duration.ofMinutes(30));
        Requests.decide(new CommunityFormation(store, new DynamoDecisionStore(DynamoDbLocal.client(), table), clock), staff(), ids.get(0),
                "{\"decision\":\"DECLINED\",\"reason\":\"Waitohu's board has not endorsed it.\"}");
        clock.advance(Duration.ofMinutes(30).plusMillis(250));
        ids.add(submitted(Requests.submit(service, OTAKI, EoiBodies.text(EoiBodies.withSchools("Ōtaki second", "9101", "9103")),
                Optional.empty())));
        clock.advance(Duration.ofHours(1));
        ids.add(submitted(Requests.submit(service, schoolUser("kapiti-sub", "8801"),
                EoiBodies.text(EoiBodies.withSchools("Kāpiti", "8801", "8802")), Optional.empty())));
        return ids;
    }

    private static String submitted(Requests.Answer s) {
        return json(s.body()).path("id").asText();
    }

    private List<ExpressionOfInterest> all(Actor caller, Optional<String> status, String limit) {
        List<ExpressionOfInterest> seen = new ArrayList<>();
        Optional<String> token = Optional.empty();
        int pages = 0;
        do {
            Page<ExpressionOfInterest> page = Requests.list(service, caller, status, Optional.of(limit), token);
            assertThat(page.items().size()).isLessThanOrEqualTo(Integer.parseInt(limit));
            seen.addAll(page.items());
            token = page.nextToken();
        } while (token.isPresent() && ++pages < 10);
        return seen;
    }

    @Test
    void aSchoolListsTheApplicationsNamingItNewestFirstAcrossPagesWithTheDeclinedOne() {
        List<String> ids = twoSchoolsThreeApplications();

        Page<ExpressionOfInterest> first = Requests.list(service, OTAKI, Optional.empty(), Optional.of("1"), Optional.empty());
        Page<ExpressionOfInterest> second = Requests.list(service, OTAKI, Optional.empty(), Optional.of("1"), first.nextToken());

        assertThat(first.items()).extracting(ExpressionOfInterest::id).containsExactly(ids.get(1));
        assertThat(first.nextToken()).isPresent();
        assertThat(second.items()).extracting(ExpressionOfInterest::id).containsExactly(ids.get(0));
        assertThat(second.items().getFirst().status()).as("read as it is now").isEqualTo(EoiStatus.DECLINED);
        assertThat(Requests.list(service, OTAKI, Optional.empty(), Optional.of("1"), second.nextToken()).items()).isEmpty();
        assertThat(all(OTAKI, Optional.empty(), "1")).extracting(ExpressionOfInterest::id)
                .containsExactly(ids.get(1), ids.get(0));
        assertThat(all(OTAKI, Optional.empty(), "100")).extracting(ExpressionOfInterest::status)
                .containsExactly(EoiStatus.SUBMITTED, EoiStatus.DECLINED);
    }

    @Test
    void eachSchoolSeesOnlyItsOwnApplications() {
        List<String> ids = twoSchoolsThreeApplications();

        assertThat(all(schoolUser("waitohu", "9102"), Optional.empty(), "2")).extracting(ExpressionOfInterest::id)
                .containsExactly(ids.get(0));
        assertThat(all(schoolUser("college", "9103"), Optional.empty(), "2")).extracting(ExpressionOfInterest::id)
                .containsExactly(ids.get(1));
        assertThat(all(schoolUser("kapiti", "8802"), Optional.empty(), "2")).extracting(ExpressionOfInterest::id)
                .containsExactly(ids.get(2));
        assertThat(all(schoolUser("nobody", "1234"), Optional.empty(), "2")).isEmpty();
        // Staff are unchanged: the SUBMITTED queue, oldest first, across both schools.
        assertThat(all(staff(), Optional.empty(), "1")).extracting(ExpressionOfInterest::id)
                .containsExactly(ids.get(1), ids.get(2));
        assertThat(all(staff(), Optional.of("DECLINED"), "1")).extracting(ExpressionOfInterest::id)
                .containsExactly(ids.get(0));
    }

    @Test
    void aSchoolsStatusFilterKeepsOnlyThatStatus() {
        List<String> ids = twoSchoolsThreeApplications();

        assertThat(all(OTAKI, Optional.of("DECLINED"), "1")).extracting(ExpressionOfInterest::id).containsExactly(ids.get(0));
        assertThat(all(OTAKI, Optional.of("SUBMITTED"), "1")).extracting(ExpressionOfInterest::id).containsExactly(ids.get(1));
        assertThat(all(OTAKI, Optional.of("APPROVED"), "1")).isEmpty();
        Problem bad = Problem.of(catchThrowable(() -> Requests.list(service, OTAKI, Optional.of("Declined"), Optional.empty(), Optional.empty())));
        assertThat(bad.errors()).extracting(FieldError::field).containsExactly("status");
    }

    @Test
    void aSchoolsTokenIsForThatSchoolsListOnly() {
        twoSchoolsThreeApplications();
        String otakiToken = Requests.list(service, OTAKI, Optional.empty(), Optional.of("1"), Optional.empty()).nextToken().orElseThrow();

        for (Actor other : List.of(schoolUser("college", "9103"), staff())) {
            Problem e = Problem.of(catchThrowable(() -> Requests.list(service, other, Optional.empty(), Optional.empty(), Optional.of(otakiToken))));
            assertThat(e.status()).as("%s", other).isEqualTo(400);
            assertThat(e.errors()).extracting(FieldError::field).containsExactly("nextToken");
        }
    }

    @Test
    void aCallerWhoIsNeitherStaffNorASchoolUserIs403() {
        twoSchoolsThreeApplications();
        List<Actor> neither = List.of(
                new Actor("nobody", "n@example.org", Set.of(), Optional.of("9101")),
                new Actor("no-number", "n@example.school.nz", Set.of("school"), Optional.empty()),
                new Actor("finance", "f@example.org", Set.of("finance"), Optional.of("9101")));

        for (Actor caller : neither) {
            Problem e = Problem.of(catchThrowable(() -> Requests.list(service, caller, Optional.empty(), Optional.empty(), Optional.empty())));
            assertThat(e.status()).as("%s", caller).isEqualTo(403);
        }
    }

    @ParameterizedTest(name = "nextToken={0} -> 400 naming nextToken")
    @ValueSource(strings = {"garbage", "e30", "%%%", "eyJnc2kxcGsiOiJFT0lfU1RBVFVTI1NVQk1JVFRFRCJ9"})
    void aBadNextTokenIs400NamingIt(String token) {
        Problem e = Problem.of(catchThrowable(() -> Requests.list(service, staff(), Optional.empty(), Optional.empty(), Optional.of(token))));

        assertThat(e.status()).isEqualTo(400);
        assertThat(e.errors()).extracting(FieldError::field).containsExactly("nextToken");
    }

    @ParameterizedTest(name = "limit={0} -> 400 naming limit")
    @ValueSource(strings = {"0", "101", "abc", "-5", "1e2", " 5"})
    void aBadLimitIs400NamingIt(String limit) {
        Problem e = Problem.of(catchThrowable(() -> Requests.list(service, staff(), Optional.empty(), Optional.of(limit), Optional.empty())));

        assertThat(e.status()).isEqualTo(400);
        assertThat(e.errors()).extracting(FieldError::field).containsExactly("limit");
    }

    @ParameterizedTest(name = "limit={0} is accepted")
    @ValueSource(strings = {"1", "100"})
    void limitsAtTheBoundsAreAccepted(String limit) {
        assertThat(Requests.list(service, staff(), Optional.empty(), Optional.of(limit), Optional.empty()).items()).isEmpty();
    }

    @Test
    void findingAnUnknownIdIsEmpty() {
        assertThat(store.find("00000000-0000-4000-8000-000000000000")).isEmpty();
        assertThat(store.findIdempotencyRecord("nobody#nothing", T0)).isEmpty();
    }

    // ------------------------------------------------------------------ helpers

    private static Actor schoolUser(String sub, String school) {
        return new Actor(sub, sub + "@example.school.nz", Set.of("school"), Optional.of(school));
    }

    private static Actor staff() {
        return new Actor("staff-sub", "reviewer@example.govt.nz", Set.of("staff"), Optional.empty());
    }

    private ExpressionOfInterest eoi(String idSuffix, String community, String... schools) {
        EoiApplication app = SubmitEoiRequest.parse(EoiBodies.text(EoiBodies.withSchools(community, schools)));
        String id = String.format("00000000-0000-4000-8000-%012d", Math.abs(idSuffix.hashCode()));
        return new ExpressionOfInterest(id, app, EoiStatus.SUBMITTED, "sub", "s@example.school.nz", clock.instant(),
                List.of(new ExpressionOfInterest.HistoryEntry(clock.instant(), "SUBMITTED", "sub")));
    }

    private EoiStore.IdempotencyRecord idempotent(String key, String body) {
        return new EoiStore.IdempotencyRecord("sub#" + key, SubmitEoiRequest.sha256(body),
                "00000000-0000-4000-8000-" + String.format("%012d", Math.abs(key.hashCode())),
                clock.instant().plus(EoiService.IDEMPOTENCY_TTL));
    }

    private static JsonNode json(String text) {
        try {
            return Json.parse(text);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
