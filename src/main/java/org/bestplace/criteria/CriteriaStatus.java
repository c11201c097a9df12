package org.bestplace.criteria;

/** Lifecycle of a criteria set: only a ratified set may be used by an audit. */
public enum CriteriaStatus {
    DRAFT,
    RATIFIED,
    RETIRED
}
