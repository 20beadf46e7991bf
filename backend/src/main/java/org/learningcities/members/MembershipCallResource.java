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
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import org.learningcities.common.Page;
import org.learningcities.common.PageRequest;
import org.learningcities.common.Roles;
import org.learningcities.members.ApplicationViews.ApplicationInput;
import org.learningcities.members.ApplicationViews.ApplicationView;
import org.learningcities.members.ApplicationViews.MembershipCallInput;
import org.learningcities.members.ApplicationViews.MembershipCallView;

/** Calls for membership applications (public to read, the secretariat opens them), and applying to one. */
@Path("/api/membership-calls")
@Produces(MediaType.APPLICATION_JSON)
public class MembershipCallResource {

    @Inject
    ApplicationService applications;

    @GET
    public Page<MembershipCallView> list(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return applications.listCalls(PageRequest.of(page, size, null, Map.of("opensOn", "opensOn"), "-opensOn"));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SECRETARIAT)
    public Response create(@NotNull @Valid MembershipCallInput input) {
        MembershipCallView call = applications.createCall(input);
        return Response.created(URI.create("/api/membership-calls/" + call.id())).entity(call).build();
    }

    @GET
    @Path("/{callId}")
    public MembershipCallView get(@PathParam("callId") long callId) {
        return applications.getCall(callId);
    }

    /** Any logged-in user may apply for a city; the public form needs an account. */
    @POST
    @Path("/{callId}/applications")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authenticated
    public Response submit(@PathParam("callId") long callId, @NotNull @Valid ApplicationInput input) {
        ApplicationView application = applications.submit(callId, input);
        return Response.created(URI.create("/api/applications/" + application.id())).entity(application).build();
    }
}
