package org.learningcities.common;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import org.jboss.logging.Logger;

/**
 * Loads a named data set exactly once per database, even when several instances start together:
 * the seed's row is claimed in the same transaction as the load, so a second instance waits on
 * it and then finds the set loaded.
 */
@ApplicationScoped
public class DataSeeds {

    private static final Logger LOG = Logger.getLogger(DataSeeds.class);

    @Inject
    EntityManager em;

    public void once(String name, Runnable load) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                em.createNativeQuery("INSERT INTO data_seed (name) VALUES (?1)").setParameter(1, name).executeUpdate();
                load.run();
                LOG.infof("Loaded data set %s", name);
            });
        } catch (PersistenceException e) {
            if (!Idempotency.isDuplicateKey(e)) {
                throw e;
            }
        }
    }
}
