package org.bestplace.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.bestplace.database.NumberedEntity;

/** One correction or the withdrawal of a case: who, when, why, and the case before and after (as JSON). */
@Entity
@Table(name = "case_history")
public class CaseHistory extends NumberedEntity {

    public enum Kind {
        CORRECTION,
        WITHDRAWAL
    }

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "case_id")
    public PatientCase patientCase;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Kind kind;

    @Column(name = "changed_by", nullable = false, length = 64)
    public String changedBy;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    @Column(nullable = false, length = 2000)
    public String reason;

    @Column(name = "before_content", nullable = false, columnDefinition = "text")
    public String beforeContent;

    @Column(name = "after_content", nullable = false, columnDefinition = "text")
    public String afterContent;

    protected CaseHistory() {
    }

    public CaseHistory(PatientCase patientCase, Kind kind, String changedBy, Instant changedAt, String reason,
            String beforeContent, String afterContent) {
        this.patientCase = patientCase;
        this.kind = kind;
        this.changedBy = changedBy;
        this.changedAt = changedAt;
        this.reason = reason;
        this.beforeContent = beforeContent;
        this.afterContent = afterContent;
    }

    public static List<CaseHistory> of(PatientCase patientCase) {
        return list("patientCase = ?1 order by changedAt, id", patientCase);
    }
}
