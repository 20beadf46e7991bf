package org.learningcities.common;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Test-only: a real Agroal pool of one connection against the test database, asked for a second
 * while the first is held, so Agroal throws its own acquisition-timeout exception (the app's pool
 * of 40 connections with a 30 s timeout is too large to exhaust in a test).
 */
@Path("/test-only/pool-exhausted")
public class PoolExhaustedResource {

    @GET
    public String exhaust() throws SQLException {
        var config = ConfigProvider.getConfig();
        String url = config.getValue("quarkus.datasource.jdbc.url", String.class);
        String user = config.getValue("quarkus.datasource.username", String.class);
        String password = config.getOptionalValue("quarkus.datasource.password", String.class).orElse("");
        AgroalDataSourceConfigurationSupplier pool = new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(p -> p.maxSize(1).acquisitionTimeout(Duration.ofMillis(300))
                        .connectionFactoryConfiguration(f -> f.jdbcUrl(url).principal(new NamePrincipal(user))
                                .credential(new SimplePassword(password))));
        try (AgroalDataSource dataSource = AgroalDataSource.from(pool); Connection held = dataSource.getConnection()) {
            try (Connection second = dataSource.getConnection()) {
                return "a second connection from a pool of one: " + second + " (held " + held + ")";
            }
        }
    }
}
