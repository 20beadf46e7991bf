package org.learningcities.clusters;

/** Who carries an activity out. */
public enum ResponsibleKind {
    COORDINATING_CITY, MEMBER_CITY, PARTNER_ORGANISATION, SECRETARIAT
}
