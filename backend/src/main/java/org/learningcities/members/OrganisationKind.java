package org.learningcities.members;

/** What kind of body a partner organisation is. */
public enum OrganisationKind {
    TECHNICAL_PARTNER, DONOR_GOVERNMENT, COMPANY, FOUNDATION, NGO, UNIVERSITY, INTERNATIONAL_ORGANISATION,
    REGIONAL_ORGANISATION, PUBLIC_EMPLOYMENT_SERVICE, SKILLS_CENTRE, OTHER
}
