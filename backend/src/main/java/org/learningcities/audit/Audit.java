package org.learningcities.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.Map;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.persister.entity.EntityPersister;

/**
 * For the writes Hibernate's events do not see (native SQL): the row joins the current
 * transaction's audit rows and is written, or dropped, with them.
 */
@ApplicationScoped
public class Audit {

    @Inject
    EntityManager em;

    @Inject
    AuditSetup setup;

    /** A record inserted with native SQL, with the values it was given (plain JSON-ready values). */
    public void created(String type, Object id, Map<String, ?> fields) {
        AuditTrail.Row row = pending().add(type, AuditTrail.id(id), AuditAction.CREATE);
        fields.forEach((field, value) -> {
            if (value != null) {
                row.changes.put(field, new AuditTrail.Change(field, null, value));
            }
        });
    }

    /**
     * Entities whose rows were inserted with native SQL (ids set): each gets the CREATE row Hibernate's
     * insert event would have given it, with the same fields and values. A bulk import writes its new
     * records with JDBC batches and stays as audited as one that persisted them one by one.
     */
    public void inserted(Collection<?> entities) {
        SessionImplementor session = em.unwrap(SessionImplementor.class);
        AuditTrail trail = setup.trail();
        for (Object entity : entities) {
            EntityPersister persister = session.getEntityPersister(null, entity);
            trail.created(session, persister, persister.getIdentifier(entity, session), persister.getValues(entity));
        }
    }

    private AuditTrail.Pending pending() {
        SessionImplementor session = em.unwrap(SessionImplementor.class);
        return setup.trail().pending(session, session.getActionQueue());
    }
}
