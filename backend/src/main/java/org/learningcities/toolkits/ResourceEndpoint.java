package org.learningcities.toolkits;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.learningcities.common.Csv;
import org.learningcities.common.Idempotency;
import org.learningcities.common.Page;
import org.learningcities.common.PageRequest;
import org.learningcities.common.Problem;
import org.learningcities.common.ProblemException;
import org.learningcities.common.QueryParams;
import org.learningcities.common.Roles;
import org.learningcities.common.Versions;
import org.learningcities.toolkits.ToolkitViews.Resource;
import org.learningcities.toolkits.ToolkitViews.ResourceFileView;
import org.learningcities.toolkits.ToolkitViews.ResourceInput;
import org.learningcities.toolkits.ToolkitViews.ResourceSummary;
import org.learningcities.toolkits.ToolkitViews.ResourceType;
import org.learningcities.toolkits.ToolkitViews.TargetGroup;

/** Resources, their files and their CSV metadata. */
@Path("/api/resources")
@Produces(MediaType.APPLICATION_JSON)
public class ResourceEndpoint {

    static final String CSV = "text/csv";

    @Inject
    ResourceService resources;

    @Inject
    ResourceCsv csv;

    @Inject
    ContentLanguage language;

    @Inject
    Idempotency idempotency;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    @GET
    public Page<ResourceSummary> list(@QueryParam("type") String type, @QueryParam("topic") @Min(1) @Max(12) Integer topic,
                                      @QueryParam("targetGroup") String targetGroup, @QueryParam("project") Long project,
                                      @QueryParam("page") Integer page, @QueryParam("size") Integer size,
                                      @QueryParam("lang") String lang) {
        List<String> wanted = language.resolve(lang, headers);
        return resources.list(filter(type, topic, targetGroup, project), PageRequest.of(page, size, null, java.util.Map.of("date", "publication_date"), "date"), wanted);
    }

    @GET
    @Produces(CSV + ";qs=0.5")
    public Response export(@QueryParam("type") String type, @QueryParam("topic") @Min(1) @Max(12) Integer topic,
                           @QueryParam("targetGroup") String targetGroup, @QueryParam("project") Long project,
                           @QueryParam("page") Integer page, @QueryParam("size") Integer size,
                           @QueryParam("lang") String lang) {
        return Response.ok(csv.export(filter(type, topic, targetGroup, project)), CSV + ";charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"resources.csv\"").build();
    }

    private static ResourceService.ListFilter filter(String type, Integer topic, String targetGroup, Long project) {
        return new ResourceService.ListFilter(QueryParams.enumValue(ResourceType.class, "type", type), topic,
                QueryParams.enumValue(TargetGroup.class, "targetGroup", targetGroup), project);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SECRETARIAT)
    public Response create(@QueryParam("lang") String lang, @NotNull @Valid ResourceInput input) {
        Resource resource = resources.create(input, language.resolve(lang, headers));
        return Response.created(URI.create("/api/resources/" + resource.id())).entity(resource)
                .tag(Versions.tag(resource.version())).build();
    }

    @POST
    @Path("/import")
    @Consumes(CSV)
    @RolesAllowed(Roles.SECRETARIAT)
    public Response importCsv(@QueryParam("dryRun") String dryRunParam, @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                              byte[] body) {
        boolean dryRun = org.learningcities.common.QueryParams.flag("dryRun", dryRunParam);
        String text = Csv.decode(body, headers.getMediaType());
        return idempotency.execute(idempotencyKey, "resource-import", dryRun + "\n" + text,
                () -> new Idempotency.Outcome(dryRun ? 200 : 201, csv.run(text, dryRun), null));
    }

    @GET
    @Path("/{resourceId}")
    public Response get(@PathParam("resourceId") long id, @QueryParam("lang") String lang) {
        Resource resource = resources.get(id, language.resolve(lang, headers));
        return Response.ok(resource).tag(Versions.tag(resource.version())).build();
    }

    @PUT
    @Path("/{resourceId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SECRETARIAT)
    public Response update(@PathParam("resourceId") long id, @HeaderParam("If-Match") String ifMatch,
                           @QueryParam("lang") String lang, @NotNull @Valid ResourceInput input) {
        Resource resource = resources.update(id, ifMatch, input, language.resolve(lang, headers));
        return Response.ok(resource).tag(Versions.tag(resource.version())).build();
    }

    @POST
    @Path("/{resourceId}/files")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Roles.SECRETARIAT)
    public Response upload(@PathParam("resourceId") long id, @RestForm("language") String fileLanguage,
                           @RestForm("file") FileUpload file) {
        if (file == null || fileLanguage == null || fileLanguage.isBlank()) {
            throw ProblemException.badRequest("Send the parts language and file.",
                    new Problem.FieldError(file == null ? "file" : "language", "is required"));
        }
        if (file.size() > ResourceService.MAX_FILE_BYTES) { // refused before reading it into memory
            throw new ProblemException(413, "payload-too-large", "Payload too large",
                    "The file is " + file.size() + " bytes; at most " + ResourceService.MAX_FILE_BYTES + " (25 MB) are accepted.", null);
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ResourceFileView stored = resources.upload(id, fileLanguage, file.fileName(), bytes);
        return Response.created(URI.create(stored.downloadUrl())).entity(stored).build();
    }

    @DELETE
    @Path("/{resourceId}/languages/{language}/file")
    @RolesAllowed(Roles.SECRETARIAT)
    public Response deleteFile(@PathParam("resourceId") long id, @PathParam("language") String fileLanguage) {
        resources.deleteFile(id, fileLanguage);
        return Response.noContent().build();
    }

    @GET
    @Path("/{resourceId}/files/{fileId}")
    @Produces(MediaType.WILDCARD)
    public Response download(@PathParam("resourceId") long id, @PathParam("fileId") long fileId,
                             @HeaderParam("Range") String range) {
        ResourceService.Download download;
        try {
            download = resources.download(id, fileId, range);
        } catch (Ranges.RangeNotSatisfiable e) {
            return Response.status(416).type(Problem.MEDIA_TYPE).header("Content-Range", "bytes */" + e.size)
                    .entity(e.toProblem(uri.getPath())).build();
        }
        ResourceFile file = download.file();
        Response.ResponseBuilder answer = Response.status(download.partial() ? 206 : 200)
                .entity(resources.bytes(download))
                .type(file.mediaType)
                .header("Accept-Ranges", "bytes")
                .header("Content-Disposition", contentDisposition(file.fileName))
                .header("X-Content-Type-Options", "nosniff")
                .tag(file.sha256);
        if (download.partial()) {
            answer.header("Content-Range", "bytes " + download.offset() + "-" + (download.offset() + download.length() - 1) + "/" + file.size);
        }
        return answer.build();
    }

    /** RFC 6266: an ASCII stand-in in filename, the real name (UTF-8, percent-encoded) in filename*. */
    static String contentDisposition(String name) {
        String ascii = name.replaceAll("[^\\x20-\\x7E]", "_").replace("\\", "_").replace("\"", "_");
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
