package org.bestplace.commissioning;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.bestplace.database.NumberedEntity;

/**
 * One step in an action's history: who, when, the note, the status before and after and any
 * commissioning decision recorded with it. The database refuses to change or delete a step.
 */
@Entity
@Table(name = "audit_action_update")
public class ActionUpdate extends NumberedEntity {

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "action_id")
    public Action action;

    @Column(name = "updated_by", nullable = false, length = 64)
    public String by;

    @Column(name = "updated_at", nullable = false)
    public Instant at;

    @Column(nullable = false, length = 2000)
    public String note;

    /** Null on the step that created the action. */
    @Enumerated(EnumType.STRING)
    @Column(name = "status_before", length = 16)
    public ActionStatus statusBefore;

    @Enumerated(EnumType.STRING)
    @Column(name = "status_after", nullable = false, length = 16)
    public ActionStatus statusAfter;

    @Column(name = "decision_text", length = 2000)
    public String decisionText;

    @Column(name = "decided_by", length = 200)
    public String decidedBy;

    @Column(name = "decided_on")
    public LocalDate decidedOn;

    /** The owner, the owner's sector and the due date before and after this step; null where the step kept them. */
    @Column(name = "owner_before", length = 200)
    public String ownerBefore;

    @Column(name = "owner_after", length = 200)
    public String ownerAfter;

    @Enumerated(EnumType.STRING)
    @Column(name = "owner_sector_before", length = 16)
    public org.bestplace.security.Sector ownerSectorBefore;

    @Enumerated(EnumType.STRING)
    @Column(name = "owner_sector_after", length = 16)
    public org.bestplace.security.Sector ownerSectorAfter;

    @Column(name = "due_date_before")
    public LocalDate dueDateBefore;

    @Column(name = "due_date_after")
    public LocalDate dueDateAfter;

    protected ActionUpdate() {
    }

    ActionUpdate(Action action, String by, Instant at, String note, ActionStatus before, ActionStatus after,
            Action.Decision decision) {
        this.action = action;
        this.by = by;
        this.at = at;
        this.note = note;
        this.statusBefore = before;
        this.statusAfter = after;
        if (decision != null) {
            this.decisionText = decision.text();
            this.decidedBy = decision.decidedBy();
            this.decidedOn = decision.decidedOn();
        }
    }

    /** Whether this step handed the action to another owner or sector, or moved its due date. */
    public boolean changedTerms() {
        return ownerAfter != null || ownerSectorAfter != null || dueDateAfter != null;
    }

    public Action.Decision decision() {
        return decisionText == null ? null : new Action.Decision(decisionText, decidedBy, decidedOn);
    }

    /** The history of the actions of one audit, oldest first, in one query. */
    static List<ActionUpdate> ofAudit(Long auditId) {
        return list("action.audit.id = ?1 order by action.id, id", auditId);
    }
}
