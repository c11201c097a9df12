package org.bestplace.programme;

/** What a member does on a programme's team. */
public enum ProgrammeRole {
    /** Leads the programme across its hospitals and reads it; is on none of its audits' teams by being so. */
    LEAD
}
