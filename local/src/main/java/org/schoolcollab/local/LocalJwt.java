package org.schoolcollab.local;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The local stand-in for the Cognito user pool: issues RS256 ID tokens shaped like Cognito's, and checks them
 * the way the HTTP API JWT authorizer does (signature by key id, issuer, audience, expiry, not-before).
 */
final class LocalJwt {
    static final String ISSUER = "http://localhost/local-cognito";
    static final String AUDIENCE = "local-web-client";

    private final RSAKey key;
    private final DefaultJWTProcessor<SecurityContext> processor;

    private LocalJwt(RSAKey key) {
        this.key = key;
        this.processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256,
                new ImmutableJWKSet<>(new JWKSet(key.toPublicJWK()))));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(new HashSet<>(List.of(AUDIENCE)),
                new JWTClaimsSet.Builder().issuer(ISSUER).build(), new HashSet<>(List.of("sub", "exp", "iat")),
                new HashSet<>()));
    }

    /** A key kept under the data folder, so tokens outlive a restart; a fresh one when there is no folder. */
    static LocalJwt create(Path dataDir) throws IOException {
        try {
            if (dataDir == null) {
                return new LocalJwt(generate());
            }
            Path file = dataDir.resolve("local-signing-key.json");
            if (Files.exists(file)) {
                return new LocalJwt(RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8)));
            }
            RSAKey key = generate();
            Files.createDirectories(dataDir);
            Files.writeString(file, key.toJSONString(), StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            return new LocalJwt(key);
        } catch (JOSEException | java.text.ParseException e) {
            throw new IOException("cannot create or read the local signing key", e);
        }
    }

    private static RSAKey generate() throws JOSEException {
        return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyID(UUID.randomUUID().toString()).generate();
    }

    String issue(String sub, String email, List<String> groups, String schoolNumber, Duration ttl) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(sub)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .jwtID(UUID.randomUUID().toString())
                .claim("token_use", "id")
                .claim("email", email)
                .claim("cognito:groups", groups);
        if (schoolNumber != null) {
            claims.claim("custom:schoolNumber", schoolNumber);
        }
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    claims.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a local token", e);
        }
    }

    /** The verified claims, or empty when API Gateway would answer 401. */
    java.util.Optional<Map<String, Object>> verify(String token) {
        try {
            return java.util.Optional.of(processor.process(token, null).getClaims());
        } catch (Exception e) {
            return java.util.Optional.empty();
        }
    }

    String publicJwks() {
        return new JWKSet(key.toPublicJWK()).toString();
    }

    /** Claims as the HTTP API passes them to a Lambda: every value a string, arrays as "[a b]", dates in seconds. */
    static Map<String, String> asApiGatewayClaims(Map<String, Object> claims) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        claims.forEach((name, value) -> out.put(name, switch (value) {
            case List<?> l when name.equals("aud") && l.size() == 1 -> String.valueOf(l.getFirst());
            case Date d -> Long.toString(d.getTime() / 1000);
            case List<?> l -> "[" + String.join(" ", l.stream().map(String::valueOf).toList()) + "]";
            case null -> "";
            default -> String.valueOf(value);
        }));
        return out;
    }

    static Set<String> allowedGroups() {
        return new HashSet<>(List.of("school", "staff"));
    }
}
