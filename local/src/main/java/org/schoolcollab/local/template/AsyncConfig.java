package org.schoolcollab.local.template;

/** A function's EventInvokeConfig, so asynchronous events are retried and given up on as the template says. */
public record AsyncConfig(int maximumRetryAttempts, boolean hasOnFailureDestination) {
    static final AsyncConfig DEFAULT = new AsyncConfig(2, false);
}
