package org.learningcities.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.learningcities.audit.AuditViews.AuditEventView;
import org.learningcities.common.Page;
import org.learningcities.common.PageRequest;
import org.learningcities.common.QueryParams;
import org.learningcities.common.Roles;
import org.learningcities.common.Texts;

/** The audit trail, for the secretariat: one record's history, or every change filtered. */
@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SECRETARIAT)
public class AuditResource {

    /** Newest first is the only order: the id breaks ties within the same millisecond. */
    private static final Map<String, String> SORT = Map.of("at", "occurred_at");

    @Inject
    AuditService audit;

    @GET
    public Page<AuditEventView> list(@QueryParam("entityType") String entityType, @QueryParam("actor") @Size(max = 255) String actor,
                                     @QueryParam("from") String from, @QueryParam("to") String to,
                                     @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return audit.list(new AuditService.Filter(blankToNull(entityType), null, blankToNull(actor),
                from == null ? null : QueryParams.date("from", from), to == null ? null : QueryParams.date("to", to)), paging(page, size));
    }

    @GET
    @Path("/{entityType}/{entityId}")
    public Page<AuditEventView> history(@PathParam("entityType") String entityType, @PathParam("entityId") String entityId,
                                        @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return audit.history(entityType, entityId, paging(page, size));
    }

    private static PageRequest paging(Integer page, Integer size) {
        return PageRequest.of(page, size, null, SORT, "-at");
    }

    private static String blankToNull(String text) {
        return Texts.blankToNull(text);
    }
}
