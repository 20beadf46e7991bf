package org.learningcities.common;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/** Says in which language the texts of a localised answer are. */
@Provider
public class ContentLanguageFilter implements ContainerResponseFilter {

    @Inject
    RequestLanguage language;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (language.chosen() != null && response.getStatus() < 400) {
            response.getHeaders().putSingle(HttpHeaders.CONTENT_LANGUAGE, language.chosen().code());
            response.getHeaders().add(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
        }
    }
}
