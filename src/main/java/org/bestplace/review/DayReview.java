package org.bestplace.review;

import java.time.Instant;
import org.bestplace.security.Sector;
import org.bestplace.security.User;

/**
 * What the rule of a case-day ({@link ReviewerStanding}) and the day's ranking need of a review
 * already written on it: whose it is, from which sector, and whether and when it was submitted.
 */
public record DayReview(String id, long reviewerId, Sector sector, boolean submitted, Instant submittedAt) {

    public static DayReview of(Review review) {
        return new DayReview(review.id, review.reviewer.id, review.reviewerSector, review.submitted,
                review.submittedAt);
    }

    public boolean isAuthor(User user) {
        return reviewerId == user.id;
    }

    /**
     * Whether this submitted review ranks before another submitted one as its patient-day's first:
     * the earlier first submission, then the lower id (migration V17). A time missing sorts first,
     * as it does in MariaDB.
     */
    boolean ranksBefore(DayReview other) {
        if (submittedAt == null || other.submittedAt == null) {
            return submittedAt == null && (other.submittedAt != null || id.compareTo(other.id) < 0);
        }
        int byTime = submittedAt.compareTo(other.submittedAt);
        return byTime < 0 || byTime == 0 && id.compareTo(other.id) < 0;
    }
}
