package org.schoolcollab.local.template;

/**
 * One entry of a function's Events, as the runner delivers it: each kind is a record here and a reader in
 * {@link EventSourceReader}, so a new SAM event type (ScheduleV2, say) is one record, one reader and its runner.
 */
public sealed interface EventSource permits HttpRoute, StreamSource, S3Source {
    /** The logical id of the function the event goes to. */
    String functionId();
}
