package org.learningcities.common;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Test-only: a resource with a bug, to see how an unexpected failure reaches the client. */
@Path("/test-only/failure")
public class FailingResource {

    @GET
    public String fail() {
        throw new IllegalStateException("org.learningcities.Secret internal detail");
    }
}
