package org.bestplace.review;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.bestplace.audit.Audit;
import org.bestplace.database.Sql;
import org.bestplace.security.Sector;
import org.bestplace.security.User;
import org.bestplace.web.DomainException;
import org.hibernate.Session;

/**
 * One reviewer's scoring of one case on one day of care. Its id is made by the tablet, so a
 * retried request finds it again. A draft may change freely; a submitted review changes only
 * with a reason, and each such change is kept in {@link ReviewHistory}.
 */
@Entity
@Table(name = "review")
public class Review extends PanacheEntityBase {

    /** The longest note, override reason or change reason: their columns' length. */
    public static final int MAX_TEXT = 2000;

    @Id
    @Column(length = 36)
    public String id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "audit_id")
    public Audit audit;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "case_id")
    public PatientCase patientCase;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "reviewer_id")
    public User reviewer;

    @Enumerated(EnumType.STRING)
    @Column(name = "reviewer_sector", nullable = false, length = 16)
    public Sector reviewerSector;

    @Column(name = "review_date", nullable = false)
    public LocalDate reviewDate;

    /** Derived on the server from the criteria and any override; stored for aggregate queries. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public Outcome outcome;

    @Enumerated(EnumType.STRING)
    @Column(name = "override_outcome", length = 20)
    public Outcome overrideOutcome;

    @Column(name = "override_reason", length = 2000)
    public String overrideReason;

    @Column(length = 40)
    public String alternative;

    @Column(length = 2000)
    public String note;

    @Column(nullable = false)
    public boolean flagged;

    @Column(nullable = false)
    public boolean submitted;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    /**
     * The first submitted review of its case on its day (earliest first submission, then lower id):
     * the one "as reviewed" figures count. Set by the database, through {@link #rankPatientDay}, and
     * on a new review's insert where the day's reviews read under the case's lock settle it
     * ({@link #insertNew}).
     */
    @Column(name = "first_of_day", nullable = false, insertable = false, updatable = false)
    public boolean firstOfDay;

    /** Copies of the case's attributes and the stay on the day of care, for the summary's one-pass GROUP BY. */
    @Column(nullable = false, length = 100)
    public String ward;

    @Column(nullable = false, length = 100)
    public String specialty;

    @Column(name = "age_band", nullable = false, length = 16)
    public String ageBand;

    @Column(name = "stay_days", nullable = false)
    public int stayDays;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "review_criterion", joinColumns = @JoinColumn(name = "review_id"))
    @Column(name = "code", nullable = false, length = 40)
    public Set<String> criteriaMet = new TreeSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "review_reason", joinColumns = @JoinColumn(name = "review_id"))
    @Column(name = "code", nullable = false, length = 40)
    public Set<String> reasons = new TreeSet<>();

    protected Review() {
    }

    public Review(String id, Audit audit, PatientCase patientCase, User reviewer, Sector reviewerSector,
            ReviewContent content, Instant now) {
        this.id = id;
        this.audit = audit;
        this.patientCase = patientCase;
        this.reviewer = reviewer;
        this.reviewerSector = reviewerSector;
        this.ward = patientCase.ward;
        this.specialty = patientCase.specialty;
        this.ageBand = patientCase.ageBand;
        this.createdAt = now;
        apply(content, now);
    }

    public ReviewContent content() {
        return new ReviewContent(patientCase.id, reviewDate, new ArrayList<>(criteriaMet), overrideOutcome,
                overrideReason, alternative, new ArrayList<>(reasons), note, flagged, submitted);
    }

    public boolean isAuthor(User user) {
        return reviewer.id.equals(user.id);
    }

    /**
     * Takes new content. A submitted review cannot go back to draft, and changes only with a
     * reason; the returned history entry (if any) records the change.
     */
    public ReviewHistory revise(ReviewContent next, String changeReason, String by, String beforeJson,
            String afterJson, Instant now) {
        if (next.caseId() != patientCase.id) {
            throw DomainException.conflict("caseId", "This review is about another case; a review cannot move"
                    + " to a different case.");
        }
        if (!submitted) {
            apply(next, now);
            return null;
        }
        if (!next.submitted()) {
            throw DomainException.conflict("submitted", "This review has been submitted; it cannot go back to"
                    + " draft.");
        }
        if (changeReason == null || changeReason.isBlank()) {
            throw DomainException.conflict("changeReason", "This review has been submitted; say why you changed it.");
        }
        ReviewHistory entry = new ReviewHistory(id, version, by, now, changeReason.strip(), beforeJson, afterJson);
        apply(next, now);
        return entry;
    }

    private void apply(ReviewContent content, Instant now) {
        this.reviewDate = content.reviewDate();
        this.stayDays = (int) patientCase.lengthOfStayOn(reviewDate);
        this.criteriaMet = new TreeSet<>(content.criteriaMet());
        this.overrideOutcome = content.overrideOutcome();
        this.overrideReason = content.overrideReason();
        this.alternative = content.alternative();
        this.reasons = new TreeSet<>(content.reasons());
        this.note = content.note();
        this.flagged = content.flagged();
        this.outcome = content.outcome();
        if (content.submitted() && !submitted) {
            submittedAt = now;
        }
        this.submitted = content.submitted();
        this.updatedAt = now;
    }

    /**
     * Writes a new review, with its criteria met and its reasons, in two statements (three when it
     * has both): the review row, and each list's rows in one multi-row insert
     * ({@code sql/review/insert-*.sql}). {@code firstOfDay} is whether it is its patient-day's first,
     * which the caller works out from the day's reviews it read under the case's lock; the cells'
     * triggers count it from the row as it is inserted. Times are stored as the entity stores them,
     * in UTC, to the microsecond.
     */
    public static void insertNew(Review review, boolean firstOfDay) {
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(Sql.load("review/insert-review"))) {
                int i = 0;
                insert.setString(++i, review.id);
                insert.setLong(++i, review.audit.id);
                insert.setLong(++i, review.patientCase.id);
                insert.setLong(++i, review.reviewer.id);
                insert.setString(++i, review.reviewerSector.name());
                insert.setObject(++i, review.reviewDate);
                insert.setString(++i, review.outcome.name());
                insert.setString(++i, review.overrideOutcome == null ? null : review.overrideOutcome.name());
                insert.setString(++i, review.overrideReason);
                insert.setString(++i, review.alternative);
                insert.setString(++i, review.note);
                insert.setBoolean(++i, review.flagged);
                insert.setBoolean(++i, review.submitted);
                insert.setObject(++i, utc(review.submittedAt));
                insert.setObject(++i, utc(review.createdAt));
                insert.setObject(++i, utc(review.updatedAt));
                insert.setBoolean(++i, firstOfDay);
                insert.setString(++i, review.ward);
                insert.setString(++i, review.specialty);
                insert.setString(++i, review.ageBand);
                insert.setInt(++i, review.stayDays);
                insert.executeUpdate();
            }
            insertCodes(connection, "review/insert-criteria", review.id, review.criteriaMet);
            insertCodes(connection, "review/insert-reasons", review.id, review.reasons);
        });
        review.firstOfDay = firstOfDay;
    }

    private static void insertCodes(Connection connection, String sql, String reviewId, Set<String> codes)
            throws SQLException {
        if (codes.isEmpty()) {
            return;
        }
        String rows = String.join(", ", Collections.nCopies(codes.size(), "(?, ?)"));
        try (PreparedStatement insert = connection.prepareStatement(Sql.load(sql).replace("{rows}", rows))) {
            int i = 0;
            for (String code : codes) {
                insert.setString(++i, reviewId);
                insert.setString(++i, code);
            }
            insert.executeUpdate();
        }
    }

    private static LocalDateTime utc(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /**
     * Sets which submitted review of a patient-day is its first, by the one rule (migration V17):
     * the earliest first submission, then the lower id. Pending writes are flushed first so the
     * database ranks what this transaction wrote; the caller holds the case's row lock.
     */
    public static void rankPatientDay(PatientCase patientCase, LocalDate day) {
        var em = getEntityManager();
        em.flush();
        em.createNativeQuery("call rank_patient_day(?1, ?2)").setParameter(1, patientCase.id)
                .setParameter(2, day).executeUpdate();
    }

    /**
     * The reviews of a case on one day of care, drafts and submitted: a handful at most, as a
     * case-day takes one review per reviewer and two submitted ones. Drafts come first, then the
     * submitted ones in the order they were submitted.
     */
    public static List<Review> ofCaseOn(PatientCase patientCase, LocalDate day) {
        return list("patientCase = ?1 and reviewDate = ?2 order by submittedAt, id", patientCase, day);
    }

    /** The reviews of one ward's cases on one day of care, in the same order. */
    public static List<Review> onWardOn(org.bestplace.audit.Audit audit, String ward, LocalDate day) {
        return list("audit = ?1 and patientCase.ward = ?2 and reviewDate = ?3 order by submittedAt, id", audit, ward,
                day);
    }

    public static List<Review> ofCase(PatientCase patientCase) {
        return list("patientCase = ?1 order by createdAt", patientCase);
    }
}
