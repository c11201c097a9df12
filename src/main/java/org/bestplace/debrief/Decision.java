package org.bestplace.debrief;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.bestplace.review.Outcome;
import org.bestplace.review.PatientCase;
import org.bestplace.web.DomainException;

/**
 * The chair's decision on one case at a debrief: the agreed outcome (and alternative place),
 * the reasons for delay where the debrief agreed them, with the reason. Reviews are left as their
 * authors wrote them.
 */
@Entity
@Table(name = "decision")
public class Decision extends RecordedDecision {

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "debrief_id")
    public Debrief debrief;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "case_id")
    public PatientCase patientCase;

    @Version
    public long version;

    /** Codes of the audit's criteria set's reasons for delay; only for a patient who does not qualify. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "decision_delay_reason", joinColumns = @JoinColumn(name = "decision_id"))
    @Column(name = "code", nullable = false, length = 40)
    public Set<String> delayReasons = new TreeSet<>();

    protected Decision() {
    }

    public Decision(Debrief debrief, PatientCase patientCase) {
        this.debrief = debrief;
        this.patientCase = patientCase;
    }

    @Override
    public Set<String> delayReasons() {
        return delayReasons;
    }

    public void decide(Outcome outcome, String alternative, Set<String> delayReasons, String reason, String by,
            Instant now) {
        debrief.requireOpen();
        if (reason.length() > MAX_REASON) {
            throw DomainException.invalid("reason", "The reason is " + reason.length() + " characters long; it may"
                    + " have up to 2,000.");
        }
        this.outcome = outcome;
        this.alternative = outcome == Outcome.DOES_NOT_QUALIFY ? alternative : null;
        this.delayReasons.clear();
        if (outcome == Outcome.DOES_NOT_QUALIFY) {
            this.delayReasons.addAll(delayReasons);
        }
        this.reason = reason.strip();
        this.decidedBy = by;
        this.decidedAt = now;
    }

    public static List<Decision> of(Debrief debrief) {
        return list("debrief = ?1 order by patientCase.id", debrief);
    }

    public static Optional<Decision> of(Debrief debrief, PatientCase patientCase) {
        return find("debrief = ?1 and patientCase = ?2", debrief, patientCase).firstResultOptional();
    }
}
