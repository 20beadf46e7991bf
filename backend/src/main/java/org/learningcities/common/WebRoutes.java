package org.learningcities.common;

import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * HTTP concerns below the REST layer: deep links of the single-page app, and errors raised before
 * a request reaches a resource (such as an oversized body) answered as problems too.
 */
@ApplicationScoped
public class WebRoutes {

    /** Bodies above this are refused with a problem; Quarkus's own hard limit sits above it. */
    @ConfigProperty(name = "lc.http.max-body-size", defaultValue = "30M")
    MemorySize maxBodySize;

    @Inject
    SecurityHeaders securityHeaders;

    void install(@Observes Router router) {
        // First, so every answer below (even an early 413) carries the headers.
        router.route().order(Integer.MIN_VALUE).handler(securityHeaders);
        router.route().order(Integer.MIN_VALUE).handler(this::refuseOversizedBodies);
        router.route().order(Integer.MIN_VALUE + 1).handler(this::spaDeepLinks);
        router.route().order(Integer.MIN_VALUE).failureHandler(this::problemOnFailure);
    }

    private void refuseOversizedBodies(RoutingContext ctx) {
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long announced;
        try {
            announced = length == null ? 0 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            announced = 0; // Vert.x itself rejects a malformed Content-Length
        }
        if (announced > maxBodySize.asLongValue()) {
            Problem problem = new Problem(Problem.type("payload-too-large"), "Payload too large", 413,
                    "The request body is " + announced + " bytes; at most " + maxBodySize.asLongValue() + " are accepted.",
                    ctx.request().path(), null);
            ctx.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader("Connection", "close").end(Json.encode(problem));
            return;
        }
        ctx.next();
    }

    /** A browser asking for /reference gets the SPA's index.html; the SPA's router shows the page. */
    private void spaDeepLinks(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        boolean page = "GET".equals(ctx.request().method().name())
                && !path.equals("/") && !path.startsWith("/api/") && !path.equals("/api")
                && !path.startsWith("/q/") && !path.equals("/q")
                && !path.substring(path.lastIndexOf('/') + 1).contains(".")
                && acceptsHtml(ctx.request().getHeader(HttpHeaders.ACCEPT));
        if (page) {
            ctx.reroute("/");
        } else {
            ctx.next();
        }
    }

    private static boolean acceptsHtml(String accept) {
        return accept != null && accept.contains("text/html");
    }

    private void problemOnFailure(RoutingContext ctx) {
        int status = ctx.statusCode();
        if (ctx.response().headWritten() || status < 400 || status >= 500 && ctx.failure() != null) {
            ctx.next();
            return;
        }
        String title = switch (status) {
            case 413 -> "Payload too large";
            case 414 -> "URI too long";
            case 431 -> "Request header fields too large";
            default -> "Bad request";
        };
        Problem problem = new Problem(Problem.type(title.toLowerCase().replace(' ', '-')), title, status,
                status == 413 ? "The request body is too large." : "The request cannot be read.",
                ctx.request().path(), null);
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(Json.encode(problem));
    }
}
