package org.schoolcollab.testsupport;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.fasterxml.jackson.databind.JsonNode;
import org.schoolcollab.community.CommunityService;
import org.schoolcollab.community.adapters.DynamoCommunityStore;
import org.schoolcollab.kernel.Actor;
import org.schoolcollab.kernel.Json;
import org.schoolcollab.notify.NotificationDelivery;
import org.schoolcollab.notify.adapters.DynamoNotificationStore;
import org.schoolcollab.notify.adapters.OutboxMailSender;
import org.schoolcollab.plan.OnPlanUploaded;
import org.schoolcollab.plan.Plan;
import org.schoolcollab.plan.PlanService;
import org.schoolcollab.plan.PlanUrls;
import org.schoolcollab.plan.adapters.DynamoPlanStore;
import org.schoolcollab.plan.adapters.PlanItemMapper;
import org.schoolcollab.plan.adapters.S3PlanObjects;
import org.schoolcollab.plan.adapters.S3PlanUrls;
import org.schoolcollab.testsupport.fakes.InMemoryWorld;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A plans world over the shared emulators: a table of its own (DynamoDB Local), a versioned bucket of its own
 * (S3Proxy, checking presigned URLs), an outbox folder, and the plan services wired as the functions wire them.
 */
public final class PlanFixture {
    public static final String STAFF_ADDRESS = "plans@programme-office.example.govt.nz";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public final String table;
    public final String bucket;
    public final MutableClock clock;
    public final Path outbox;
    public final DynamoPlanStore store;
    public final CommunityService communities;

    public PlanFixture(String name, String bucket, Path outbox) {
        this.table = DynamoDbLocal.createTable(name);
        this.bucket = bucket;
        this.clock = new MutableClock(Instant.parse("2026-03-09T02:30:00Z"));
        this.outbox = outbox;
        this.store = new DynamoPlanStore(DynamoDbLocal.client(), table);
        this.communities = new CommunityService(new DynamoCommunityStore(DynamoDbLocal.client(), table));
    }

    public PlanFixture(String name, Path outbox) {
        this(name, S3ProxyLocal.createBucket(name), outbox);
    }

    /** The sample kahui-ako community (SAMPLE_COMMUNITY_ID; schools 9101, 9102, 9103). */
    public PlanFixture withSampleCommunity() {
        PlanSamples.community(table, clock, "kahui-ako", EventFiles.SAMPLE_COMMUNITY_ID, "9101", "9102", "9103");
        return this;
    }

    public PlanService service(Supplier<String> ids) {
        return new PlanService(communities, store, urls(), clock, ids);
    }

    public PlanService service() {
        return new PlanService(communities, store, urls(), clock);
    }

    public PlanUrls urls() {
        return new S3PlanUrls(S3ProxyLocal.presigner(), bucket);
    }

    public OnPlanUploaded reaction() {
        return new OnPlanUploaded(store, new S3PlanObjects(S3ProxyLocal.client()),
                new NotificationDelivery(new DynamoNotificationStore(DynamoDbLocal.client(), table),
                        new OutboxMailSender(outbox, "no-reply@example.org"), clock), STAFF_ADDRESS, InMemoryWorld.LINKS);
    }

    /** The sample school user (9101) registers a plan with this body. */
    public PlanService.Registered register(String body) {
        return Requests.register(service(), DecisionBodies.sampleSchoolUser(), EventFiles.SAMPLE_COMMUNITY_ID, body);
    }

    /** PUTs the bytes to the presigned upload as a browser would: its method, URL and headers. */
    public static HttpResponse<String> upload(PlanUrls.Upload upload, byte[] bytes) {
        return put(URI.create(upload.url()), upload.headers(), bytes);
    }

    public static HttpResponse<String> put(URI url, Map<String, String> headers, byte[] bytes) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(20))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes));
        headers.forEach(request::header);
        return send(request.build());
    }

    public static HttpResponse<byte[]> get(URI url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(20)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What S3 sends for the object now stored under this key: its size, ETag and version id, in the real shape. */
    public S3Event objectCreated(String key) {
        HeadObjectResponse head = S3ProxyLocal.client().headObject(b -> b.bucket(bucket).key(key));
        return PlanSamples.objectCreated(bucket, key, head.contentLength(), unquoted(head.eTag()),
                head.versionId());
    }

    private static String unquoted(String eTag) {
        return eTag.replace("\"", "");
    }

    public Plan plan(String planId) {
        return store.find(EventFiles.SAMPLE_COMMUNITY_ID, planId).orElseThrow();
    }

    /** The plan's item as stored, for assertions on attributes others read. */
    public Map<String, AttributeValue> item(String planId) {
        return DynamoDbLocal.client().getItem(b -> b.tableName(table).consistentRead(true)
                .key(PlanItemMapper.key(EventFiles.SAMPLE_COMMUNITY_ID, planId))).item();
    }

    public List<String> keys() {
        return S3ProxyLocal.keys(bucket);
    }

    /** The mails in the outbox, oldest first. */
    public List<JsonNode> mails() {
        if (!Files.isDirectory(outbox)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(outbox)) {
            List<JsonNode> mails = new ArrayList<>();
            for (Path p : files.filter(f -> f.toString().endsWith(".json")).sorted(Comparator.naturalOrder()).toList()) {
                mails.add(Json.parse(Files.readString(p)));
            }
            return mails;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Actor staff() {
        return DecisionBodies.staff();
    }
}
