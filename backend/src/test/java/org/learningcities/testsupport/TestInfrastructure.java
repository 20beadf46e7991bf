package org.learningcities.testsupport;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** Resources every @QuarkusTest shares: a real MariaDB and an OIDC server that trusts {@link Tokens}. */
@QuarkusTestResource(MariaDbTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
public final class TestInfrastructure {
    private TestInfrastructure() {
    }
}
