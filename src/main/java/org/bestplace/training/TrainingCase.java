package org.bestplace.training;

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
import java.util.Optional;
import org.bestplace.criteria.CriteriaSet;
import org.bestplace.database.NumberedEntity;
import org.bestplace.review.Outcome;

/**
 * A synthetic case (never a real patient) that reviewers practise on, with the reference answer
 * the panel agreed. It belongs to one version of a criteria set, whose codes its answers use.
 */
@Entity
@Table(name = "training_case")
public class TrainingCase extends NumberedEntity {

    public static final int MAX_TITLE = 300;
    public static final int MAX_NOTES = 10000;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "criteria_set_id")
    public CriteriaSet criteriaSet;

    @Column(nullable = false, length = MAX_TITLE)
    public String title;

    @Column(nullable = false, columnDefinition = "text")
    public String notes;

    @Column(length = 100)
    public String ward;

    @Column(length = 100)
    public String specialty;

    @Column(name = "age_band", length = 16)
    public String ageBand;

    @Column(length = 16)
    public String sex;

    @Column(name = "days_since_admission")
    public Integer daysSinceAdmission;

    @Column(name = "ref_criteria_met", nullable = false, length = 1000)
    String refCriteriaMet;

    @Enumerated(EnumType.STRING)
    @Column(name = "ref_override_outcome", length = 20)
    Outcome refOverrideOutcome;

    @Column(name = "ref_override_reason", length = 2000)
    String refOverrideReason;

    @Column(name = "ref_alternative", length = 40)
    String refAlternative;

    @Column(name = "ref_reasons", nullable = false, length = 1000)
    String refReasons;

    /** Derived from the reference, kept for reading at a glance. */
    @Enumerated(EnumType.STRING)
    @Column(name = "ref_outcome", nullable = false, length = 20)
    public Outcome referenceOutcome;

    @Column(name = "written_by", nullable = false, length = 64)
    public String writtenBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    protected TrainingCase() {
    }

    public TrainingCase(CriteriaSet set, TrainingCaseDraft draft, String writtenBy, Instant now) {
        this.criteriaSet = set;
        this.title = draft.title();
        this.notes = draft.notes();
        this.ward = draft.ward();
        this.specialty = draft.specialty();
        this.ageBand = draft.ageBand();
        this.sex = draft.sex();
        this.daysSinceAdmission = draft.daysSinceAdmission();
        Answer reference = draft.reference();
        this.refCriteriaMet = Answer.join(reference.criteriaMet());
        this.refOverrideOutcome = reference.overrideOutcome();
        this.refOverrideReason = reference.overrideReason();
        this.refAlternative = reference.alternative();
        this.refReasons = Answer.join(reference.reasons());
        this.referenceOutcome = reference.outcome();
        this.writtenBy = writtenBy;
        this.createdAt = now;
    }

    /** The panel's answer: only ever given to someone who has answered the case, or who writes cases. */
    public Answer reference() {
        return new Answer(Answer.split(refCriteriaMet), refOverrideOutcome, refOverrideReason, refAlternative,
                Answer.split(refReasons));
    }

    public TrainingCaseDraft draft() {
        return new TrainingCaseDraft(title, notes, ward, specialty, ageBand, sex, daysSinceAdmission, reference());
    }

    public static List<TrainingCase> ofSet(CriteriaSet set) {
        return list("criteriaSet = ?1 order by id", set);
    }

    /** The titles of the set's cases, in one read (a training file's import skips those it has). */
    public static java.util.Set<String> titlesOf(CriteriaSet set) {
        return new java.util.HashSet<>(getEntityManager().createQuery(
                "select c.title from TrainingCase c where c.criteriaSet = :set", String.class)
                .setParameter("set", set).getResultList());
    }

    public static Optional<TrainingCase> byTitle(CriteriaSet set, String title) {
        return find("criteriaSet = ?1 and title = ?2", set, title).firstResultOptional();
    }
}
