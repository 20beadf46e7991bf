package org.learningcities.toolkits;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import org.learningcities.common.Page;
import org.learningcities.common.PageRequest;
import org.learningcities.common.QueryParams;
import org.learningcities.common.Roles;
import org.learningcities.common.Versions;
import org.learningcities.toolkits.ToolkitViews.CaseStudy;
import org.learningcities.toolkits.ToolkitViews.CaseStudyInput;
import org.learningcities.toolkits.ToolkitViews.CaseStudyReturnInput;
import org.learningcities.toolkits.ToolkitViews.CaseStudyStatus;
import org.learningcities.toolkits.ToolkitViews.CaseStudySummary;

/** Case-study fiches and their workflow. */
@Path("/api/case-studies")
@Produces(MediaType.APPLICATION_JSON)
public class CaseStudyEndpoint {

    @Inject
    CaseStudyService fiches;

    @Inject
    ContentLanguage language;

    @Context
    HttpHeaders headers;

    @GET
    public Page<CaseStudySummary> list(@QueryParam("status") String status, @QueryParam("member") Long member,
                                       @QueryParam("topic") @Min(1) @Max(12) Integer topic,
                                       @QueryParam("page") Integer page, @QueryParam("size") Integer size,
                                       @QueryParam("lang") String lang) {
        return fiches.list(QueryParams.enumValue(CaseStudyStatus.class, "status", status), member, topic,
                PageRequest.of(page, size, null, Map.of("published", "published_at"), "published"), language.resolve(lang, headers));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SECRETARIAT, Roles.FOCAL_POINT})
    public Response create(@QueryParam("lang") String lang, @NotNull @Valid CaseStudyInput input) {
        CaseStudy fiche = fiches.create(input, language.resolve(lang, headers));
        return Response.created(URI.create("/api/case-studies/" + fiche.id())).entity(fiche).tag(Versions.tag(fiche.version())).build();
    }

    @GET
    @Path("/{caseStudyId}")
    public Response get(@PathParam("caseStudyId") long id, @QueryParam("lang") String lang) {
        return ok(fiches.get(id, language.resolve(lang, headers)));
    }

    @PUT
    @Path("/{caseStudyId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SECRETARIAT, Roles.FOCAL_POINT})
    public Response update(@PathParam("caseStudyId") long id, @HeaderParam("If-Match") String ifMatch,
                           @QueryParam("lang") String lang, @NotNull @Valid CaseStudyInput input) {
        return ok(fiches.update(id, ifMatch, input, language.resolve(lang, headers)));
    }

    @POST
    @Path("/{caseStudyId}/submission")
    @RolesAllowed({Roles.SECRETARIAT, Roles.FOCAL_POINT})
    public Response submit(@PathParam("caseStudyId") long id, @QueryParam("lang") String lang) {
        return ok(fiches.submit(id, language.resolve(lang, headers)));
    }

    @POST
    @Path("/{caseStudyId}/publication")
    @RolesAllowed(Roles.SECRETARIAT)
    public Response publish(@PathParam("caseStudyId") long id, @QueryParam("lang") String lang) {
        return ok(fiches.publish(id, language.resolve(lang, headers)));
    }

    @POST
    @Path("/{caseStudyId}/return")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SECRETARIAT)
    public Response giveBack(@PathParam("caseStudyId") long id, @QueryParam("lang") String lang,
                             @NotNull @Valid CaseStudyReturnInput input) {
        return ok(fiches.giveBack(id, input.comment(), language.resolve(lang, headers)));
    }

    private static Response ok(CaseStudy fiche) {
        return Response.ok(fiche).tag(Versions.tag(fiche.version())).build();
    }
}
