package org.learningcities.audit;

/** What happened to a record. Imports write one CREATE or UPDATE row per record ({@link Audit#inserted}); IMPORT is in the contract but not written today. */
public enum AuditAction {
    CREATE, UPDATE, DELETE, IMPORT
}
