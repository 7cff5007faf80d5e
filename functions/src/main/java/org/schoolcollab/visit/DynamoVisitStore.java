package org.schoolcollab.visit;

import org.schoolcollab.community.CommunityItemMapper;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.schoolcollab.common.Items.str;

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
    public Optional<PlanVersion> findPlan(String communityId, String planId) {
        var item = dynamo.getItem(b -> b.tableName(table).key(VisitItemMapper.planKey(communityId, planId))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(VisitItemMapper.planFromItem(item));
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
