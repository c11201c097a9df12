package org.bestplace.debrief;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.bestplace.review.Outcome;
import org.hibernate.annotations.Immutable;

/** One decision as it was recorded; a later decision on the same case adds a version, never rewrites one. */
@Entity
@Immutable
@Table(name = "decision_history")
public class DecisionVersion extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "decision_id")
    public Decision decision;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public Outcome outcome;

    @Column(length = 40)
    public String alternative;

    @Column(nullable = false, length = 2000)
    public String reason;

    @Column(name = "decided_by", nullable = false, length = 64)
    public String decidedBy;

    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;

    protected DecisionVersion() {
    }

    DecisionVersion(Decision decision) {
        this.decision = decision;
        this.outcome = decision.outcome;
        this.alternative = decision.alternative;
        this.reason = decision.reason;
        this.decidedBy = decision.decidedBy;
        this.decidedAt = decision.decidedAt;
    }

    public static List<DecisionVersion> of(Decision decision) {
        return list("decision = ?1 order by decidedAt, id", decision);
    }
}
