package org.bestplace.audit;

import java.util.Set;

/** An audit's lifecycle: PLANNED → COLLECTING → CLOSED → PUBLISHED, with one way back. */
public enum AuditStatus {
    PLANNED,
    COLLECTING,
    CLOSED,
    PUBLISHED;

    /** Whether the audit may move from this status to {@code next}. */
    public boolean canMoveTo(AuditStatus next) {
        return switch (this) {
            case PLANNED -> next == COLLECTING;
            case COLLECTING -> next == CLOSED;
            case CLOSED -> Set.of(PUBLISHED, COLLECTING).contains(next);
            case PUBLISHED -> false;
        };
    }

    /** Moving back to data collection reopens settled results, so it must be explained. */
    public boolean needsReasonToMoveTo(AuditStatus next) {
        return this == CLOSED && next == COLLECTING;
    }
}
