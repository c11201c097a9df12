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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bestplace.criteria.CriteriaSet;
import org.bestplace.database.NumberedEntity;
import org.bestplace.review.Outcome;
import org.bestplace.security.User;

/** One person's answer to one training case. Every answer is kept, across rounds. */
@Entity
@Table(name = "training_answer")
public class TrainingAnswer extends NumberedEntity {

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "training_case_id")
    public TrainingCase trainingCase;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "user_id")
    public User user;

    @Column(name = "criteria_met", nullable = false, length = 1000)
    String criteriaMet;

    @Enumerated(EnumType.STRING)
    @Column(name = "override_outcome", length = 20)
    Outcome overrideOutcome;

    @Column(name = "override_reason", length = 2000)
    String overrideReason;

    @Column(length = 40)
    String alternative;

    @Column(nullable = false, length = 1000)
    String reasons;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public Outcome outcome;

    @Column(name = "answered_at", nullable = false)
    public Instant answeredAt;

    protected TrainingAnswer() {
    }

    public TrainingAnswer(TrainingCase trainingCase, User user, Answer answer, Instant now) {
        this.trainingCase = trainingCase;
        this.user = user;
        this.criteriaMet = Answer.join(answer.criteriaMet());
        this.overrideOutcome = answer.overrideOutcome();
        this.overrideReason = answer.overrideReason();
        this.alternative = answer.alternative();
        this.reasons = Answer.join(answer.reasons());
        this.outcome = answer.outcome();
        this.answeredAt = now;
    }

    public Answer answer() {
        return new Answer(Answer.split(criteriaMet), overrideOutcome, overrideReason, alternative,
                Answer.split(reasons));
    }

    /** The person's answer to the case that counts in a round begun at {@code since}: the latest since then. */
    public static Optional<TrainingAnswer> counted(TrainingCase trainingCase, User user, Instant since) {
        return find("trainingCase = ?1 and user = ?2 and answeredAt >= ?3 order by answeredAt desc, id desc",
                trainingCase, user, since).firstResultOptional();
    }

    /** The person's counted answers to a set's cases since {@code since}, by case id. */
    public static Map<Long, TrainingAnswer> countedBy(User user, CriteriaSet set, Instant since) {
        List<TrainingAnswer> answers = list("user = ?1 and trainingCase.criteriaSet = ?2 and answeredAt >= ?3"
                + " order by answeredAt, id", user, set, since);
        Map<Long, TrainingAnswer> byCase = new LinkedHashMap<>();
        for (TrainingAnswer answer : answers) {
            byCase.put(answer.trainingCase.id, answer);
        }
        return byCase;
    }
}
