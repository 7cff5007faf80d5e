package org.schoolcollab.funding.adapters;

import org.schoolcollab.community.adapters.CommunityItemMapper;
import org.schoolcollab.funding.FundingKind;
import org.schoolcollab.funding.FundingLine;
import org.schoolcollab.funding.FundingRecord;
import org.schoolcollab.funding.FundingStore;
import org.schoolcollab.kernel.Money;
import org.schoolcollab.kernel.adapters.Items;
import org.schoolcollab.kernel.adapters.Keys;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.schoolcollab.kernel.adapters.Items.s;
import static org.schoolcollab.kernel.adapters.Items.str;

/**
 * Funding records sit in their community's partition: pk COMMUNITY#id, sk FUNDING#kind#source#recipient; gsi1 lists a
 * programme's records by creation time for finance (gsi1pk FUNDING#programme, gsi1sk time#community#sk).
 */
public final class DynamoFundingStore implements FundingStore {
    public static final String TYPE = "FUNDING";
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoFundingStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public boolean recordIfAbsent(FundingRecord r) {
        FundingLine line = r.line();
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Keys.PK, str(CommunityItemMapper.pk(r.communityId())));
        item.put(Keys.SK, str(r.key()));
        item.put(Keys.TYPE, str(TYPE));
        item.put("communityId", str(r.communityId()));
        item.put("programme", str(r.programme()));
        item.put("sourceId", str(r.sourceId()));
        item.put("kind", str(line.kind().name()));
        Items.putIfPresent(item, "recipientSchoolNumber", line.recipientSchoolNumber());
        if (line.amount() != null) {
            // Money as a decimal string with its currency: never a float on the way.
            item.put("amount", str(line.amount().value()));
            item.put("currency", str(line.amount().currency()));
        }
        if (line.quantity() != null) {
            item.put("quantity", str(line.quantity().toPlainString()));
            item.put("units", str(line.units()));
        }
        item.put("period", str(line.period()));
        item.put("policyId", str(line.policyId()));
        item.put("policyVersion", str(line.policyVersion()));
        Map<String, AttributeValue> inputs = new HashMap<>();
        line.inputs().forEach((k, v) -> inputs.put(k, str(v)));
        item.put("inputs", AttributeValue.fromM(inputs));
        item.put("createdAt", str(r.createdAt().toString()));
        item.put("year", Items.num(r.year()));
        item.put(Keys.GSI1_PK, str(reportPk(r.programme())));
        item.put(Keys.GSI1_SK, str(Keys.sortable(r.createdAt()) + "#" + r.communityId() + "#" + r.key()));
        try {
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException alreadyThere) {
            return false;
        }
    }

    @Override
    public List<FundingRecord> forCommunity(String communityId) {
        return dynamo.queryPaginator(b -> b.tableName(table)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :funding)")
                        .expressionAttributeValues(Map.of(":pk", str(CommunityItemMapper.pk(communityId)),
                                ":funding", str("FUNDING#"))))
                .items().stream().map(DynamoFundingStore::fromItem).toList();
    }

    @Override
    public List<FundingRecord> forProgramme(String programme, Instant from, Instant to) {
        // "~" sorts after every "#<community>" suffix of the last instant before `to`: the range ends before `to`.
        return dynamo.queryPaginator(b -> b.tableName(table).indexName(Keys.GSI1)
                        .keyConditionExpression("gsi1pk = :pk AND gsi1sk BETWEEN :from AND :to")
                        .expressionAttributeValues(Map.of(":pk", str(reportPk(programme)),
                                ":from", str(Keys.sortable(from)), ":to", str(Keys.sortable(to.minusNanos(1)) + "~"))))
                .items().stream().map(DynamoFundingStore::fromItem).toList();
    }

    static String reportPk(String programme) {
        return "FUNDING#" + programme;
    }

    static FundingRecord fromItem(Map<String, AttributeValue> item) {
        Map<String, String> inputs = new LinkedHashMap<>();
        new TreeMap<>(item.get("inputs").m()).forEach((k, v) -> inputs.put(k, v.s()));
        Money amount = Items.optS(item, "amount").map(a -> Money.of(a, s(item, "currency"))).orElse(null);
        BigDecimal quantity = Items.optS(item, "quantity").map(BigDecimal::new).orElse(null);
        FundingLine line = new FundingLine(FundingKind.valueOf(s(item, "kind")),
                Items.optS(item, "recipientSchoolNumber").orElse(null), amount, quantity,
                Items.optS(item, "units").orElse(null), s(item, "period"), s(item, "policyId"),
                s(item, "policyVersion"), inputs);
        FundingRecord derived = new FundingRecord(s(item, "communityId"), s(item, "programme"), s(item, "sourceId"),
                line, Instant.parse(s(item, "createdAt")));
        return item.containsKey("year") // records made before the year was stored: the year they were made in
                ? new FundingRecord(derived.communityId(), derived.programme(), derived.sourceId(), line,
                derived.createdAt(), Integer.parseInt(Items.n(item, "year"))) : derived;
    }
}
