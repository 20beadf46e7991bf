package org.learningcities.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import jakarta.persistence.Entity;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.hibernate.HibernateException;
import org.hibernate.collection.spi.PersistentCollection;
import org.hibernate.engine.spi.ActionQueue;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.engine.spi.Status;
import org.hibernate.engine.spi.TransactionCompletionCallbacks;
import org.hibernate.event.spi.AbstractCollectionEvent;
import org.hibernate.event.spi.PostCollectionRecreateEvent;
import org.hibernate.event.spi.PostCollectionRecreateEventListener;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostDeleteEventListener;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.event.spi.PreCollectionRemoveEvent;
import org.hibernate.event.spi.PreCollectionRemoveEventListener;
import org.hibernate.event.spi.PreCollectionUpdateEvent;
import org.hibernate.event.spi.PreCollectionUpdateEventListener;
import org.hibernate.persister.entity.AbstractEntityPersister;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.proxy.HibernateProxy;
import org.hibernate.type.CollectionType;
import org.hibernate.type.Type;
import org.learningcities.common.Caller;

/**
 * The audit trail, generic over every Hibernate entity: Hibernate's own events (insert, update
 * with old and new state, delete, and the collection events for element collections such as a
 * city's topics) collect one row per changed record; the rows are written in one JDBC batch just
 * before the transaction commits, on its connection. A rolled-back transaction never reaches
 * that point, so it leaves no audit row.
 *
 * <p>Why not Hibernate Envers: Envers audits only entities marked {@code @Audited}, each with its
 * own {@code _AUD} table (and one per element collection) created by a migration. Several areas
 * add entities in parallel; each would have to remember the annotation and the DDL, and a
 * forgotten one would silently go unaudited. Listening to Hibernate's events covers every entity,
 * present and future, with one table and no per-entity work. What Envers does better — rebuilding
 * a whole record as of a past revision — is not asked for: the secretariat reads who changed what.
 *
 * <p>Writes done with native SQL bypass these events; those services call {@link Audit} instead.
 */
final class AuditTrail implements PostInsertEventListener, PostUpdateEventListener, PostDeleteEventListener,
        PreCollectionUpdateEventListener, PreCollectionRemoveEventListener, PostCollectionRecreateEventListener {

    /**
     * Tables that are not audited here: running balances are derived from the fund's journal,
     * which is its own append-only audit trail (written with native SQL, like the idempotency
     * records, so neither reaches these events anyway).
     */
    static final Set<String> EXCLUDED = Set.of("fund_account_balance", "audit_event");

    static final String INSERT = "INSERT INTO audit_event (entity_type, entity_id, action, occurred_at, actor_subject,"
            + " actor_username, actor_name, changes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    private static final int BATCH = 500;

    private final ObjectMapper json;
    /**
     * Weak keys: a session closed without running its completion callbacks (Hibernate warns "Closing
     * shared session with unprocessed transaction completion actions" after some failed flushes) must
     * not stay here with its persistence context.
     */
    private final Map<SharedSessionContractImplementor, Pending> pending = java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    AuditTrail(ObjectMapper json) {
        this.json = json;
    }

    /** Who made a change: the token's subject, login and name; "system" without a caller (start-up seeding). */
    record Actor(String subject, String username, String name) {
        static final Actor SYSTEM = new Actor("system", "system", "system");

        static Actor current() {
            ArcContainer arc = Arc.container();
            if (arc == null || !arc.requestContext().isActive()) {
                return SYSTEM;
            }
            Caller caller = arc.instance(Caller.class).get();
            // Every write through the API needs a token; without one it is the platform's own (start-up runs in a request context too).
            return caller.isAnonymous() ? SYSTEM : new Actor(caller.subject(), caller.username(), caller.displayName());
        }
    }

    record Change(String field, Object oldValue, Object newValue) {
    }

    /** One record's change within a transaction; later events on the same record fold into it. */
    static final class Row {
        final String type;
        final String id;
        final AuditAction action;
        final Instant at = Instant.now();
        final Map<String, Change> changes = new LinkedHashMap<>();

        Row(String type, String id, AuditAction action) {
            this.type = type;
            this.id = id;
            this.action = action;
        }
    }

    /** The rows of one transaction, written before it commits. */
    final class Pending {
        final Actor actor = Actor.current();
        final List<Row> rows = new ArrayList<>();
        final Map<String, Row> latest = new HashMap<>();

        Row add(String type, String id, AuditAction action) {
            Row row = new Row(type, id, action);
            rows.add(row);
            latest.put(type + "#" + id, row);
            return row;
        }

        /**
         * A field's change, merged into this transaction's row for the record (or a new UPDATE row):
         * a record created in this transaction keeps "no old value", one changed twice keeps the first old value.
         */
        void change(String type, String id, String field, Object oldValue, Object newValue) {
            Row row = latest.get(type + "#" + id);
            if (row == null || row.action == AuditAction.DELETE) {
                row = add(type, id, AuditAction.UPDATE);
            }
            Change before = row.changes.get(field);
            Object old = row.action == AuditAction.CREATE ? null : before != null ? before.oldValue() : oldValue;
            row.changes.put(field, new Change(field, old, newValue));
        }

        void write(SharedSessionContractImplementor session) {
            List<Row> worth = rows.stream().filter(AuditTrail::worthKeeping).toList();
            if (worth.isEmpty()) {
                return;
            }
            // A bulk import's thousands of rows are turned into JSON on every core first (ObjectMapper is thread-safe).
            List<String> changes = (worth.size() >= BATCH ? worth.parallelStream() : worth.stream()).map(AuditTrail.this::toJson).toList();
            try (PreparedStatement insert = session.getJdbcCoordinator().getLogicalConnection().getPhysicalConnection().prepareStatement(INSERT)) {
                int batched = 0;
                for (int i = 0; i < worth.size(); i++) {
                    Row row = worth.get(i);
                    insert.setString(1, row.type);
                    insert.setString(2, row.id);
                    insert.setString(3, row.action.name());
                    insert.setObject(4, LocalDateTime.ofInstant(row.at, ZoneOffset.UTC));
                    insert.setString(5, actor.subject());
                    insert.setString(6, actor.username());
                    insert.setString(7, actor.name());
                    insert.setString(8, changes.get(i));
                    insert.addBatch();
                    if (++batched % BATCH == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            } catch (SQLException e) {
                // Failing here fails the commit: a change is never stored without its audit row.
                throw new HibernateException("Could not write the audit trail", e);
            }
        }
    }

    /** The pending rows of an event's session; a stateless session (unused here) has no transaction callbacks to write them. */
    private Pending pending(SharedSessionContractImplementor session) {
        if (session instanceof org.hibernate.event.spi.EventSource source) {
            return pending(source, source.getActionQueue());
        }
        throw new IllegalStateException("The audit trail needs a stateful session; a StatelessSession wrote an entity");
    }

    /** This transaction's pending rows, registering the write-before-commit on first use. */
    Pending pending(SharedSessionContractImplementor session, ActionQueue actions) {
        return pending.computeIfAbsent(session, s -> {
            Pending created = new Pending();
            actions.registerCallback((TransactionCompletionCallbacks.BeforeCompletionCallback) created::write);
            actions.registerCallback((TransactionCompletionCallbacks.AfterCompletionCallback) (success, done) -> pending.remove(done));
            return created;
        });
    }

    private static boolean worthKeeping(Row row) {
        // No change, or nothing becoming an empty list (a new record's empty collections).
        row.changes.values().removeIf(c -> Objects.equals(c.oldValue(), c.newValue()) || empty(c.oldValue()) && empty(c.newValue()));
        return row.action != AuditAction.UPDATE || !row.changes.isEmpty();
    }

    private String toJson(Row row) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Change change : row.changes.values()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("field", change.field());
            item.put("old", change.oldValue());
            item.put("new", change.newValue());
            list.add(item);
        }
        try {
            return json.writeValueAsString(list);
        } catch (JsonProcessingException e) {
            throw new HibernateException("Could not write an audit row for " + row.type + " " + row.id, e);
        }
    }

    // ---- entity events

    @Override
    public void onPostInsert(PostInsertEvent event) {
        created(event.getSession(), event.getPersister(), event.getId(), event.getState());
    }

    /**
     * A new record's CREATE row with every value it was stored with: from Hibernate's insert event, or
     * from {@link Audit#inserted} for an entity whose row was written with native SQL (the same row either way).
     */
    void created(SharedSessionContractImplementor session, EntityPersister persister, Object id, Object[] state) {
        String type = type(persister);
        if (type == null) {
            return;
        }
        Row row = pending(session).add(type, id(id), AuditAction.CREATE);
        String[] names = persister.getPropertyNames();
        for (int i = 0; i < names.length; i++) {
            Object value = plain(state[i], session);
            if (!isVersion(persister, i) && !empty(value)) {
                row.changes.put(names[i], new Change(names[i], null, value));
            }
        }
    }

    @Override
    public void onPostUpdate(PostUpdateEvent event) {
        String type = type(event.getPersister());
        if (type == null) {
            return;
        }
        Pending pending = pending(event.getSession());
        String id = id(event.getId());
        Object[] state = event.getState();
        Object[] old = event.getOldState();
        String[] names = event.getPersister().getPropertyNames();
        Type[] types = event.getPersister().getPropertyTypes();
        for (int i : dirty(event, names.length)) {
            // Collections arrive through the collection events, with their old contents.
            if (isVersion(event.getPersister(), i) || types[i] instanceof CollectionType) {
                continue;
            }
            Object before = old == null ? null : plain(old[i], event.getSession());
            pending.change(type, id, names[i], before, plain(state[i], event.getSession()));
        }
    }

    @Override
    public void onPostDelete(PostDeleteEvent event) {
        String type = type(event.getPersister());
        if (type == null) {
            return;
        }
        Row row = pending(event.getSession()).add(type, id(event.getId()), AuditAction.DELETE);
        Object[] state = event.getDeletedState();
        String[] names = event.getPersister().getPropertyNames();
        for (int i = 0; state != null && i < names.length; i++) {
            Object value = plain(state[i], event.getSession());
            if (!isVersion(event.getPersister(), i) && !empty(value)) {
                row.changes.put(names[i], new Change(names[i], value, null));
            }
        }
    }

    @Override
    public boolean requiresPostCommitHandling(EntityPersister persister) {
        return false;
    }

    // ---- collection events: element collections (a city's topics, an organisation's contacts ...)

    @Override
    public void onPreUpdateCollection(PreCollectionUpdateEvent event) {
        PersistentCollection<?> collection = event.getCollection();
        if (collection.wasInitialized()) {
            collectionChange(event, snapshot(collection, event), plain(collection, event.getSession()));
        }
    }

    @Override
    public void onPreRemoveCollection(PreCollectionRemoveEvent event) {
        Object owner = event.getAffectedOwnerOrNull();
        EntityEntry entry = owner == null ? null : event.getSession().getPersistenceContextInternal().getEntry(owner);
        // The owner's own DELETE row already holds what it had.
        if (entry == null || entry.getStatus() == Status.DELETED || entry.getStatus() == Status.GONE) {
            return;
        }
        collectionChange(event, snapshot(event.getCollection(), event), List.of());
    }

    @Override
    public void onPostRecreateCollection(PostCollectionRecreateEvent event) {
        collectionChange(event, null, plain(event.getCollection(), event.getSession()));
    }

    private void collectionChange(AbstractCollectionEvent event, Object oldValue, Object newValue) {
        Object ownerId = event.getAffectedOwnerIdOrNull();
        EntityPersister owner = event.getSession().getFactory().getMappingMetamodel().getEntityDescriptor(event.getAffectedOwnerEntityName());
        String type = type(owner);
        if (type == null || ownerId == null) {
            return;
        }
        String role = event.getCollection().getRole();
        String field = role.substring(role.lastIndexOf('.') + 1);
        pending(event.getSession()).change(type, id(ownerId), field, oldValue, newValue);
    }

    private Object snapshot(PersistentCollection<?> collection, AbstractCollectionEvent event) {
        Object stored = collection.getStoredSnapshot();
        if (stored instanceof Map<?, ?> map && !(collection instanceof Map<?, ?>)) {
            return plain(map.values(), event.getSession()); // a set's snapshot maps each element to itself
        }
        return plain(stored, event.getSession());
    }

    // ---- values

    /** The record type: its table name, or null when it is not audited. */
    static String type(EntityPersister persister) {
        String table = persister instanceof AbstractEntityPersister p ? p.getIdentifierTableName() : persister.getEntityName();
        table = table.replace("`", "").replace("\"", "");
        return EXCLUDED.contains(table) ? null : table;
    }

    static String id(Object id) {
        return String.valueOf(id);
    }

    private static boolean isVersion(EntityPersister persister, int property) {
        return persister.isVersioned() && persister.getVersionPropertyIndex() == property;
    }

    private static int[] dirty(PostUpdateEvent event, int properties) {
        if (event.getDirtyProperties() != null) {
            return event.getDirtyProperties();
        }
        return java.util.stream.IntStream.range(0, properties).toArray();
    }

    private static boolean empty(Object value) {
        return value == null || value instanceof Collection<?> c && c.isEmpty() || value instanceof Map<?, ?> m && m.isEmpty();
    }

    /** A value as plain JSON-ready data: collections sorted, enums by name, other entities by id, embeddables as maps. */
    private Object plain(Object value, SharedSessionContractImplementor session) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof PersistentCollection<?> collection && !collection.wasInitialized()) {
            return null; // not loaded, so not changed by this transaction; loading it during a flush is not allowed
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof TemporalAccessor || value instanceof java.util.Date) {
            return json.convertValue(value, Object.class);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new TreeMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(plain(k, session)), plain(v, session)));
            return out;
        }
        if (value instanceof Collection<?> collection) {
            List<Object> out = new ArrayList<>();
            collection.forEach(v -> out.add(plain(v, session)));
            if (out.stream().allMatch(v -> v instanceof Comparable<?>) && out.stream().map(Object::getClass).distinct().count() <= 1) {
                out.sort(null);
            }
            return out;
        }
        if (value instanceof HibernateProxy proxy) {
            return id(proxy.getHibernateLazyInitializer().getInternalIdentifier());
        }
        if (value.getClass().isAnnotationPresent(Entity.class)) {
            return id(session.getEntityPersister(null, value).getIdentifier(value, session));
        }
        return fields(value, session);
    }

    /** An embeddable (a profile text, a contact) by its fields, not by whatever getters it has. */
    private Map<String, Object> fields(Object value, SharedSessionContractImplementor session) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (java.lang.reflect.Field field : value.getClass().getDeclaredFields()) {
            if (java.lang.reflect.Modifier.isStatic(field.getModifiers()) || field.isSynthetic()) {
                continue;
            }
            try {
                field.setAccessible(true);
                out.put(field.getName(), plain(field.get(value), session));
            } catch (ReflectiveOperationException | RuntimeException e) {
                // An unreadable field is left out rather than failing the change it belongs to.
            }
        }
        return out;
    }
}
