package org.learningcities.toolkits;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import org.learningcities.common.Csv;
import org.learningcities.common.Idempotency;
import org.learningcities.common.Page;
import org.learningcities.common.PageRequest;
import org.learningcities.common.Roles;
import org.learningcities.common.Versions;
import org.learningcities.toolkits.ToolkitViews.Project;
import org.learningcities.toolkits.ToolkitViews.ProjectInput;
import org.learningcities.toolkits.ToolkitViews.ProjectSummary;

/** Projects and their CSV. */
@Path("/api/projects")
@Produces(MediaType.APPLICATION_JSON)
public class ProjectEndpoint {

    @Inject
    ProjectService projects;

    @Inject
    ProjectCsv csv;

    @Inject
    ContentLanguage language;

    @Inject
    Idempotency idempotency;

    @Context
    HttpHeaders headers;

    @GET
    public Page<ProjectSummary> list(@QueryParam("q") @Size(max = 100) String q, @QueryParam("topic") @Min(1) @Max(12) Integer topic,
                                     @QueryParam("page") Integer page, @QueryParam("size") Integer size,
                                     @QueryParam("lang") String lang) {
        return projects.list(q, topic, PageRequest.of(page, size, null, Map.of("start", "start_date"), "start"),
                language.resolve(lang, headers));
    }

    @GET
    @Produces(ResourceEndpoint.CSV + ";qs=0.5")
    public Response export(@QueryParam("q") @Size(max = 100) String q, @QueryParam("topic") @Min(1) @Max(12) Integer topic,
                           @QueryParam("page") Integer page, @QueryParam("size") Integer size,
                           @QueryParam("lang") String lang) {
        return Response.ok(csv.export(q, topic), ResourceEndpoint.CSV + ";charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"projects.csv\"").build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SECRETARIAT)
    public Response create(@QueryParam("lang") String lang, @NotNull @Valid ProjectInput input) {
        Project project = projects.create(input, language.resolve(lang, headers));
        return Response.created(URI.create("/api/projects/" + project.id())).entity(project).tag(Versions.tag(project.version())).build();
    }

    @POST
    @Path("/import")
    @Consumes(ResourceEndpoint.CSV)
    @RolesAllowed(Roles.SECRETARIAT)
    public Response importCsv(@QueryParam("dryRun") String dryRunParam, @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                              byte[] body) {
        boolean dryRun = org.learningcities.common.QueryParams.flag("dryRun", dryRunParam);
        String text = Csv.decode(body, headers.getMediaType());
        return idempotency.execute(idempotencyKey, "project-import", dryRun + "\n" + text,
                () -> new Idempotency.Outcome(dryRun ? 200 : 201, csv.run(text, dryRun), null));
    }

    @GET
    @Path("/{projectId}")
    public Response get(@PathParam("projectId") long id, @QueryParam("lang") String lang) {
        Project project = projects.get(id, language.resolve(lang, headers));
        return Response.ok(project).tag(Versions.tag(project.version())).build();
    }

    @PUT
    @Path("/{projectId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SECRETARIAT)
    public Response update(@PathParam("projectId") long id, @HeaderParam("If-Match") String ifMatch,
                           @QueryParam("lang") String lang, @NotNull @Valid ProjectInput input) {
        Project project = projects.update(id, ifMatch, input, language.resolve(lang, headers));
        return Response.ok(project).tag(Versions.tag(project.version())).build();
    }
}
