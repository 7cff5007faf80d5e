package org.schoolcollab.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A real HTTP client for tests against a running local runner. */
final class LocalApi {
    static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    LocalApi(int port) {
        this.base = "http://localhost:" + port;
    }

    record Response(int status, Map<String, java.util.List<String>> headers, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }
    }

    String token(String sub, String email, String group, String schoolNumber) {
        return token(sub, email, group, schoolNumber, 3600);
    }

    String token(String sub, String email, String group, String schoolNumber, long expiresInSeconds) {
        String body = "{\"sub\":\"" + sub + "\",\"email\":\"" + email + "\",\"groups\":[\"" + group + "\"]"
                + (schoolNumber == null ? "" : ",\"schoolNumber\":\"" + schoolNumber + "\"")
                + ",\"expiresInSeconds\":" + expiresInSeconds + "}";
        Response r = send("POST", "/local/tokens", null, body, Map.of("content-type", "application/json"));
        if (r.status() != 201) {
            throw new AssertionError("token endpoint said " + r.status() + ": " + r.body());
        }
        return r.json().get("token").asText();
    }

    Response get(String path, String token) {
        return send("GET", path, token, null, Map.of());
    }

    Response post(String path, String token, String json, Map<String, String> headers) {
        var h = new java.util.HashMap<>(headers);
        h.putIfAbsent("content-type", "application/json");
        return send("POST", path, token, json, h);
    }

    Response send(String method, String path, String token, String body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("authorization", "Bearer " + token);
        }
        headers.forEach(b::header);
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.headers().map(), r.body());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(method + " " + path + " failed", e);
        }
    }

    /** Polls the outbox until it holds n mails whose text mentions the given reference, or the deadline passes. */
    java.util.List<JsonNode> awaitMails(String reference, int n, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        java.util.List<JsonNode> ours = new java.util.ArrayList<>();
        do {
            ours.clear();
            get("/local/outbox", null).json().forEach(m -> {
                if (m.get("text").asText().contains(reference)) {
                    ours.add(m);
                }
            });
            if (ours.size() >= n) {
                return ours;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        return ours;
    }

    static String eoiBody(String communityName, String... schoolNumbers) {
        StringBuilder schools = new StringBuilder();
        for (int i = 0; i < schoolNumbers.length; i++) {
            if (i > 0) schools.append(',');
            schools.append("{\"schoolNumber\":\"").append(schoolNumbers[i]).append("\",\"name\":\"Ōtaki School ")
                    .append(i).append("\",\"type\":\"PRIMARY\",\"roll\":").append(100 + i)
                    .append(",\"teacherFte\":8.5,\"boardEndorsed\":true}");
        }
        return "{\"programme\":\"kahui-ako\",\"communityName\":\"" + communityName + "\",\"region\":\"Wellington\","
                + "\"contact\":{\"name\":\"Aroha Te Whare\",\"email\":\"aroha@example.school.nz\"},"
                + "\"schools\":[" + schools + "],\"proposedChallenges\":[\"ATTENDANCE\",\"WELLBEING\"],"
                + "\"rationale\":\"Our schools share a town and its learners.\"}";
    }

    /**
     * Registers a plan version and uploads a small PDF with the presigned URL, as a browser or curl would;
     * returns the plan id once the plan-received function has accepted it (its document can be fetched).
     */
    String uploadReceivedPlan(String communityId, String token, String challengesJson) throws Exception {
        byte[] pdf = "%PDF-1.7\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Response registered = post("/communities/" + communityId + "/plans", token,
                "{\"fileName\":\"plan.pdf\",\"contentType\":\"application/pdf\",\"sizeBytes\":" + pdf.length
                        + ",\"achievementChallenges\":" + challengesJson + "}", Map.of());
        if (registered.status() != 201) {
            throw new AssertionError("plan registration said " + registered.status() + ": " + registered.body());
        }
        JsonNode upload = registered.json().get("upload");
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(upload.get("url").asText()))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(pdf));
        upload.get("headers").properties().forEach(h -> put.header(h.getKey(), h.getValue().asText()));
        int status = http.send(put.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status != 200) {
            throw new AssertionError("the presigned upload said " + status);
        }
        String planId = registered.json().get("planId").asText();
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (get("/communities/" + communityId + "/plans/" + planId + "/document", token).status() != 200) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("plan " + planId + " was not received within 15 s");
            }
            Thread.sleep(50);
        }
        return planId;
    }
}
