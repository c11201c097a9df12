package org.bestplace.audit;

/** What a member does on one audit's team. */
public enum MemberRole {
    REVIEWER,
    CHAIR,
    COMMISSIONER,
    LEAD
}
