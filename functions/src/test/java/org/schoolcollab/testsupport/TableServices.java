package org.schoolcollab.testsupport;

import org.schoolcollab.community.CommunityService;
import org.schoolcollab.community.adapters.DynamoCommunityStore;
import org.schoolcollab.funding.FundingPolicies;
import org.schoolcollab.funding.adapters.DynamoRolesStore;
import org.schoolcollab.plan.PlanFileType;
import org.schoolcollab.plan.PlanService;
import org.schoolcollab.plan.PlanUrls;
import org.schoolcollab.plan.adapters.DynamoPlanStore;
import org.schoolcollab.review.PlanReviewService;
import org.schoolcollab.review.adapters.DynamoPlanReviewStore;
import org.schoolcollab.visit.ChallengeVisitService;
import org.schoolcollab.visit.adapters.DynamoVisitStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.util.function.Supplier;

/**
 * The services the composition root wires, over one table (DynamoDB Local's, or one made unreachable) and without
 * S3: for the tests of routes that read communities, plans and visits but never sign a URL.
 */
public final class TableServices {
    /** A PlanUrls for routes that must never sign one: using it fails the test. */
    public static final PlanUrls NO_URLS = new PlanUrls() {
        @Override
        public Upload upload(String objectKey, PlanFileType type, long sizeBytes) {
            throw new AssertionError("this route signs no upload URL");
        }

        @Override
        public Download download(String objectKey, String versionId, String fileName) {
            throw new AssertionError("this route signs no download URL");
        }
    };

    private TableServices() {}

    public static CommunityService communities(DynamoDbClient client, String table) {
        return new CommunityService(new DynamoCommunityStore(client, table));
    }

    public static PlanService plans(DynamoDbClient client, String table, Clock clock) {
        return new PlanService(communities(client, table), new DynamoPlanStore(client, table), NO_URLS, clock);
    }

    public static PlanReviewService planReview(DynamoDbClient client, String table, Clock clock) {
        return new PlanReviewService(communities(client, table), new DynamoPlanReviewStore(client, table),
                new DynamoRolesStore(client, table), FundingPolicies.shipped(), clock);
    }

    public static ChallengeVisitService visits(DynamoDbClient client, String table, Clock clock) {
        return new ChallengeVisitService(communities(client, table), plans(client, table, clock),
                new DynamoVisitStore(client, table), clock);
    }

    public static ChallengeVisitService visits(DynamoDbClient client, String table, Clock clock, Supplier<String> ids) {
        return new ChallengeVisitService(communities(client, table), plans(client, table, clock),
                new DynamoVisitStore(client, table), clock, ids);
    }
}
