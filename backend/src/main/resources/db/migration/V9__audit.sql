-- The audit trail: one row per change to a record (created, updated, deleted), written by the
-- application in the same transaction as the change, so a rolled-back change leaves no row.
-- entity_type is the record's table name; changes is a JSON array of {field, old, new}.
-- occurred_at is UTC. Rows are never changed or deleted.
CREATE TABLE audit_event (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    entity_type     VARCHAR(64)   NOT NULL,
    entity_id       VARCHAR(100)  NOT NULL,
    action          VARCHAR(10)   NOT NULL,
    occurred_at     DATETIME(3)   NOT NULL,
    actor_subject   VARCHAR(255)  NOT NULL,
    actor_username  VARCHAR(255),
    actor_name      VARCHAR(255),
    changes         LONGTEXT      NOT NULL,
    CONSTRAINT ck_audit_event_action CHECK (action IN ('CREATE', 'UPDATE', 'DELETE', 'IMPORT')),
    CONSTRAINT ck_audit_event_changes CHECK (JSON_VALID(changes)),
    INDEX ix_audit_event_record (entity_type, entity_id, occurred_at),
    INDEX ix_audit_event_actor (actor_subject, occurred_at),
    INDEX ix_audit_event_time (occurred_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_event is append-only';
CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_event is append-only';

-- The fund's journal is its own audit trail and names its author by login (posted_by,
-- recorded_by). The login can be renamed in Keycloak; the token's subject cannot: keep it too.
-- Entries posted before this migration keep NULL (the tables refuse updates).
ALTER TABLE fund_journal_entry ADD COLUMN posted_by_subject VARCHAR(255) NULL AFTER posted_by;
