package org.schoolcollab.local.template;

import java.util.Map;

/** An AWS::DynamoDB::Table as written, so DynamoDB Local gets the same table. */
public record TableDefinition(String id, Map<String, Object> properties) {}
