package org.learningcities.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** The audit trail's answers: the shapes of the contract's AuditEvent and AuditActor. */
public final class AuditViews {

    private AuditViews() {
    }

    public record ActorView(String subject, String username, String name) {
    }

    /** changes is stored as the contract's array of {field, old, new} and passed through as it is. */
    public record AuditEventView(long id, String entityType, String entityId, AuditAction action, Instant at, ActorView actor,
                                 JsonNode changes) {
    }
}
