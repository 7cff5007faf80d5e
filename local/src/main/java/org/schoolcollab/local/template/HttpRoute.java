package org.schoolcollab.local.template;

/** A SAM HttpApi event: the route API Gateway sends to the function, behind the default authorizer unless NONE. */
public record HttpRoute(String method, String path, String functionId, boolean authorized) implements EventSource {
    public String routeKey() {
        return method + " " + path;
    }
}
