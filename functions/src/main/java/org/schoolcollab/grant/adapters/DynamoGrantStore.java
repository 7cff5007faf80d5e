package org.schoolcollab.grant.adapters;

import org.schoolcollab.grant.Grant;
import org.schoolcollab.grant.GrantStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Grants in their community's partition (pk COMMUNITY#id, sk GRANT#id), written once. */
public final class DynamoGrantStore implements GrantStore {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoGrantStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public void create(Grant grant) {
        dynamo.putItem(b -> b.tableName(table).item(GrantItemMapper.toItem(grant))
                .conditionExpression("attribute_not_exists(pk)"));
    }
}
