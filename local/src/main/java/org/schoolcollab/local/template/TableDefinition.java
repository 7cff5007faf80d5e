package org.schoolcollab.local.template;

import java.util.Map;

/** An AWS::DynamoDB::Table's properties as written, for DynamoDB Local to create the same table. */
public record TableDefinition(String id, Map<String, Object> properties) {}
