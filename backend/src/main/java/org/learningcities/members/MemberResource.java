package org.learningcities.members;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.learningcities.common.Csv;
import org.learningcities.common.Idempotency;
import org.learningcities.common.Language;
import org.learningcities.common.Page;
import org.learningcities.common.PageRequest;
import org.learningcities.common.QueryParams;
import org.learningcities.common.RequestLanguage;
import org.learningcities.common.Roles;
import org.learningcities.common.Versions;
import org.learningcities.members.MemberViews.FocalPointInput;
import org.learningcities.members.MemberViews.FocalPointView;
import org.learningcities.members.MemberViews.Member;
import org.learningcities.members.MemberViews.MemberInput;
import org.learningcities.members.MemberViews.MemberProfileInput;
import org.learningcities.members.MemberViews.MemberSummary;
import org.learningcities.members.MemberViews.ProgressReportInput;
import org.learningcities.members.MemberViews.StatusChangeInput;
import org.learningcities.reference.IncomeGroup;
import org.learningcities.reference.UnescoRegion;

/** The member-city directory. */
@Path("/api/members")
@Produces(MediaType.APPLICATION_JSON)
public class MemberResource {

    public static final String GEO_JSON = "application/geo+json";
    public static final String CSV = "text/csv";

    @Inject
    MemberService members;

    @Inject
    FocalPointService focalPoints;

    @Inject
    MemberImport importer;

    @Inject
    Idempotency idempotency;

    @Inject
    RequestLanguage requestLanguage;

    @Inject
    ObjectMapper json;

    @Inject
    org.learningcities.reference.ReferenceCache referenceData;

    @Context
    HttpHeaders headers;

    @GET
    public Page<MemberSummary> list(@QueryParam("q") @Size(max = 100) String q, @QueryParam("country") String country,
                                    @QueryParam("region") String region, @QueryParam("incomeGroup") String incomeGroup,
                                    @QueryParam("status") String status, @QueryParam("topic") @Min(1) @Max(12) Integer topic,
                                    @QueryParam("joinedFrom") Integer joinedFrom, @QueryParam("joinedTo") Integer joinedTo, @QueryParam("cluster") Long cluster,
                                    @QueryParam("page") Integer page, @QueryParam("size") Integer size,
                                    @QueryParam("sort") String sort, @QueryParam("lang") String lang) {
        Language language = language(lang);
        PageRequest paging = PageRequest.of(page, size, sort, MemberService.SORT_COLUMNS, "name");
        return members.list(filter(q, country, region, incomeGroup, status, topic, joinedFrom, joinedTo, cluster), paging, language);
    }

    /** The same filtered list as GeoJSON points, for the map: every match, no paging. */
    @GET
    @Produces(GEO_JSON + ";qs=0.5")
    public Response map(@QueryParam("q") @Size(max = 100) String q, @QueryParam("country") String country,
                        @QueryParam("region") String region, @QueryParam("incomeGroup") String incomeGroup,
                        @QueryParam("status") String status, @QueryParam("topic") @Min(1) @Max(12) Integer topic,
                        @QueryParam("joinedFrom") Integer joinedFrom, @QueryParam("joinedTo") Integer joinedTo, @QueryParam("cluster") Long cluster,
                        @QueryParam("page") Integer page, @QueryParam("size") Integer size,
                        @QueryParam("sort") String sort, @QueryParam("lang") String lang) throws Exception {
        language(lang);
        List<Map<String, Object>> features = new ArrayList<>();
        var reference = referenceData.get();
        for (MemberDirectory.Entry city : members.mapPoints(filter(q, country, region, incomeGroup, status, topic, joinedFrom, joinedTo, cluster))) {
            var countryData = reference.countries().get(city.country());
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("name", city.name());
            properties.put("country", city.country());
            properties.put("region", countryData == null ? null : countryData.unescoRegion());
            properties.put("status", city.status());
            properties.put("yearJoined", city.yearJoined());
            Map<String, Object> feature = new LinkedHashMap<>();
            feature.put("type", "Feature");
            feature.put("id", city.id());
            feature.put("geometry", Map.of("type", "Point", "coordinates", List.of(city.longitude(), city.latitude())));
            feature.put("properties", properties);
            features.add(feature);
        }
        Map<String, Object> collection = new LinkedHashMap<>();
        collection.put("type", "FeatureCollection");
        collection.put("features", features);
        return Response.ok(json.writeValueAsString(collection), GEO_JSON).build();
    }

    /** The same filtered list as CSV, in the columns the import takes. */
    @GET
    @Produces(CSV + ";qs=0.5")
    public Response export(@QueryParam("q") @Size(max = 100) String q, @QueryParam("country") String country,
                           @QueryParam("region") String region, @QueryParam("incomeGroup") String incomeGroup,
                           @QueryParam("status") String status, @QueryParam("topic") @Min(1) @Max(12) Integer topic,
                           @QueryParam("joinedFrom") Integer joinedFrom, @QueryParam("joinedTo") Integer joinedTo, @QueryParam("cluster") Long cluster,
                           @QueryParam("page") Integer page, @QueryParam("size") Integer size,
                           @QueryParam("sort") String sort, @QueryParam("lang") String lang) {
        List<MemberCity> cities = members.all(filter(q, country, region, incomeGroup, status, topic, joinedFrom, joinedTo, cluster));
        return Response.ok(MemberCsv.export(cities), CSV + ";charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"members.csv\"").build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SECRETARIAT)
    public Response create(@QueryParam("lang") String lang, @NotNull @Valid MemberInput input) {
        Member member = members.create(input, language(lang));
        return Response.created(URI.create("/api/members/" + member.id())).entity(member)
                .tag(Versions.tag(member.version())).build();
    }

    @POST
    @Path("/import")
    @Consumes(CSV)
    @RolesAllowed(Roles.SECRETARIAT)
    public Response importCsv(@QueryParam("dryRun") String dryRunParam, @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                              byte[] body) {
        boolean dryRun = QueryParams.flag("dryRun", dryRunParam);
        String csv = Csv.decode(body, headers.getMediaType());
        return idempotency.execute(idempotencyKey, "member-import", dryRun + "\n" + csv, () -> {
            MemberImport.Report report = importer.run(csv, dryRun);
            return new Idempotency.Outcome(dryRun ? 200 : 201, report, null);
        });
    }

    @GET
    @Path("/overdue-reports")
    @RolesAllowed(Roles.SECRETARIAT)
    public Page<MemberSummary> overdue(@QueryParam("page") Integer page, @QueryParam("size") Integer size,
                                       @QueryParam("lang") String lang) {
        PageRequest paging = PageRequest.of(page, size, null, Map.of("due", "nextReportDue"), "due");
        return members.overdue(paging, language(lang));
    }

    @GET
    @Path("/{memberId}")
    public Response get(@PathParam("memberId") long id, @QueryParam("lang") String lang) {
        Member member = members.get(id, language(lang));
        return Response.ok(member).tag(Versions.tag(member.version())).build();
    }

    @PUT
    @Path("/{memberId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SECRETARIAT)
    public Response update(@PathParam("memberId") long id, @HeaderParam("If-Match") String ifMatch,
                           @QueryParam("lang") String lang, @NotNull @Valid MemberInput input) {
        Member member = members.update(id, ifMatch, input, language(lang));
        return Response.ok(member).tag(Versions.tag(member.version())).build();
    }

    @PUT
    @Path("/{memberId}/profile")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SECRETARIAT, Roles.FOCAL_POINT})
    public Response updateProfile(@PathParam("memberId") long id, @HeaderParam("If-Match") String ifMatch,
                                  @QueryParam("lang") String lang, @NotNull @Valid MemberProfileInput input) {
        Member member = members.updateProfile(id, ifMatch, input, language(lang));
        return Response.ok(member).tag(Versions.tag(member.version())).build();
    }

    @GET
    @Path("/{memberId}/status-changes")
    public Page<MemberViews.StatusChangeView> statusHistory(@PathParam("memberId") long id) {
        return members.statusHistory(id);
    }

    @POST
    @Path("/{memberId}/status-changes")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SECRETARIAT)
    public Response changeStatus(@PathParam("memberId") long id, @NotNull @Valid StatusChangeInput input) {
        return Response.status(201).entity(members.changeStatus(id, input)).build();
    }

    @GET
    @Path("/{memberId}/progress-reports")
    public MemberViews.ProgressReportList progressReports(@PathParam("memberId") long id) {
        return members.progressReports(id);
    }

    @POST
    @Path("/{memberId}/progress-reports")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SECRETARIAT, Roles.FOCAL_POINT})
    public Response recordProgressReport(@PathParam("memberId") long id, @NotNull @Valid ProgressReportInput input) {
        return Response.status(201).entity(members.recordProgressReport(id, input)).build();
    }

    @GET
    @Path("/{memberId}/focal-points")
    @RolesAllowed({Roles.SECRETARIAT, Roles.FOCAL_POINT})
    public Page<FocalPointView> focalPoints(@PathParam("memberId") long id) {
        return focalPoints.list(id);
    }

    @POST
    @Path("/{memberId}/focal-points")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SECRETARIAT, Roles.FOCAL_POINT})
    public Response addFocalPoint(@PathParam("memberId") long id, @NotNull @Valid FocalPointInput input) {
        FocalPointView focalPoint = focalPoints.add(id, input);
        return Response.status(201).entity(focalPoint).tag(Versions.tag(focalPoint.version())).build();
    }

    @PUT
    @Path("/{memberId}/focal-points/{focalPointId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SECRETARIAT, Roles.FOCAL_POINT})
    public Response updateFocalPoint(@PathParam("memberId") long id, @PathParam("focalPointId") long focalPointId,
                                     @HeaderParam("If-Match") String ifMatch, @NotNull @Valid FocalPointInput input) {
        FocalPointView focalPoint = focalPoints.update(id, focalPointId, ifMatch, input);
        return Response.ok(focalPoint).tag(Versions.tag(focalPoint.version())).build();
    }

    @DELETE
    @Path("/{memberId}/focal-points/{focalPointId}")
    @RolesAllowed({Roles.SECRETARIAT, Roles.FOCAL_POINT})
    public Response removeFocalPoint(@PathParam("memberId") long id, @PathParam("focalPointId") long focalPointId) {
        focalPoints.remove(id, focalPointId);
        return Response.noContent().build();
    }

    private MemberService.Filter filter(String q, String country, String region, String incomeGroup, String status,
                                        Integer topic, Integer joinedFrom, Integer joinedTo, Long cluster) {
        return new MemberService.Filter(q, country, QueryParams.enumValue(UnescoRegion.Code.class, "region", region),
                QueryParams.enumValue(IncomeGroup.Code.class, "incomeGroup", incomeGroup),
                QueryParams.enumValue(MemberStatus.class, "status", status), topic, joinedFrom, joinedTo, cluster);
    }

    private Language language(String lang) {
        return requestLanguage.resolve(lang, headers, Language.UI);
    }

}
