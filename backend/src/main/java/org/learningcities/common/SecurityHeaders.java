package org.learningcities.common;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Browser-facing protections on every answer (API, problems, the SPA's files, Swagger UI):
 * no MIME sniffing, no framing by other sites, no referrer leaking to other origins, and a
 * content security policy. Added as the response's headers are written, so answers produced
 * anywhere (a resource, a static file, an early 413) carry them.
 */
@ApplicationScoped
public class SecurityHeaders implements Handler<RoutingContext> {

    /** JSON, CSV and problems are never rendered as a page: nothing may load or frame them. */
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

    /** Swagger UI's page boots itself with inline script and style. */
    static final String SWAGGER_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; object-src 'none'";

    /** The page keycloak-js loads in its hidden check-sso iframe: framed by the SPA itself only. */
    static final String SILENT_CHECK_SSO = "/silent-check-sso.html";

    private final String spaPolicy;
    private final String silentCheckSsoPolicy;

    public SecurityHeaders(@ConfigProperty(name = "lc.spa.oidc-url") String oidcUrl) {
        String keycloak = origin(oidcUrl);
        // Scripts and styles only from the app's own files (Vite emits no inline code); the API and
        // Keycloak (token refresh) are the only places it talks to; Keycloak's pages are framed by
        // keycloak-js's silent check-sso and third-party-cookie checks.
        String common = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
                + "connect-src 'self' " + keycloak + "; frame-src 'self' " + keycloak + "; "
                + "object-src 'none'; base-uri 'self'; form-action 'self' " + keycloak + "; ";
        this.spaPolicy = common + "frame-ancestors 'none'";
        this.silentCheckSsoPolicy = common + "frame-ancestors 'self'";
    }

    @Override
    public void handle(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        ctx.addHeadersEndHandler(ignored -> {
            MultiMap headers = ctx.response().headers();
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Referrer-Policy", "same-origin");
            boolean framedBySpa = path.equals(SILENT_CHECK_SSO);
            headers.set("X-Frame-Options", framedBySpa ? "SAMEORIGIN" : "DENY");
            headers.set("Content-Security-Policy", policy(path));
        });
        ctx.next();
    }

    String policy(String path) {
        if (path.startsWith("/api/") || path.equals("/api") || path.equals("/q/openapi") || path.startsWith("/q/openapi")) {
            return API_POLICY;
        }
        if (path.startsWith("/q/swagger-ui")) {
            return SWAGGER_POLICY;
        }
        if (path.startsWith("/q/")) {
            return API_POLICY;
        }
        return path.equals(SILENT_CHECK_SSO) ? silentCheckSsoPolicy : spaPolicy;
    }

    /** scheme://host[:port] of the configured Keycloak URL, as CSP source expressions want it. */
    static String origin(String url) {
        URI uri = URI.create(url.trim());
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("lc.spa.oidc-url must be an absolute URL, not " + url);
        }
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }
}
