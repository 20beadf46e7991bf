package org.learningcities.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.hibernate.SessionFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;

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
            EventListenerRegistry registry = sessionFactory.unwrap(SessionFactoryImplementor.class).getServiceRegistry()
                    .requireService(EventListenerRegistry.class);
            registry.appendListeners(EventType.POST_INSERT, created);
            registry.appendListeners(EventType.POST_UPDATE, created);
            registry.appendListeners(EventType.POST_DELETE, created);
            registry.appendListeners(EventType.PRE_COLLECTION_UPDATE, created);
            registry.appendListeners(EventType.PRE_COLLECTION_REMOVE, created);
            registry.appendListeners(EventType.POST_COLLECTION_RECREATE, created);
            trail = created;
        }
        return trail;
    }
}
