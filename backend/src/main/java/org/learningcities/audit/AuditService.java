package org.learningcities.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.hibernate.SessionFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.learningcities.audit.AuditViews.ActorView;
import org.learningcities.audit.AuditViews.AuditEventView;
import org.learningcities.common.Page;
import org.learningcities.common.PageRequest;
import org.learningcities.common.Problem.FieldError;
import org.learningcities.common.ProblemException;

/** Reads the audit trail, newest first. */
@ApplicationScoped
public class AuditService {

    static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:-]{1,100}");

    /** Narrows the trail; every part may be null. */
    public record Filter(String entityType, String entityId, String actor, LocalDate from, LocalDate to) {
    }

    @Inject
    EntityManager em;

    @Inject
    SessionFactory sessionFactory;

    @Inject
    ObjectMapper json;

    public Page<AuditEventView> history(String entityType, String entityId, PageRequest paging) {
        checkType(entityType);
        if (!ID.matcher(entityId).matches()) {
            throw ProblemException.badRequest("entityId must be 1 to 100 letters, digits or _ . : -.",
                    new FieldError("entityId", "must match [A-Za-z0-9_.:-]{1,100}"));
        }
        if (!isAuditedType(entityType)) {
            throw ProblemException.notFound("No audited record type " + entityType + ".");
        }
        return list(new Filter(entityType, entityId, null, null, null), paging);
    }

    public Page<AuditEventView> list(Filter filter, PageRequest paging) {
        if (filter.entityType() != null) {
            checkType(filter.entityType());
        }
        if (filter.from() != null && filter.to() != null && filter.to().isBefore(filter.from())) {
            throw ProblemException.badRequest("to must not be before from.", new FieldError("to", "must not be before from"));
        }
        StringBuilder where = new StringBuilder(" FROM audit_event WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (filter.entityType() != null) {
            params.add(filter.entityType());
            where.append(" AND entity_type = ?").append(params.size());
        }
        if (filter.entityId() != null) {
            params.add(filter.entityId());
            where.append(" AND entity_id = ?").append(params.size());
        }
        if (filter.actor() != null) {
            params.add(filter.actor());
            where.append(" AND (actor_subject = ?").append(params.size()).append(" OR actor_username = ?").append(params.size()).append(')');
        }
        if (filter.from() != null) {
            params.add(filter.from().atStartOfDay());
            where.append(" AND occurred_at >= ?").append(params.size());
        }
        if (filter.to() != null) {
            params.add(filter.to().plusDays(1).atStartOfDay());
            where.append(" AND occurred_at < ?").append(params.size());
        }
        var count = em.createNativeQuery("SELECT COUNT(*)" + where);
        var select = em.createNativeQuery("SELECT id, entity_type, entity_id, action, DATE_FORMAT(occurred_at, '%Y-%m-%dT%H:%i:%s.%fZ'),"
                + " actor_subject, actor_username, actor_name, changes" + where + " ORDER BY occurred_at DESC, id DESC");
        for (int i = 0; i < params.size(); i++) {
            count.setParameter(i + 1, params.get(i));
            select.setParameter(i + 1, params.get(i));
        }
        long total = ((Number) count.getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = select.setFirstResult(paging.offset()).setMaxResults(paging.size()).getResultList();
        return Page.of(rows.stream().map(this::view).toList(), paging, total);
    }

    private AuditEventView view(Object[] r) {
        try {
            return new AuditEventView(((Number) r[0]).longValue(), (String) r[1], (String) r[2], AuditAction.valueOf((String) r[3]),
                    Instant.parse((String) r[4]), new ActorView((String) r[5], (String) r[6], (String) r[7]), json.readTree((String) r[8]));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit_event " + r[0] + " holds invalid JSON", e);
        }
    }

    /** An entity's table (audited unless excluded), or a type with recorded changes (rows written with native SQL). */
    private boolean isAuditedType(String type) {
        if (AuditTrail.EXCLUDED.contains(type)) {
            return false;
        }
        boolean entity = sessionFactory.unwrap(SessionFactoryImplementor.class).getMappingMetamodel().streamEntityDescriptors()
                .anyMatch(persister -> type.equals(AuditTrail.type(persister)));
        return entity || !em.createNativeQuery("SELECT 1 FROM audit_event WHERE entity_type = ?1 LIMIT 1").setParameter(1, type)
                .getResultList().isEmpty();
    }

    private static void checkType(String type) {
        if (!TYPE.matcher(type).matches()) {
            throw ProblemException.badRequest("entityType must be a record type such as member_city.",
                    new FieldError("entityType", "must match [a-z][a-z0-9_]{0,63}"));
        }
    }
}
