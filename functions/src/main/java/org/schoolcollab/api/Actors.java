package org.schoolcollab.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import org.schoolcollab.kernel.Actor;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The actor behind a request, from the claims the HTTP API's JWT authorizer passed on. API Gateway has already
 * checked signature, issuer, audience and expiry; claims arrive as strings, an array claim as "[a b]".
 */
public final class Actors {
    private Actors() {}

    public static Actor from(APIGatewayV2HTTPEvent event) {
        Map<String, String> claims = claims(event);
        String sub = claims.get("sub");
        if (sub == null || sub.isBlank()) {
            throw ApiException.unauthorized("no verified identity on the request");
        }
        return new Actor(sub, claims.getOrDefault("email", ""), parseGroups(claims.get("cognito:groups")),
                Optional.ofNullable(claims.get("custom:schoolNumber")).filter(s -> !s.isBlank()));
    }

    /**
     * As {@link #from}, but without an email the identity provider has not verified: a user may change their email
     * attribute in Cognito, and until they verify it the ID token says {@code email_verified: false}.
     */
    public static Actor withVerifiedEmail(APIGatewayV2HTTPEvent event) {
        Actor actor = from(event);
        String verified = claims(event).get("email_verified");
        return verified == null || verified.equals("true") ? actor : actor.withoutEmail();
    }

    static Map<String, String> claims(APIGatewayV2HTTPEvent event) {
        return Optional.ofNullable(event.getRequestContext())
                .map(APIGatewayV2HTTPEvent.RequestContext::getAuthorizer)
                .map(APIGatewayV2HTTPEvent.RequestContext.Authorizer::getJwt)
                .map(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT::getClaims)
                .orElse(Map.of());
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
}
