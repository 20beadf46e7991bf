package org.learningcities.toolkits;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.learningcities.common.Page;
import org.learningcities.common.Roles;
import org.learningcities.toolkits.ToolkitViews.CaseStudyCategory;
import org.learningcities.toolkits.ToolkitViews.CaseStudyCategoryInput;

/** The database categories of fiches, a vocabulary the secretariat manages. */
@Path("/api/case-study-categories")
@Produces(MediaType.APPLICATION_JSON)
public class CaseStudyCategoryEndpoint {

    @Inject
    CaseStudyService fiches;

    @Inject
    ContentLanguage language;

    @Context
    HttpHeaders headers;

    @GET
    public Page<CaseStudyCategory> list(@QueryParam("lang") String lang) {
        return fiches.categories(language.resolve(lang, headers));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SECRETARIAT)
    public Response create(@NotNull @Valid CaseStudyCategoryInput input) {
        return Response.status(201).entity(fiches.createCategory(input)).build();
    }
}
