package org.bestplace.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import org.bestplace.database.NumberedEntity;

/** A recorded move of an audit through its lifecycle. */
@Entity
@Table(name = "audit_status_change")
public class AuditStatusChange extends NumberedEntity {

    @ManyToOne(optional = false)
    @JoinColumn(name = "audit_id")
    public Audit audit;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", nullable = false, length = 16)
    public AuditStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false, length = 16)
    public AuditStatus toStatus;

    @Column(length = 2000)
    public String reason;

    @Column(name = "changed_by", nullable = false, length = 64)
    public String changedBy;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    protected AuditStatusChange() {
    }

    AuditStatusChange(Audit audit, AuditStatus from, AuditStatus to, String reason, String by, Instant at) {
        this.audit = audit;
        this.fromStatus = from;
        this.toStatus = to;
        this.reason = reason;
        this.changedBy = by;
        this.changedAt = at;
    }

    /** The audit's moves, oldest first. */
    public static java.util.List<AuditStatusChange> ofAudit(Audit audit) {
        return list("audit = ?1 order by changedAt, id", audit);
    }
}
