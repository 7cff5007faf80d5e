package org.schoolcollab.local.template;

import java.util.List;

/** A SAM DynamoDB event: the stream event source mapping's settings, as Lambda applies them to the table's stream. */
public record StreamSource(String name, String functionId, String tableId, int batchSize, int maximumRetryAttempts,
                           boolean bisectOnError, boolean reportBatchItemFailures, List<String> filterPatterns,
                           String startingPosition, boolean hasOnFailureDestination) implements EventSource {}
