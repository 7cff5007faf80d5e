package org.schoolcollab.local.template;

/** One of a function's Events, so a new SAM event type (ScheduleV2, say) is a record here plus a reader. */
public sealed interface EventSource permits HttpRoute, StreamSource, S3Source, ScheduleSource {
    /** The logical id of the function the event goes to. */
    String functionId();
}
