package org.schoolcollab.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.schoolcollab.local.template.SamTemplate;
import org.schoolcollab.local.template.TableDefinition;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Tables come from template.yaml; a kept table from before an index was added gains it on the next start. */
class LocalDynamoDbIntegrationTest {

    @Test
    void aKeptTableGainsTheIndexesTheTemplateAddedSince(@TempDir Path data) throws Exception {
        SamTemplate template = SamTemplate.load(Path.of(System.getProperty("project.root", "..")).resolve("template.yaml"));
        TableDefinition full = template.table("Table");
        List<?> indexes = (List<?>) full.properties().get("GlobalSecondaryIndexes");
        assertThat(indexes).hasSizeGreaterThan(1);
        Map<String, Object> older = new HashMap<>(full.properties());
        older.put("GlobalSecondaryIndexes", new ArrayList<>(indexes.subList(0, 1)));
        // DynamoDB refuses attribute definitions that no key uses: the older table defines only gsi1's.
        older.put("AttributeDefinitions", ((List<?>) full.properties().get("AttributeDefinitions")).stream()
                .filter(a -> !String.valueOf(((Map<?, ?>) a).get("AttributeName")).startsWith("gsi2")).toList());

        try (LocalDynamoDb dynamo = LocalDynamoDb.start(data)) {
            LocalDynamoDb.ensureTable(dynamo.client(), new TableDefinition("Table", older));
            assertThat(dynamo.client().describeTable(b -> b.tableName("Table")).table().globalSecondaryIndexes()).hasSize(1);

            LocalDynamoDb.ensureTable(dynamo.client(), full);

            assertThat(dynamo.client().describeTable(b -> b.tableName("Table")).table().globalSecondaryIndexes())
                    .extracting(i -> i.indexName()).containsExactlyInAnyOrder("gsi1", "gsi2");
        }
    }
}
