package org.learningcities.testsupport;

import io.smallrye.jwt.build.Jwt;
import java.util.List;
import java.util.Map;

/** Access tokens signed like the identity provider's, for the OIDC test server the tests run against. */
public final class Tokens {

    public static final String ISSUER = "https://server.example.com";
    public static final String AUDIENCE = "learning-cities-api";

    private Tokens() {
    }

    public static String forUser(String username, String... roles) {
        return signed(username, AUDIENCE, 300, roles);
    }

    public static String signed(String username, String audience, long lifetimeSeconds, String... roles) {
        return Jwt.preferredUserName(username)
                .issuer(ISSUER)
                .audience(audience)
                .subject(username + "-id")
                .claim("name", "Test " + username)
                .claim("email", username + "@example.org")
                .claim("realm_access", Map.of("roles", List.of(roles)))
                .expiresIn(lifetimeSeconds)
                .jws().keyId("1")
                .sign();
    }
}
