package org.bestplace.debrief;

import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.List;
import org.hibernate.annotations.Immutable;

/** One decision as it was recorded; a later decision on the same case adds a version, never rewrites one. */
@Entity
@Immutable
@Table(name = "decision_history")
public class DecisionVersion extends RecordedDecision {

    @ManyToOne(optional = false)
    @JoinColumn(name = "decision_id")
    public Decision decision;

    protected DecisionVersion() {
    }

    DecisionVersion(Decision decision) {
        super(decision);
        this.decision = decision;
    }

    public static List<DecisionVersion> of(Decision decision) {
        return list("decision = ?1 order by decidedAt, id", decision);
    }
}
