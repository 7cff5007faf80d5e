package org.schoolcollab.local.template;

/**
 * A function's asynchronous invocation settings (SAM EventInvokeConfig): how often Lambda retries a failed
 * asynchronous event (0 to 2, default 2) before it gives the event to the on-failure destination.
 */
public record AsyncConfig(int maximumRetryAttempts, boolean hasOnFailureDestination) {
    static final AsyncConfig DEFAULT = new AsyncConfig(2, false);
}
