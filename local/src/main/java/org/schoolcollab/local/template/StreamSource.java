package org.schoolcollab.local.template;

import java.util.List;

/** A SAM DynamoDB event, so the stream source mapping runs with the template's settings. */
public record StreamSource(String name, String functionId, String tableId, int batchSize, int maximumRetryAttempts,
                           boolean bisectOnError, boolean reportBatchItemFailures, List<String> filterPatterns,
                           String startingPosition, boolean hasOnFailureDestination) implements EventSource {}
