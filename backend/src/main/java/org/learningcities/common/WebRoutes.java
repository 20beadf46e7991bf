package org.learningcities.common;

import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * HTTP concerns below the REST layer: deep links of the single-page app, and errors raised before
 * a request reaches a resource (such as an oversized body) answered as problems too.
 */
@ApplicationScoped
public class WebRoutes {

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::spaDeepLinks);
        router.route().order(Integer.MIN_VALUE).failureHandler(this::problemOnFailure);
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
