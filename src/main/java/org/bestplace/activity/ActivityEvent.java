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
    AUDIT_STATUS
}
