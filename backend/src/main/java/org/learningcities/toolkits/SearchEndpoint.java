package org.learningcities.toolkits;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.learningcities.common.Page;
import org.learningcities.common.PageRequest;
import org.learningcities.common.Problem;
import org.learningcities.common.ProblemException;
import org.learningcities.common.QueryParams;
import org.learningcities.common.Roles;
import org.learningcities.reference.UnescoRegion;
import org.learningcities.toolkits.ToolkitViews.SearchKind;
import org.learningcities.toolkits.ToolkitViews.TargetGroup;
import org.learningcities.toolkits.ToolkitViews.TranslationStatus;

/** The one search box, and the secretariat's view of missing translations. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class SearchEndpoint {

    @Inject
    SearchIndex index;

    @Inject
    TranslationStatusQuery translations;

    @Inject
    ContentLanguage language;

    @Context
    HttpHeaders headers;

    @GET
    @Path("/search")
    public SearchIndex.SearchPage search(@QueryParam("q") @Size(max = 200) String q, @QueryParam("kind") String kind,
                                     @QueryParam("topic") @Min(1) @Max(12) Integer topic, @QueryParam("language") String inLanguage,
                                     @QueryParam("region") String region, @QueryParam("targetGroup") String targetGroup,
                                     @QueryParam("page") Integer page, @QueryParam("size") Integer size,
                                     @QueryParam("lang") String lang) {
        language.resolve(lang, headers);
        if (q == null || q.isBlank()) {
            throw ProblemException.badRequest("q is required.", new Problem.FieldError("q", "is required"));
        }
        UnescoRegion.Code unescoRegion = QueryParams.enumValue(UnescoRegion.Code.class, "region", region);
        SearchIndex.Filter filter = new SearchIndex.Filter(q, QueryParams.enumValue(SearchKind.class, "kind", kind), topic,
                primary(tag("language", inLanguage)), unescoRegion == null ? null : unescoRegion.name(),
                enumName(QueryParams.enumValue(TargetGroup.class, "targetGroup", targetGroup)));
        return index.search(filter, PageRequest.of(page, size, null, Map.of("score", "score"), "score"));
    }

    @GET
    @Path("/translation-status")
    @RolesAllowed(Roles.SECRETARIAT)
    public Page<TranslationStatus> translationStatus(@QueryParam("kind") String kind, @QueryParam("language") String missing,
                                                     @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return translations.list(QueryParams.enumValue(SearchKind.class, "kind", kind), tag("language", missing),
                PageRequest.of(page, size, null, Map.of("kind", "kind"), "kind"));
    }

    private static String tag(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String tag = Translations.tag(value);
        if (tag == null) {
            throw ProblemException.badRequest(parameter + " must be a BCP 47 language tag such as fr.",
                    new Problem.FieldError(parameter, "must be a BCP 47 language tag"));
        }
        return tag;
    }

    private static String primary(String tag) {
        return tag == null ? null : Translations.primary(tag);
    }

    private static String enumName(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
