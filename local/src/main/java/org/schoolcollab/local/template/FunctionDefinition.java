package org.schoolcollab.local.template;

import java.util.List;
import java.util.Map;

/** A function as SAM deploys it (Globals applied), so the runner hosts it and feeds it its events. */
public record FunctionDefinition(String id, String handler, Map<String, String> environment, List<EventSource> events,
                                 AsyncConfig async) {
    public String handlerClass() {
        int sep = handler.indexOf("::");
        return sep < 0 ? handler : handler.substring(0, sep);
    }

    /** The function's event sources of one kind, in the template's order. */
    public <T extends EventSource> List<T> events(Class<T> kind) {
        return events.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    public List<HttpRoute> routes() {
        return events(HttpRoute.class);
    }

    public List<StreamSource> streams() {
        return events(StreamSource.class);
    }

    public List<S3Source> s3Events() {
        return events(S3Source.class);
    }

    public List<ScheduleSource> schedules() {
        return events(ScheduleSource.class);
    }
}
