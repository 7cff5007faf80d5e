package org.schoolcollab.local;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/** How API Gateway reads a request and writes a response, shared by the API and the local routes. */
final class HttpExchanges {
    /** API Gateway's own limit on a request payload. */
    static final int MAX_PAYLOAD = 10 * 1024 * 1024;

    private HttpExchanges() {
    }

    /** The request body, or null when it is over API Gateway's payload limit. */
    static byte[] readBody(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_PAYLOAD + 1);
        return bytes.length > MAX_PAYLOAD ? null : bytes;
    }

    static void send(HttpExchange exchange, int status, String contentType, String body,
                     Map<String, String> headers) throws IOException {
        send(exchange, status, contentType, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    static void send(HttpExchange exchange, int status, String contentType, byte[] body,
                     Map<String, String> headers) throws IOException {
        if (contentType != null) {
            exchange.getResponseHeaders().set("content-type", contentType);
        }
        headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        exchange.getResponseHeaders().set("apigw-requestid", UUID.randomUUID().toString());
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
