package org.bestplace.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.bestplace.database.NumberedEntity;

/** One change to a submitted review: who, when, why, and the content before and after (JSON). */
@Entity
@Table(name = "review_history")
public class ReviewHistory extends NumberedEntity {

    @Column(name = "review_id", nullable = false, length = 36)
    public String reviewId;

    @Column(name = "from_version", nullable = false)
    public long fromVersion;

    @Column(name = "changed_by", nullable = false, length = 64)
    public String changedBy;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    @Column(name = "change_reason", nullable = false, length = 2000)
    public String changeReason;

    @Column(name = "before_content", nullable = false, columnDefinition = "text")
    public String beforeContent;

    @Column(name = "after_content", nullable = false, columnDefinition = "text")
    public String afterContent;

    protected ReviewHistory() {
    }

    ReviewHistory(String reviewId, long fromVersion, String changedBy, Instant changedAt, String changeReason,
            String beforeContent, String afterContent) {
        this.reviewId = reviewId;
        this.fromVersion = fromVersion;
        this.changedBy = changedBy;
        this.changedAt = changedAt;
        this.changeReason = changeReason;
        this.beforeContent = beforeContent;
        this.afterContent = afterContent;
    }

    /** Which of these reviews have been changed since they were submitted, in one query. */
    public static java.util.Set<String> changedAmong(java.util.Collection<String> reviewIds) {
        if (reviewIds.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(getEntityManager().createQuery("select distinct h.reviewId from ReviewHistory h"
                + " where h.reviewId in :ids", String.class).setParameter("ids", reviewIds).getResultList());
    }

    public static List<ReviewHistory> of(String reviewId) {
        return list("reviewId = ?1 order by id", reviewId);
    }
}
