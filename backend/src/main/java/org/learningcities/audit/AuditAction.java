package org.learningcities.audit;

/** What happened to a record; IMPORT is one summary row for a bulk import (see {@link Audit#imported}). */
public enum AuditAction {
    CREATE, UPDATE, DELETE, IMPORT
}
