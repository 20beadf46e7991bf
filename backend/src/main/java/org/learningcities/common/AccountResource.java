package org.learningcities.common;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who the caller is, and how a browser app logs in. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {

    public record CurrentUser(String username, String name, String email, List<String> roles) {
    }

    public record ClientConfig(String oidcUrl, String realm, String clientId, List<String> languages) {
    }

    @Inject
    SecurityIdentity identity;

    @Inject
    Caller caller;

    @ConfigProperty(name = "lc.spa.oidc-url")
    String spaOidcUrl;

    @ConfigProperty(name = "lc.spa.realm")
    String spaRealm;

    @ConfigProperty(name = "lc.spa.client-id")
    String spaClientId;

    @GET
    @Path("/me")
    @Authenticated
    public CurrentUser me() {
        List<String> roles = Roles.ALL.stream().filter(identity::hasRole).toList();
        String name = null;
        String email = null;
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            name = token.getClaim("name");
            email = token.getClaim("email");
        }
        return new CurrentUser(caller.username(), name, email, roles);
    }

    @GET
    @Path("/client-config")
    public ClientConfig clientConfig() {
        return new ClientConfig(spaOidcUrl, spaRealm, spaClientId, Language.UI.stream().map(Language::code).toList());
    }
}
