package org.bestplace.debrief;

import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import java.util.Set;
import org.bestplace.database.NumberedEntity;
import org.bestplace.review.Outcome;

/**
 * What the chair decided on a case, by whom and when: the current {@link Decision} and each
 * {@link DecisionVersion} kept of it hold the same columns, so they share this mapping.
 */
@MappedSuperclass
public abstract class RecordedDecision extends NumberedEntity {

    /** The reason column's length. */
    public static final int MAX_REASON = 2000;


    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public Outcome outcome;

    @Column(length = 40)
    public String alternative;

    @Column(nullable = false, length = MAX_REASON)
    public String reason;

    @Column(name = "decided_by", nullable = false, length = 64)
    public String decidedBy;

    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;

    protected RecordedDecision() {
    }

    /** The reasons for delay recorded with it; each kind keeps them in its own table. */
    public abstract Set<String> delayReasons();

    /** A copy of what another record says was decided, by whom and when. */
    protected RecordedDecision(RecordedDecision decided) {
        this.outcome = decided.outcome;
        this.alternative = decided.alternative;
        this.reason = decided.reason;
        this.decidedBy = decided.decidedBy;
        this.decidedAt = decided.decidedAt;
    }
}
