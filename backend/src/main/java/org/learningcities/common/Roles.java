package org.learningcities.common;

/** The platform's roles: Keycloak realm roles, read from the token's realm_access.roles. */
public final class Roles {
    public static final String SECRETARIAT = "secretariat";
    public static final String FUND_MANAGER = "fund-manager";
    public static final String COORDINATOR = "coordinator";
    public static final String FOCAL_POINT = "focal-point";
    public static final String DONOR = "donor";

    public static final java.util.List<String> ALL = java.util.List.of(SECRETARIAT, FUND_MANAGER, COORDINATOR, FOCAL_POINT, DONOR);

    private Roles() {
    }
}
