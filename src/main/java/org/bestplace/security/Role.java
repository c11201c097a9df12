package org.bestplace.security;

/** Service-wide roles of a user (an audit's team roles are {@code audit.MemberRole}). */
public enum Role {
    ADMIN,
    REVIEWER,
    CHAIR,
    COMMISSIONER;

    public static final String ADMIN_NAME = "ADMIN";
}
