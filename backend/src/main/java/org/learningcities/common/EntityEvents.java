package org.learningcities.common;

import org.hibernate.SessionFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PostCollectionRecreateEventListener;
import org.hibernate.event.spi.PostDeleteEventListener;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.event.spi.PreCollectionRemoveEventListener;
import org.hibernate.event.spi.PreCollectionUpdateEventListener;

/** Hooks a listener into Hibernate's record events (the audit trail and the member directory listen to them). */
public final class EntityEvents {

    private EntityEvents() {
    }

    /** Appends the listener to each insert, update, delete and element-collection event whose interface it implements. */
    public static void listen(SessionFactory sessionFactory, Object listener) {
        EventListenerRegistry registry = sessionFactory.unwrap(SessionFactoryImplementor.class).getServiceRegistry()
                .requireService(EventListenerRegistry.class);
        if (listener instanceof PostInsertEventListener l) {
            registry.appendListeners(EventType.POST_INSERT, l);
        }
        if (listener instanceof PostUpdateEventListener l) {
            registry.appendListeners(EventType.POST_UPDATE, l);
        }
        if (listener instanceof PostDeleteEventListener l) {
            registry.appendListeners(EventType.POST_DELETE, l);
        }
        if (listener instanceof PreCollectionUpdateEventListener l) {
            registry.appendListeners(EventType.PRE_COLLECTION_UPDATE, l);
        }
        if (listener instanceof PreCollectionRemoveEventListener l) {
            registry.appendListeners(EventType.PRE_COLLECTION_REMOVE, l);
        }
        if (listener instanceof PostCollectionRecreateEventListener l) {
            registry.appendListeners(EventType.POST_COLLECTION_RECREATE, l);
        }
    }
}
