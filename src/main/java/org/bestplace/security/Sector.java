package org.bestplace.security;

/** The three organisations whose staff run an audit together. */
public enum Sector {
    HOSPITAL,
    COMMUNITY,
    COMMISSIONER
}
