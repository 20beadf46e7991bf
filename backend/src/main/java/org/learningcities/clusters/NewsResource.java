package org.learningcities.clusters;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.Map;
import org.learningcities.clusters.ReportViews.News;
import org.learningcities.common.Language;
import org.learningcities.common.Page;
import org.learningcities.common.PageRequest;
import org.learningcities.common.ProblemException;
import org.learningcities.common.QueryParams;
import org.learningcities.common.RequestLanguage;

/** Published news of every cluster, for the newsletter. Public. */
@Path("/api/news")
@Produces(MediaType.APPLICATION_JSON)
public class NewsResource {

    @Inject
    ReportService reports;

    @Inject
    RequestLanguage requestLanguage;

    @Context
    HttpHeaders headers;

    @GET
    public Page<News> list(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("cluster") Long cluster,
                           @QueryParam("page") Integer page, @QueryParam("size") Integer size, @QueryParam("lang") String lang) {
        Language language = requestLanguage.resolve(lang, headers, Language.UI);
        LocalDate first = from == null || from.isBlank() ? null : QueryParams.date("from", from);
        LocalDate last = to == null || to.isBlank() ? null : QueryParams.date("to", to);
        if (first != null && last != null && last.isBefore(first)) {
            throw ProblemException.badRequest("to must not be before from.",
                    new org.learningcities.common.Problem.FieldError("to", "must not be before from"));
        }
        return reports.news(first, last, cluster, language, PageRequest.of(page, size, null, Map.of("date", "newsDate"), "date"));
    }
}
