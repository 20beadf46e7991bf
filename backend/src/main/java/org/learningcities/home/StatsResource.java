package org.learningcities.home;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.learningcities.common.Language;
import org.learningcities.common.RequestLanguage;

/** The front door: the public figures of the home page and each logged-in caller's work queue. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class StatsResource {

    @Inject
    StatsService stats;

    @Inject
    WorkQueueService workQueue;

    @Inject
    RequestLanguage requestLanguage;

    @Context
    HttpHeaders headers;

    @GET
    @Path("/stats")
    public Response stats(@QueryParam("lang") String lang) {
        Language language = requestLanguage.resolve(lang, headers, Language.UI);
        return Response.ok(stats.stats(language))
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=" + StatsService.MAX_AGE.toSeconds())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE).build();
    }

    @GET
    @Path("/me/work-queue")
    @Authenticated
    public HomeViews.WorkQueue workQueue(@QueryParam("lang") String lang) {
        return workQueue.forCaller(requestLanguage.resolve(lang, headers, Language.UI));
    }
}
