package org.schoolcollab.report.adapters;

import org.schoolcollab.community.Community;
import org.schoolcollab.community.adapters.CommunityItemMapper;
import org.schoolcollab.eoi.EoiStatus;
import org.schoolcollab.eoi.adapters.EoiItemMapper;
import org.schoolcollab.kernel.Programme;
import org.schoolcollab.kernel.adapters.Items;
import org.schoolcollab.kernel.adapters.Keys;
import org.schoolcollab.report.ReportStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import static org.schoolcollab.kernel.adapters.Items.str;

/**
 * Reads a report's figures from gsi1, by Query only (never Scan), following every page:
 * applications from the status queues ({@code EOI_STATUS#<status>}, all programmes, filtered to one), and
 * communities from their programme's list ({@code COMMUNITY#<programme>}). Only the partition key of gsi1 is
 * used: the sort keys' shapes are the lists' business. gsi1 is eventually consistent, so a decision made a moment
 * ago may not show yet.
 */
public final class DynamoReportStore implements ReportStore {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoReportStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public ApplicationCount applications(Programme programme, EoiStatus status, Optional<String> wave) {
        Map<String, String> names = new HashMap<>(Map.of("#pk", Keys.GSI1_PK, "#type", Keys.TYPE,
                "#programme", "programme", "#wave", "wave"));
        Map<String, AttributeValue> values = Map.of(":pk", str(EoiItemMapper.queuePk(status)),
                ":eoi", str(EoiItemMapper.TYPE), ":programme", str(programme.id()));
        long[] counts = new long[2];
        // Only the wave comes back: the decision's wave, set on the application when it was decided.
        queryAll(QueryRequest.builder().tableName(table).indexName(Keys.GSI1)
                .keyConditionExpression("#pk = :pk")
                .filterExpression("#type = :eoi AND #programme = :programme")
                .projectionExpression("#wave")
                .expressionAttributeNames(names).expressionAttributeValues(values), item -> {
            counts[0]++;
            if (wave.isEmpty() || wave.equals(Items.optS(item, "wave"))) {
                counts[1]++;
            }
        });
        return new ApplicationCount(counts[0], counts[1]);
    }

    @Override
    public List<Community> communities(Programme programme, Optional<String> wave) {
        Map<String, String> names = new HashMap<>(Map.of("#pk", Keys.GSI1_PK, "#type", Keys.TYPE));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", str(CommunityItemMapper.listPk(programme)),
                ":community", str(CommunityItemMapper.TYPE)));
        String filter = "#type = :community";
        if (wave.isPresent()) {
            filter += " AND #wave = :wave";
            names.put("#wave", "wave");
            values.put(":wave", str(wave.get()));
        }
        List<Community> communities = new ArrayList<>();
        queryAll(QueryRequest.builder().tableName(table).indexName(Keys.GSI1)
                .keyConditionExpression("#pk = :pk").filterExpression(filter)
                .expressionAttributeNames(names).expressionAttributeValues(values),
                item -> communities.add(CommunityItemMapper.fromItem(item)));
        return communities;
    }

    /** Runs the query to its last page; a page may be empty (the filter applies after the read) yet not be last. */
    private void queryAll(QueryRequest.Builder query, Consumer<Map<String, AttributeValue>> each) {
        dynamo.queryPaginator(query.build()).items().forEach(each);
    }
}
