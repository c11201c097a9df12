package org.bestplace.activity;

/** What the activity log records. */
public enum ActivityEvent {
    SIGN_IN,
    SIGN_IN_FAILED,
    CASE_VIEW,
    CASE_REGISTERED,
    REVIEW_SUBMITTED,
    REVIEW_CHANGED,
    EXPORT,
    DEBRIEF_OPENED,
    DEBRIEF_SIGN_OFF,
    DEBRIEF_REOPENED,
    CRITERIA_RATIFIED,
    CRITERIA_RETIRED,
    ROLE_CHANGE,
    AUDIT_SETUP,
    AUDIT_STATUS,
    /** A password changed by its owner, or a temporary one set by an administrator. */
    PASSWORD_CHANGE,
    /** An administrator lifted the sign-in throttle's lock on a user. */
    SIGN_IN_UNLOCK,
    CASE_CORRECTED,
    CASE_WITHDRAWN
}
