package org.learningcities.reference;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import org.learningcities.common.Language;
import org.learningcities.common.Page;
import org.learningcities.common.PageRequest;
import org.learningcities.common.QueryParams;
import org.learningcities.common.RequestLanguage;
import org.learningcities.common.Roles;
import org.learningcities.common.Versions;
import org.learningcities.reference.ReferenceViews.CountryCorrection;
import org.learningcities.reference.ReferenceViews.CountryView;

/** Countries and territories, with the UNESCO region the secretariat may correct. */
@Path("/api/reference/countries")
@Produces(MediaType.APPLICATION_JSON)
public class CountryResource {

    /** Countries have names in all six UN languages; other texts only in the UI languages. */
    private static final java.util.List<Language> COUNTRY_LANGUAGES = Arrays.asList(Language.values());

    @Inject
    CountryService countries;

    @Inject
    RequestLanguage requestLanguage;

    @Context
    HttpHeaders headers;

    @GET
    public Page<CountryView> list(@QueryParam("q") @Size(max = 100) String q,
                                  @QueryParam("region") String region,
                                  @QueryParam("incomeGroup") String incomeGroup,
                                  @QueryParam("page") Integer page, @QueryParam("size") Integer size,
                                  @QueryParam("sort") String sort, @QueryParam("lang") String lang) {
        Language language = requestLanguage.resolve(lang, headers, COUNTRY_LANGUAGES);
        PageRequest paging = PageRequest.of(page, size, sort, CountryService.sortColumns(language), "name");
        return countries.list(q, QueryParams.enumValue(UnescoRegion.Code.class, "region", region),
                QueryParams.enumValue(IncomeGroup.Code.class, "incomeGroup", incomeGroup), paging, language);
    }

    @GET
    @Path("/{iso2}")
    public Response get(@PathParam("iso2") String iso2, @QueryParam("lang") String lang) {
        CountryView country = countries.get(iso2, requestLanguage.resolve(lang, headers, COUNTRY_LANGUAGES));
        return Response.ok(country).tag(Versions.tag(country.version())).build();
    }

    @PATCH
    @Path("/{iso2}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SECRETARIAT)
    public Response correct(@PathParam("iso2") String iso2, @HeaderParam("If-Match") String ifMatch,
                            @QueryParam("lang") String lang, @NotNull @Valid CountryCorrection correction) {
        CountryView country = countries.correctRegion(iso2, ifMatch, correction.unescoRegion(),
                requestLanguage.resolve(lang, headers, COUNTRY_LANGUAGES));
        return Response.ok(country).tag(Versions.tag(country.version())).build();
    }
}
