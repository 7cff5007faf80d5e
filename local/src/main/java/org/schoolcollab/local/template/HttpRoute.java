package org.schoolcollab.local.template;

/** A SAM HttpApi event, so the gateway serves the template's routes behind the authorizer it names. */
public record HttpRoute(String method, String path, String functionId, boolean authorized) implements EventSource {
    public String routeKey() {
        return method + " " + path;
    }
}
