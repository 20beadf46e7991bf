package org.learningcities.testsupport;

import com.sun.net.httpserver.HttpServer;
import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The smallest OpenID provider the packaged API can be pointed at (discovery document and JWKS),
 * with tokens signed by its own key. The fault tests stop it to play "Keycloak is down"; the
 * benchmark uses it for write tokens without starting Keycloak.
 */
public final class OidcStub implements AutoCloseable {

    private final KeyPair keys;
    private final int port;
    private HttpServer server;

    public OidcStub(int port) throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        this.keys = generator.generateKeyPair();
        this.port = port;
    }

    /** The value for QUARKUS_OIDC_AUTH_SERVER_URL (and the tokens' issuer). */
    public String issuer() {
        return "http://127.0.0.1:" + port + "/realms/stub";
    }

    public synchronized void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        String discovery = "{\"issuer\":\"" + issuer() + "\",\"jwks_uri\":\"" + issuer() + "/jwks\","
                + "\"token_endpoint\":\"" + issuer() + "/token\",\"authorization_endpoint\":\"" + issuer() + "/auth\","
                + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}";
        RSAPublicKey key = (RSAPublicKey) keys.getPublic();
        String jwks = "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"stub\",\"use\":\"sig\",\"alg\":\"RS256\",\"n\":\""
                + base64Url(key.getModulus()) + "\",\"e\":\"" + base64Url(key.getPublicExponent()) + "\"}]}";
        Map<String, String> documents = Map.of("/realms/stub/.well-known/openid-configuration", discovery, "/realms/stub/jwks", jwks);
        // A visitor without a session: Keycloak answers keycloak-js's silent check-sso (prompt=none)
        // by sending the browser back with error=login_required, and so does this.
        server.createContext("/realms/stub/protocol/openid-connect/auth", exchange -> {
            Map<String, String> query = new java.util.HashMap<>();
            String raw = exchange.getRequestURI().getRawQuery();
            for (String pair : raw == null ? new String[0] : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    query.put(pair.substring(0, eq), java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
            exchange.getResponseHeaders().set("Location", query.getOrDefault("redirect_uri", "/")
                    + "#error=login_required&state=" + query.getOrDefault("state", ""));
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/", exchange -> {
            String body = documents.get(exchange.getRequestURI().getPath());
            byte[] bytes = (body == null ? "{}" : body).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** An access token like Keycloak's for the API (audience, realm roles, name). */
    public String token(String username, String... roles) {
        return Jwt.preferredUserName(username)
                .issuer(issuer())
                .audience(Tokens.AUDIENCE)
                .subject(username + "-id")
                .claim("name", "Stub " + username)
                .claim("realm_access", Map.of("roles", List.of(roles)))
                .expiresIn(3600)
                .jws().keyId("stub")
                .sign(keys.getPrivate());
    }

    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes[0] == 0 && bytes.length > 1) { // drop the sign byte
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
