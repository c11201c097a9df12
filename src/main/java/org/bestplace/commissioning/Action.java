package org.bestplace.commissioning;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.bestplace.audit.Audit;
import org.bestplace.database.NumberedEntity;
import org.bestplace.debrief.Debrief;
import org.bestplace.security.Sector;

/**
 * Something a named owner in one sector agreed to do about a finding of the audit, with a due
 * date and a status; a commissioning decision is recorded on the action it answers. Every change
 * is a step in its history ({@link ActionUpdate}).
 */
@Entity
@Table(name = "audit_action")
public class Action extends NumberedEntity {

    /** What was decided, by whom (a person or a body, such as a board), on which day. */
    public record Decision(String text, String decidedBy, LocalDate decidedOn) {
    }

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "audit_id")
    public Audit audit;

    @Column(nullable = false, length = 1000)
    public String title;

    @Column(nullable = false, length = 2000)
    public String finding;

    /** The criteria set's reason codes it addresses, in the order given, joined by commas. */
    @Column(name = "reason_codes", nullable = false, length = 1000)
    String reasonCodes;

    @Enumerated(EnumType.STRING)
    @Column(name = "owner_sector", nullable = false, length = 16)
    public Sector ownerSector;

    @Column(nullable = false, length = 200)
    public String owner;

    @Column(name = "due_date", nullable = false)
    public LocalDate dueDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public ActionStatus status;

    /** The debrief whose learning point it came from, if it did. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "debrief_id")
    public Debrief debrief;

    @Column(name = "decision_text", length = 2000)
    String decisionText;

    @Column(name = "decided_by", length = 200)
    String decidedBy;

    @Column(name = "decided_on")
    LocalDate decidedOn;

    @Column(name = "created_by", nullable = false, length = 64)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Version
    public long version;

    protected Action() {
    }

    /** A new, open action from checked terms; the caller persists it and its first step. */
    Action(Audit audit, ActionTerms terms, Debrief debrief, String by, Instant now) {
        this.audit = audit;
        this.title = terms.title();
        this.finding = terms.finding();
        this.reasonCodes = String.join(",", terms.reasonCodes());
        this.ownerSector = terms.ownerSector();
        this.owner = terms.owner();
        this.dueDate = terms.dueDate();
        this.debrief = debrief;
        this.status = ActionStatus.OPEN;
        this.createdBy = by;
        this.createdAt = now;
    }

    ActionUpdate created(String note) {
        return new ActionUpdate(this, createdBy, createdAt, note, null, ActionStatus.OPEN, null);
    }

    /** A new owner, owner's sector or due date, each null to keep the present one. */
    record Handover(String owner, Sector ownerSector, LocalDate dueDate) {
        static final Handover NONE = new Handover(null, null, null);
    }

    /** Moves the status (or keeps it), records a decision if one is given, and returns the step to keep. */
    ActionUpdate update(ActionStatus next, String note, Decision decision, String by, Instant now) {
        return update(next, note, decision, Handover.NONE, by, now);
    }

    /**
     * Moves the status (or keeps it), records a decision if one is given, hands the action to a new
     * owner or sector or moves its due date where those are given and differ, and returns the step
     * to keep, with each changed term before and after.
     */
    ActionUpdate update(ActionStatus next, String note, Decision decision, Handover handover, String by, Instant now) {
        ActionStatus before = status;
        if (next != null) {
            status = next;
        }
        if (decision != null) {
            decisionText = decision.text();
            decidedBy = decision.decidedBy();
            decidedOn = decision.decidedOn();
        }
        ActionUpdate step = new ActionUpdate(this, by, now, note, before, status, decision);
        if (handover.owner() != null && !handover.owner().equals(owner)) {
            step.ownerBefore = owner;
            step.ownerAfter = handover.owner();
            owner = handover.owner();
        }
        if (handover.ownerSector() != null && handover.ownerSector() != ownerSector) {
            step.ownerSectorBefore = ownerSector;
            step.ownerSectorAfter = handover.ownerSector();
            ownerSector = handover.ownerSector();
        }
        if (handover.dueDate() != null && !handover.dueDate().equals(dueDate)) {
            step.dueDateBefore = dueDate;
            step.dueDateAfter = handover.dueDate();
            dueDate = handover.dueDate();
        }
        return step;
    }

    public List<String> reasonCodes() {
        return reasonCodes.isEmpty() ? List.of() : Arrays.asList(reasonCodes.split(","));
    }

    public Optional<Decision> decision() {
        return decisionText == null ? Optional.empty()
                : Optional.of(new Decision(decisionText, decidedBy, decidedOn));
    }

    /** Past its due date on the audit's today and not done or dropped. */
    public boolean overdue(LocalDate today) {
        return status.pending() && dueDate.isBefore(today);
    }

    public LocalDate debriefDate() {
        return debrief == null ? null : debrief.date;
    }

    /** Serialises the writes about one action, so each update sees the status the one before left. */
    static Optional<Action> lockedOf(Audit audit, Long id) {
        if (id == null) {
            return Optional.empty();
        }
        getEntityManager().createNativeQuery("SELECT id FROM audit_action WHERE id = ?1 FOR UPDATE")
                .setParameter(1, id).getResultList();
        return find("audit = ?1 and id = ?2", audit, id).firstResultOptional();
    }

    static Optional<Action> of(Audit audit, Long id) {
        return id == null ? Optional.empty() : find("audit = ?1 and id = ?2", audit, id).firstResultOptional();
    }

    /** The audit's register, oldest first. */
    static List<Action> ofAudit(Audit audit) {
        return list("from Action a left join fetch a.debrief where a.audit = ?1 order by a.id", audit);
    }

    /** The register entry already made from this debrief line, if any. */
    static Optional<Action> fromDebrief(Debrief debrief, String title) {
        return find("debrief = ?1 and title = ?2", debrief, title).firstResultOptional();
    }
}
