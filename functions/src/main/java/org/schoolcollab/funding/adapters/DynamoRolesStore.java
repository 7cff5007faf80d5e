package org.schoolcollab.funding.adapters;

import org.schoolcollab.funding.RolesRecorded;
import org.schoolcollab.funding.RolesStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.util.Optional;

/** A community's roles, in its partition (sk ROLES), written once. */
public final class DynamoRolesStore implements RolesStore {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoRolesStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<RolesRecorded> find(String communityId) {
        var item = dynamo.getItem(b -> b.tableName(table).key(RolesRecordedItemMapper.key(communityId))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(RolesRecordedItemMapper.fromItem(item));
    }

    @Override
    public void record(RolesRecorded roles) {
        try {
            dynamo.putItem(b -> b.tableName(table).item(RolesRecordedItemMapper.toItem(roles))
                    .conditionExpression("attribute_not_exists(pk)"));
        } catch (ConditionalCheckFailedException e) {
            throw new AlreadyRecordedException();
        }
    }
}
