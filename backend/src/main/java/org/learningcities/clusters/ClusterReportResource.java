package org.learningcities.clusters;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.Map;
import org.learningcities.clusters.ReportViews.DueReport;
import org.learningcities.common.Page;
import org.learningcities.common.PageRequest;
import org.learningcities.common.QueryParams;
import org.learningcities.common.Roles;

/** The secretariat's list of six-monthly cluster reports due and overdue. */
@Path("/api/cluster-reports")
@Produces(MediaType.APPLICATION_JSON)
public class ClusterReportResource {

    @Inject
    ReportService reports;

    @GET
    @Path("/due")
    @RolesAllowed(Roles.SECRETARIAT)
    public Page<DueReport> due(@QueryParam("on") String on, @QueryParam("overdue") String overdueParam,
                               @QueryParam("cluster") Long cluster,
                               @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        Boolean overdue = overdueParam == null || overdueParam.isBlank() ? null : org.learningcities.common.QueryParams.flag("overdue", overdueParam);
        LocalDate day = on == null || on.isBlank() ? LocalDate.now() : QueryParams.date("on", on);
        return reports.due(day, overdue, cluster, PageRequest.of(page, size, null, Map.of("dueOn", "dueOn"), "dueOn"));
    }
}
