package org.learningcities.clusters;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import org.learningcities.clusters.ClusterViews.Sums;
import org.learningcities.clusters.ClusterViews.TermInput;
import org.learningcities.clusters.ClusterViews.TermView;
import org.learningcities.common.Page;
import org.learningcities.common.PageRequest;
import org.learningcities.common.Roles;

/** The network's terms: public reads, the secretariat adds them; work-plan sums over a whole term. */
@Path("/api/cluster-terms")
@Produces(MediaType.APPLICATION_JSON)
public class ClusterTermResource {

    @Inject
    ClusterService clusters;

    @Inject
    WorkPlanService workPlans;

    @GET
    public Page<TermView> list(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return clusters.terms(PageRequest.of(page, size, null, Map.of("startsOn", "startsOn"), "startsOn"));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SECRETARIAT)
    public Response create(@NotNull @Valid TermInput input) {
        TermView term = clusters.createTerm(input);
        return Response.created(URI.create("/api/cluster-terms/" + term.id())).entity(term).build();
    }

    @GET
    @Path("/{termId}/work-plan-sums")
    public Sums sums(@PathParam("termId") long termId) {
        return workPlans.termSums(termId);
    }
}
