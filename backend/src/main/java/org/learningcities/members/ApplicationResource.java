package org.learningcities.members;

import io.quarkus.security.Authenticated;
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
import java.util.Map;
import org.learningcities.common.Page;
import org.learningcities.common.QueryParams;
import org.learningcities.common.PageRequest;
import org.learningcities.common.Roles;
import org.learningcities.members.ApplicationViews.ApplicationView;
import org.learningcities.members.ApplicationViews.DecisionInput;
import org.learningcities.members.ApplicationViews.EndorsementInput;
import org.learningcities.members.ApplicationViews.RecommendationInput;

/** Membership applications: the secretariat's queue and review steps; applicants follow their own. */
@Path("/api/applications")
@Produces(MediaType.APPLICATION_JSON)
public class ApplicationResource {

    @Inject
    ApplicationService applications;

    @GET
    @Authenticated
    public Page<ApplicationView> list(@QueryParam("callId") Long callId, @QueryParam("state") String state,
                                      @QueryParam("country") String country,
                                      @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        PageRequest paging = PageRequest.of(page, size, null, Map.of("submittedAt", "a.submittedAt"), "submittedAt");
        return applications.list(new ApplicationService.Filter(callId,
                QueryParams.enumValue(ApplicationState.class, "state", state), country), paging);
    }

    @GET
    @Path("/{applicationId}")
    @Authenticated
    public ApplicationView get(@PathParam("applicationId") long applicationId) {
        return applications.get(applicationId);
    }

    @POST
    @Path("/{applicationId}/endorsement")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SECRETARIAT)
    public ApplicationView endorse(@PathParam("applicationId") long applicationId, @NotNull @Valid EndorsementInput input) {
        return applications.endorse(applicationId, input);
    }

    @POST
    @Path("/{applicationId}/recommendation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SECRETARIAT)
    public ApplicationView recommend(@PathParam("applicationId") long applicationId, @NotNull @Valid RecommendationInput input) {
        return applications.recommend(applicationId, input);
    }

    @POST
    @Path("/{applicationId}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SECRETARIAT)
    public ApplicationView decide(@PathParam("applicationId") long applicationId, @NotNull @Valid DecisionInput input) {
        return applications.decide(applicationId, input);
    }
}
