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
import org.learningcities.common.Roles;
import org.learningcities.common.Versions;
import org.learningcities.toolkits.ToolkitViews.Toolkit;
import org.learningcities.toolkits.ToolkitViews.ToolkitInput;
import org.learningcities.toolkits.ToolkitViews.ToolkitSummary;

/** Toolkits. */
@Path("/api/toolkits")
@Produces(MediaType.APPLICATION_JSON)
public class ToolkitEndpoint {

    @Inject
    ToolkitService toolkits;

    @Inject
    ContentLanguage language;

    @Context
    HttpHeaders headers;

    @GET
    public Page<ToolkitSummary> list(@QueryParam("topic") @Min(1) @Max(12) Integer topic, @QueryParam("project") Long project,
                                     @QueryParam("page") Integer page, @QueryParam("size") Integer size,
                                     @QueryParam("lang") String lang) {
        return toolkits.list(topic, project, PageRequest.of(page, size, null, Map.of("id", "id"), "id"),
                language.resolve(lang, headers));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SECRETARIAT)
    public Response create(@QueryParam("lang") String lang, @NotNull @Valid ToolkitInput input) {
        Toolkit toolkit = toolkits.create(input, language.resolve(lang, headers));
        return Response.created(URI.create("/api/toolkits/" + toolkit.id())).entity(toolkit).tag(Versions.tag(toolkit.version())).build();
    }

    @GET
    @Path("/{toolkitId}")
    public Response get(@PathParam("toolkitId") long id, @QueryParam("lang") String lang) {
        Toolkit toolkit = toolkits.get(id, language.resolve(lang, headers));
        return Response.ok(toolkit).tag(Versions.tag(toolkit.version())).build();
    }

    @PUT
    @Path("/{toolkitId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SECRETARIAT)
    public Response update(@PathParam("toolkitId") long id, @HeaderParam("If-Match") String ifMatch,
                           @QueryParam("lang") String lang, @NotNull @Valid ToolkitInput input) {
        Toolkit toolkit = toolkits.update(id, ifMatch, input, language.resolve(lang, headers));
        return Response.ok(toolkit).tag(Versions.tag(toolkit.version())).build();
    }
}
