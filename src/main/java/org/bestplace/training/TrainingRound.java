package org.bestplace.training;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import org.bestplace.audit.Audit;
import org.bestplace.criteria.CriteriaSet;
import org.bestplace.database.NumberedEntity;
import org.bestplace.security.User;

/**
 * A round of training in an audit, opened by its lead: from then on everyone answers the cases
 * afresh, and the answers of earlier rounds are kept. Before any is opened, round 1 runs from the
 * beginning, so answers given before the audit was set up count.
 */
@Entity
@Table(name = "training_round")
public class TrainingRound extends NumberedEntity {

    /** When round 1 of an audit with no opened round starts. */
    public static final Instant BEGINNING = Instant.parse("2000-01-01T00:00:00Z");

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "audit_id")
    public Audit audit;

    @Column(nullable = false)
    public int number;

    @Column(name = "opened_by", nullable = false, length = 64)
    public String openedBy;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    protected TrainingRound() {
    }

    public TrainingRound(Audit audit, int number, String openedBy, Instant now) {
        this.audit = audit;
        this.number = number;
        this.openedBy = openedBy;
        this.openedAt = now;
    }

    public static Optional<TrainingRound> latest(Audit audit) {
        return find("audit = ?1 order by number desc", audit).firstResultOptional();
    }

    /** The audit's current round number: 1 until the lead opens another. */
    public static int currentNumber(Audit audit) {
        return latest(audit).map(r -> r.number).orElse(1);
    }

    public static Instant currentStart(Audit audit) {
        return latest(audit).map(r -> r.openedAt).orElse(BEGINNING);
    }

    /**
     * Where a person's current round on a set starts: the latest round opened in any audit of
     * theirs that uses the set, so a new round in one of them asks them to answer afresh.
     */
    public static Instant currentStart(User user, CriteriaSet set) {
        Instant latest = getEntityManager().createQuery("select max(r.openedAt) from TrainingRound r, Member m"
                        + " where m.audit = r.audit and m.user = :user and r.audit.criteriaSet = :set", Instant.class)
                .setParameter("user", user).setParameter("set", set).getSingleResult();
        return latest == null ? BEGINNING : latest;
    }
}
