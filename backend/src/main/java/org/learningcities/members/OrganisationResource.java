package org.learningcities.members;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
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
import org.learningcities.common.Caller;
import org.learningcities.common.Csv;
import org.learningcities.common.Idempotency;
import org.learningcities.common.Language;
import org.learningcities.common.Page;
import org.learningcities.common.QueryParams;
import org.learningcities.common.PageRequest;
import org.learningcities.common.RequestLanguage;
import org.learningcities.common.Roles;
import org.learningcities.common.Versions;
import org.learningcities.members.OrganisationViews.OrganisationInput;
import org.learningcities.members.OrganisationViews.OrganisationView;

/** Partner organisations: public reads (contacts for the secretariat only), secretariat writes, CSV both ways. */
@Path("/api/organisations")
@Produces(MediaType.APPLICATION_JSON)
public class OrganisationResource {

    static final String CSV = "text/csv";

    @Inject
    OrganisationService organisations;

    @Inject
    OrganisationCsv csv;

    @Inject
    Idempotency idempotency;

    @Inject
    RequestLanguage requestLanguage;

    @Inject
    Caller caller;

    @Context
    HttpHeaders headers;

    @GET
    public Page<OrganisationView> list(@QueryParam("q") @Size(max = 100) String q, @QueryParam("kind") String kind,
                                       @QueryParam("country") String country,
                                       @QueryParam("page") Integer page, @QueryParam("size") Integer size,
                                       @QueryParam("sort") String sort, @QueryParam("lang") String lang) {
        PageRequest paging = PageRequest.of(page, size, sort, OrganisationService.SORT_COLUMNS, "name");
        return organisations.list(filter(q, kind, country), paging, language(lang));
    }

    /** The same filtered list as CSV, every match, in the columns the import takes. */
    @GET
    @Produces(CSV + ";qs=0.5")
    public Response export(@QueryParam("q") @Size(max = 100) String q, @QueryParam("kind") String kind,
                           @QueryParam("country") String country,
                           @QueryParam("page") Integer page, @QueryParam("size") Integer size,
                           @QueryParam("sort") String sort, @QueryParam("lang") String lang) {
        PageRequest sorting = PageRequest.of(null, null, sort, OrganisationService.SORT_COLUMNS, "name");
        return Response.ok(csv.export(organisations.all(filter(q, kind, country), sorting), caller.isSecretariat()), CSV + ";charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"organisations.csv\"").build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SECRETARIAT)
    public Response create(@QueryParam("lang") String lang, @NotNull @Valid OrganisationInput input) {
        OrganisationView organisation = organisations.create(input, language(lang));
        return Response.created(URI.create("/api/organisations/" + organisation.id())).entity(organisation)
                .tag(Versions.tag(organisation.version())).build();
    }

    @POST
    @Path("/import")
    @Consumes(CSV)
    @RolesAllowed(Roles.SECRETARIAT)
    public Response importOrganisations(@QueryParam("dryRun") String dryRunParam,
                                        @HeaderParam(Idempotency.HEADER) String idempotencyKey, byte[] body,
                                        @Context HttpHeaders headers) {
        boolean dryRun = QueryParams.flag("dryRun", dryRunParam);
        String text = Csv.decode(body, headers.getMediaType());
        return idempotency.execute(idempotencyKey, "organisation-import", dryRun + "\n" + text, () ->
                new Idempotency.Outcome(dryRun ? 200 : 201, csv.run(text, dryRun), null));
    }

    @GET
    @Path("/{organisationId}")
    public Response get(@PathParam("organisationId") long organisationId, @QueryParam("lang") String lang) {
        OrganisationView organisation = organisations.get(organisationId, language(lang));
        return Response.ok(organisation).tag(Versions.tag(organisation.version())).build();
    }

    @PUT
    @Path("/{organisationId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SECRETARIAT)
    public Response update(@PathParam("organisationId") long organisationId, @HeaderParam("If-Match") String ifMatch,
                           @QueryParam("lang") String lang, @NotNull @Valid OrganisationInput input) {
        OrganisationView organisation = organisations.update(organisationId, ifMatch, input, language(lang));
        return Response.ok(organisation).tag(Versions.tag(organisation.version())).build();
    }

    private Language language(String lang) {
        return requestLanguage.resolve(lang, headers, Language.UI);
    }


    private static OrganisationService.Filter filter(String q, String kind, String country) {
        return new OrganisationService.Filter(q, QueryParams.enumValue(OrganisationKind.class, "kind", kind), country);
    }

    /** Read by hand, so a bad value is a 400 naming the parameter (JAX-RS would answer 404). */
}
