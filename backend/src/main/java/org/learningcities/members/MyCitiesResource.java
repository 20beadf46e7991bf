package org.learningcities.members;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.learningcities.common.Language;
import org.learningcities.common.Page;
import org.learningcities.common.RequestLanguage;
import org.learningcities.members.MemberViews.MemberSummary;

/** The cities the caller is a focal point of: where a focal point's work starts. */
@Path("/api/me/cities")
@Produces(MediaType.APPLICATION_JSON)
public class MyCitiesResource {

    @Inject
    MemberService members;

    @Inject
    RequestLanguage requestLanguage;

    @Context
    HttpHeaders headers;

    @GET
    @Authenticated
    public Page<MemberSummary> myCities(@QueryParam("lang") String lang) {
        return Page.all(members.citiesOfCaller(requestLanguage.resolve(lang, headers, Language.UI)));
    }
}
