package org.bestplace.debrief;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.hibernate.annotations.Immutable;

/** One decision as it was recorded; a later decision on the same case adds a version, never rewrites one. */
@Entity
@Immutable
@Table(name = "decision_history")
public class DecisionVersion extends RecordedDecision {

    @ManyToOne(optional = false)
    @JoinColumn(name = "decision_id")
    public Decision decision;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "decision_history_delay_reason", joinColumns = @JoinColumn(name = "history_id"))
    @Column(name = "code", nullable = false, length = 40)
    public Set<String> delayReasons = new TreeSet<>();

    protected DecisionVersion() {
    }

    DecisionVersion(Decision decision) {
        super(decision);
        this.decision = decision;
        this.delayReasons = new TreeSet<>(decision.delayReasons);
    }

    @Override
    public Set<String> delayReasons() {
        return delayReasons;
    }

    public static List<DecisionVersion> of(Decision decision) {
        return list("decision = ?1 order by decidedAt, id", decision);
    }
}
