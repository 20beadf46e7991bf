package org.learningcities.common;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The authenticated caller of this request, as the services need it. */
@RequestScoped
public class Caller {

    @Inject
    SecurityIdentity identity;

    /** The login name (Keycloak's preferred_username), or null for an anonymous caller. */
    public String username() {
        if (identity.isAnonymous()) {
            return null;
        }
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getClaim("preferred_username") != null) {
            return token.getClaim("preferred_username");
        }
        return identity.getPrincipal().getName();
    }

    public boolean hasRole(String role) {
        return !identity.isAnonymous() && identity.hasRole(role);
    }

    public boolean isSecretariat() {
        return hasRole(Roles.SECRETARIAT);
    }

    public boolean isAnonymous() {
        return identity.isAnonymous();
    }

    /** The token's subject (Keycloak's user id, which survives a renamed login), or null for an anonymous caller. */
    public String subject() {
        if (identity.isAnonymous()) {
            return null;
        }
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getSubject() != null) {
            return token.getSubject();
        }
        return identity.getPrincipal().getName();
    }

    /** The person's name as the token gives it (the name claim), else the login name. */
    public String displayName() {
        if (!identity.isAnonymous() && identity.getPrincipal() instanceof JsonWebToken token && token.getClaim("name") != null) {
            return token.getClaim("name");
        }
        return username();
    }

    /** Who to record as having done something. */
    public String recordedBy() {
        String username = username();
        return username == null ? "system" : username;
    }

    public SecurityIdentity identity() {
        return identity;
    }
}
