package org.learningcities.clusters;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import org.learningcities.clusters.ClusterViews.ActivityInput;
import org.learningcities.clusters.ClusterViews.ActivityView;
import org.learningcities.clusters.ClusterViews.ClusterCity;
import org.learningcities.clusters.ClusterViews.ClusterInput;
import org.learningcities.clusters.ClusterViews.ClusterView;
import org.learningcities.clusters.ClusterViews.CoordinatorInput;
import org.learningcities.clusters.ClusterViews.JoinInput;
import org.learningcities.clusters.ClusterViews.LeaveInput;
import org.learningcities.clusters.ClusterViews.ObjectivesInput;
import org.learningcities.clusters.ClusterViews.RegionalBalance;
import org.learningcities.clusters.ClusterViews.WorkPlanView;
import org.learningcities.common.Page;
import org.learningcities.common.PageRequest;
import org.learningcities.common.Roles;
import org.learningcities.common.Versions;

/**
 * Clusters and, per term, their coordinators, members, regional balance and work plan. Reads are
 * public; the secretariat keeps clusters and appoints coordinators; a cluster's coordinator
 * manages its work plan and members; a focal point joins and leaves for their own city.
 */
@Path("/api/clusters")
@Produces(MediaType.APPLICATION_JSON)
public class ClusterResource {

    private static final String TERM = "/{clusterId}/terms/{termId}";

    @Inject
    ClusterService clusters;

    @Inject
    WorkPlanService workPlans;

    @Inject
    SurveyService surveys;

    @Inject
    ReportService reports;

    // ---- clusters

    @GET
    public Page<ClusterView> list(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return clusters.clusters(PageRequest.of(page, size, null, Map.of("name", "nameEn"), "name"));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SECRETARIAT)
    public Response create(@NotNull @Valid ClusterInput input) {
        ClusterView cluster = clusters.create(input);
        return Response.created(URI.create("/api/clusters/" + cluster.id())).entity(cluster).tag(Versions.tag(cluster.version())).build();
    }

    @GET
    @Path("/{clusterId}")
    public Response get(@PathParam("clusterId") long clusterId) {
        ClusterView cluster = clusters.get(clusterId);
        return Response.ok(cluster).tag(Versions.tag(cluster.version())).build();
    }

    @PUT
    @Path("/{clusterId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SECRETARIAT)
    public Response update(@PathParam("clusterId") long clusterId, @HeaderParam("If-Match") String ifMatch,
                           @NotNull @Valid ClusterInput input) {
        ClusterView cluster = clusters.update(clusterId, ifMatch, input);
        return Response.ok(cluster).tag(Versions.tag(cluster.version())).build();
    }

    // ---- coordinators

    @GET
    @Path(TERM + "/coordinators")
    public Page<ClusterCity> coordinators(@PathParam("clusterId") long clusterId, @PathParam("termId") long termId) {
        return Page.all(clusters.coordinators(clusterId, termId));
    }

    @POST
    @Path(TERM + "/coordinators")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SECRETARIAT)
    public Response appoint(@PathParam("clusterId") long clusterId, @PathParam("termId") long termId,
                            @NotNull @Valid CoordinatorInput input) {
        return Response.status(201).entity(clusters.appoint(clusterId, termId, input)).build();
    }

    @DELETE
    @Path(TERM + "/coordinators/{memberId}")
    @RolesAllowed(Roles.SECRETARIAT)
    public Response removeCoordinator(@PathParam("clusterId") long clusterId, @PathParam("termId") long termId,
                                      @PathParam("memberId") long memberId) {
        clusters.removeCoordinator(clusterId, termId, memberId);
        return Response.noContent().build();
    }

    // ---- members

    @GET
    @Path(TERM + "/members")
    public Page<ClusterCity> members(@PathParam("clusterId") long clusterId, @PathParam("termId") long termId) {
        return Page.all(clusters.members(clusterId, termId));
    }

    @POST
    @Path(TERM + "/members")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authenticated
    public Response join(@PathParam("clusterId") long clusterId, @PathParam("termId") long termId,
                         @NotNull @Valid JoinInput input) {
        return Response.status(201).entity(clusters.joinCluster(clusterId, termId, input)).build();
    }

    @POST
    @Path(TERM + "/members/{memberId}/leave")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authenticated
    public ClusterCity leave(@PathParam("clusterId") long clusterId, @PathParam("termId") long termId,
                             @PathParam("memberId") long memberId, @NotNull @Valid LeaveInput input) {
        return clusters.leave(clusterId, termId, memberId, input);
    }

    @GET
    @Path(TERM + "/balance")
    public RegionalBalance balance(@PathParam("clusterId") long clusterId, @PathParam("termId") long termId) {
        return clusters.balance(clusterId, termId);
    }

    // ---- work plan

    @GET
    @Path(TERM + "/work-plan")
    public Response workPlan(@PathParam("clusterId") long clusterId, @PathParam("termId") long termId) {
        WorkPlanView plan = workPlans.view(clusterId, termId);
        return Response.ok(plan).tag(Versions.tag(plan.version())).build();
    }

    @PUT
    @Path(TERM + "/work-plan")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authenticated
    public Response updateObjectives(@PathParam("clusterId") long clusterId, @PathParam("termId") long termId,
                                     @HeaderParam("If-Match") String ifMatch, @NotNull @Valid ObjectivesInput input) {
        manage(clusterId, termId);
        WorkPlanView plan = workPlans.updateObjectives(clusterId, termId, ifMatch, input);
        return Response.ok(plan).tag(Versions.tag(plan.version())).build();
    }

    @POST
    @Path(TERM + "/work-plan/from-template")
    @Authenticated
    public Response fromTemplate(@PathParam("clusterId") long clusterId, @PathParam("termId") long termId) {
        manage(clusterId, termId);
        WorkPlanView plan = workPlans.fromTemplate(clusterId, termId);
        return Response.status(201).entity(plan).tag(Versions.tag(plan.version())).build();
    }

    @POST
    @Path(TERM + "/work-plan/activities")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authenticated
    public Response addActivity(@PathParam("clusterId") long clusterId, @PathParam("termId") long termId,
                                @NotNull @Valid ActivityInput input) {
        manage(clusterId, termId);
        ActivityView activity = workPlans.addActivity(clusterId, termId, input);
        return Response.status(201).entity(activity).tag(Versions.tag(activity.version())).build();
    }

    @PUT
    @Path(TERM + "/work-plan/activities/{activityId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authenticated
    public Response updateActivity(@PathParam("clusterId") long clusterId, @PathParam("termId") long termId,
                                   @PathParam("activityId") long activityId, @HeaderParam("If-Match") String ifMatch,
                                   @NotNull @Valid ActivityInput input) {
        manage(clusterId, termId);
        ActivityView activity = workPlans.updateActivity(clusterId, termId, activityId, ifMatch, input);
        return Response.ok(activity).tag(Versions.tag(activity.version())).build();
    }

    @DELETE
    @Path(TERM + "/work-plan/activities/{activityId}")
    @Authenticated
    public Response deleteActivity(@PathParam("clusterId") long clusterId, @PathParam("termId") long termId,
                                   @PathParam("activityId") long activityId) {
        manage(clusterId, termId);
        workPlans.deleteActivity(clusterId, termId, activityId);
        return Response.noContent().build();
    }

    // ---- coordinator candidates (from the term's surveys)

    @GET
    @Path(TERM + "/candidates")
    @RolesAllowed(Roles.SECRETARIAT)
    public Page<SurveyViews.Candidate> candidates(@PathParam("clusterId") long clusterId, @PathParam("termId") long termId) {
        return surveys.candidates(clusterId, termId);
    }

    // ---- six-monthly reports

    @GET
    @Path(TERM + "/reports")
    public Page<ReportViews.ReportView> reports(@PathParam("clusterId") long clusterId, @PathParam("termId") long termId) {
        return reports.reports(clusterId, termId);
    }

    @POST
    @Path(TERM + "/reports")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authenticated
    public Response submitReport(@PathParam("clusterId") long clusterId, @PathParam("termId") long termId,
                                 @NotNull @Valid ReportViews.ReportInput input) {
        ReportViews.ReportView report = reports.submit(clusterId, termId, input);
        return Response.created(URI.create("/api/clusters/" + clusterId + "/terms/" + termId + "/reports/" + report.id()))
                .entity(report).tag(Versions.tag(report.version())).build();
    }

    @PUT
    @Path(TERM + "/reports/{reportId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authenticated
    public Response updateReport(@PathParam("clusterId") long clusterId, @PathParam("termId") long termId,
                                 @PathParam("reportId") long reportId, @HeaderParam("If-Match") String ifMatch,
                                 @NotNull @Valid ReportViews.ReportInput input) {
        ReportViews.ReportView report = reports.update(clusterId, termId, reportId, ifMatch, input);
        return Response.ok(report).tag(Versions.tag(report.version())).build();
    }

    // ---- a member city's progress within the cluster

    @GET
    @Path(TERM + "/members/{memberId}/progress")
    public ReportViews.MemberProgress progress(@PathParam("clusterId") long clusterId, @PathParam("termId") long termId,
                                               @PathParam("memberId") long memberId) {
        return reports.progress(clusterId, termId, memberId);
    }

    @PUT
    @Path(TERM + "/members/{memberId}/progress/{year}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authenticated
    public ReportViews.MemberProgress recordProgress(@PathParam("clusterId") long clusterId, @PathParam("termId") long termId,
                                                     @PathParam("memberId") long memberId, @PathParam("year") int year,
                                                     @NotNull @Valid ReportViews.ProgressInput input) {
        return reports.recordProgress(clusterId, termId, memberId, year, input);
    }

    @PUT
    @Path(TERM + "/members/{memberId}/outcomes/{kind}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authenticated
    public ReportViews.MemberProgress recordOutcome(@PathParam("clusterId") long clusterId, @PathParam("termId") long termId,
                                                    @PathParam("memberId") long memberId, @PathParam("kind") String kind,
                                                    @NotNull @Valid ReportViews.OutcomeInput input) {
        ClusterMemberOutcome.Kind outcome = org.learningcities.common.QueryParams.enumValue(ClusterMemberOutcome.Kind.class, "kind", kind);
        return reports.recordOutcome(clusterId, termId, memberId, outcome, input);
    }

    private void manage(long clusterId, long termId) {
        clusters.cluster(clusterId);
        clusters.term(termId);
        clusters.requireManager(clusterId, termId);
    }

}
