package org.learningcities.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.hibernate.SessionFactory;

/** Hooks the audit trail into Hibernate before anything else starts writing (reference data, demo data). */
@ApplicationScoped
public class AuditSetup {

    @Inject
    SessionFactory sessionFactory;

    @Inject
    ObjectMapper json;

    private volatile AuditTrail trail;

    // Before the data loaders (default priority 2500 and later), so their rows are recorded as "system".
    void onStart(@Observes @Priority(10) StartupEvent start) {
        trail();
    }

    synchronized AuditTrail trail() {
        if (trail == null) {
            AuditTrail created = new AuditTrail(json);
            org.learningcities.common.EntityEvents.listen(sessionFactory, created);
            trail = created;
        }
        return trail;
    }
}
