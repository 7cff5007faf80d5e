package org.schoolcollab.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who is calling, from the claims the HTTP API JWT authorizer passed on. API Gateway has already checked
 * signature, issuer, audience and expiry; claims arrive as strings, an array claim as "[a b]".
 */
public record Caller(String sub, String email, Set<String> groups, Optional<String> schoolNumber) {
    public static final String SCHOOL = "school";
    public static final String STAFF = "staff";

    public static Caller from(APIGatewayV2HTTPEvent event) {
        Map<String, String> claims = Optional.ofNullable(event.getRequestContext())
                .map(APIGatewayV2HTTPEvent.RequestContext::getAuthorizer)
                .map(APIGatewayV2HTTPEvent.RequestContext.Authorizer::getJwt)
                .map(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT::getClaims)
                .orElse(Map.of());
        String sub = claims.get("sub");
        if (sub == null || sub.isBlank()) {
            throw ApiException.unauthorized("no verified identity on the request");
        }
        return new Caller(sub, claims.getOrDefault("email", ""), parseGroups(claims.get("cognito:groups")),
                Optional.ofNullable(claims.get("custom:schoolNumber")).filter(s -> !s.isBlank()));
    }

    static Set<String> parseGroups(String raw) {
        if (raw == null || raw.isBlank()) {
            return Set.of();
        }
        String trimmed = raw.strip();
        if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
            trimmed = trimmed.substring(1, trimmed.length() - 1);
        }
        return Arrays.stream(trimmed.split("[,\\s]+"))
                .map(s -> s.replace("\"", ""))
                .filter(s -> !s.isBlank())
                .collect(Collectors.toUnmodifiableSet());
    }

    public boolean isStaff() {
        return groups.contains(STAFF);
    }

    public boolean isSchoolUser() {
        return groups.contains(SCHOOL) && schoolNumber.isPresent();
    }

    public void requireStaff() {
        if (!isStaff()) {
            throw ApiException.forbidden("this action is for programme staff");
        }
    }

    public void requireSchoolUser() {
        if (!isSchoolUser()) {
            throw ApiException.forbidden("this action is for school users with a school number");
        }
    }
}
