package org.schoolcollab.visit.adapters;

import org.schoolcollab.community.adapters.CommunityItemMapper;
import org.schoolcollab.visit.ChallengeVisit;
import org.schoolcollab.visit.VisitStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.schoolcollab.kernel.adapters.Items.str;

/** Visits in their cluster's partition, sorted by date: one Query lists them. */
public final class DynamoVisitStore implements VisitStore {
    /** Newest first: the later visit date, and on the same date the one recorded later. */
    static final Comparator<ChallengeVisit> NEWEST_FIRST = Comparator.comparing(ChallengeVisit::visitDate)
            .thenComparing(ChallengeVisit::recordedAt).reversed();

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoVisitStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public void create(ChallengeVisit visit) {
        dynamo.putItem(b -> b.tableName(table).item(VisitItemMapper.toItem(visit))
                .conditionExpression("attribute_not_exists(pk)"));
    }

    /** The sort key orders visits by date; read backwards, then the same-day ones put in the order recorded. */
    @Override
    public List<ChallengeVisit> list(String communityId) {
        List<ChallengeVisit> visits = new ArrayList<>();
        dynamo.queryPaginator(b -> b.tableName(table).consistentRead(true)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                        .expressionAttributeValues(Map.of(":pk", str(CommunityItemMapper.pk(communityId)),
                                ":prefix", str(VisitItemMapper.SK_PREFIX)))
                        .scanIndexForward(false))
                .items().forEach(i -> visits.add(VisitItemMapper.fromItem(i)));
        visits.sort(NEWEST_FIRST);
        return visits;
    }
}
