package org.bestplace.debrief;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bestplace.activity.ActivityEvent;
import org.bestplace.activity.ActivityLog;
import org.bestplace.audit.Audit;
import org.bestplace.audit.AuditAccess;
import org.bestplace.audit.MemberRole;
import org.bestplace.criteria.CriteriaService;
import org.bestplace.database.RetryOnConflict;
import org.bestplace.operations.Metrics;
import org.bestplace.review.Outcome;
import org.bestplace.review.PatientCase;
import org.bestplace.review.Review;
import org.bestplace.security.User;
import org.bestplace.web.DomainException;

/** The day's figures, the discussion queue, the chair's decisions and sign-off. */
@ApplicationScoped
public class DebriefService {

    @Inject
    EntityManager em;

    @Inject
    CriteriaService criteria;

    @Inject
    ActivityLog activity;

    @Inject
    Metrics metrics;

    public DailySummary summary(Long auditId, LocalDate date, User by, boolean admin) {
        Audit audit = AuditAccess.of(auditId, by, admin).audit();
        return DailySummary.compute(em, audit.id, date);
    }

    public Agreement agreement(Long auditId, LocalDate date, User by, boolean admin) {
        Audit audit = AuditAccess.of(auditId, by, admin).audit();
        return Agreement.compute(em, audit.id, date);
    }

    /** Why a case is on the day's discussion queue. */
    public enum Why {
        DISAGREEMENT,
        FLAGGED,
        OVERRIDE
    }

    public record QueueItem(PatientCase patientCase, List<Why> why, List<Review> reviews) {
    }

    public record Day(AuditAccess access, Audit audit, LocalDate date, Debrief debrief, DailySummary summary, List<QueueItem> queue,
            List<Decision> decisions, List<DebriefReopening> reopenings) {
    }

    /**
     * The debrief of a day. When the chair (or an administrator) looks at it, it opens: from then
     * on the day's reviews are visible to the whole team, blind review having done its job.
     */
    @RetryOnConflict
    @Transactional
    public Day day(Long auditId, LocalDate date, User by, boolean admin) {
        AuditAccess access = AuditAccess.of(auditId, by, admin);
        Audit audit = access.audit();
        Debrief debrief = Debrief.of(audit, date).orElse(null);
        if (debrief == null && !audit.covers(date)) {
            throw DomainException.invalid("date", "The audit runs from " + audit.startDate + " to " + audit.endDate
                    + "; " + date + " has no debrief.");
        }
        if (debrief == null && (access.admin() || access.has(MemberRole.CHAIR))) {
            debrief = new Debrief(audit, date, by.username, Instant.now());
            debrief.persist();
        }
        if (debrief == null) {
            throw DomainException.notFound("The debrief of " + date + " has not been opened by the chair yet.");
        }
        return new Day(access, audit, date, debrief, DailySummary.compute(em, audit.id, date), queue(audit, date),
                Decision.of(debrief), DebriefReopening.of(debrief));
    }

    private List<QueueItem> queue(Audit audit, LocalDate date) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select r.case_id, count(distinct r.outcome) > 1, max(r.flagged), max(r.override_outcome is not null)
                from review r
                where r.audit_id = :audit and r.review_date = :date and r.submitted = true
                group by r.case_id
                having count(distinct r.outcome) > 1 or max(r.flagged) = 1 or max(r.override_outcome is not null) = 1
                order by r.case_id""")
                .setParameter("audit", audit.id).setParameter("date", date).getResultList();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Why>> why = new LinkedHashMap<>();
        for (Object[] row : rows) {
            List<Why> reasons = new ArrayList<>();
            if (truthy(row[1])) {
                reasons.add(Why.DISAGREEMENT);
            }
            if (truthy(row[2])) {
                reasons.add(Why.FLAGGED);
            }
            if (truthy(row[3])) {
                reasons.add(Why.OVERRIDE);
            }
            why.put(((Number) row[0]).longValue(), reasons);
        }
        List<Review> reviews = Review.list("patientCase.id in ?1 and reviewDate = ?2 and submitted = true"
                + " order by submittedAt, id", why.keySet(), date);
        List<QueueItem> queue = new ArrayList<>();
        why.forEach((caseId, reasons) -> {
            List<Review> ofCase = reviews.stream().filter(r -> r.patientCase.id.equals(caseId)).toList();
            queue.add(new QueueItem(ofCase.get(0).patientCase, reasons, ofCase));
        });
        return queue;
    }

    private static boolean truthy(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        return value != null && ((Number) value).intValue() != 0;
    }

    @RetryOnConflict
    @Transactional
    public Decision decide(Long auditId, LocalDate date, String caseId, Outcome outcome, String alternative,
            String reason, User by, boolean admin) {
        Debrief.lockForWrite(auditId, date);
        AuditAccess access = AuditAccess.of(auditId, by, admin).require(MemberRole.CHAIR);
        Audit audit = access.audit();
        Debrief debrief = Debrief.of(audit, date).orElseThrow(() -> DomainException.conflict(
                "The debrief of " + date + " has not been opened yet."));
        debrief.requireOpen();
        PatientCase patientCase = caseOf(audit, caseId);
        long reviewed = Review.count("patientCase = ?1 and reviewDate = ?2 and submitted = true", patientCase, date);
        if (reviewed == 0) {
            throw DomainException.invalid("caseId", "Case " + patientCase.caseNumber + " has no submitted review on "
                    + date + ".");
        }
        if (outcome == Outcome.DOES_NOT_QUALIFY) {
            if (alternative == null || alternative.isBlank()) {
                throw DomainException.invalid("alternative", "A decision that the patient does not qualify needs"
                        + " the best alternative place of care.");
            }
            if (!criteria.definition(audit.criteriaSet).hasAlternative(alternative)) {
                throw DomainException.invalid("alternative", "Unknown alternative place '" + alternative + "'.");
            }
        } else if (alternative != null && !alternative.isBlank()) {
            throw DomainException.invalid("alternative", "A patient who qualifies has no alternative place.");
        }
        Decision decision = Decision.of(debrief, patientCase).orElseGet(() -> new Decision(debrief, patientCase));
        decision.decide(outcome, alternative, reason, by.username, Instant.now());
        decision.persist();
        new DecisionVersion(decision).persist();
        return decision;
    }

    @RetryOnConflict
    @Transactional
    public Debrief record(Long auditId, LocalDate date, List<Attendee> attendees, String notes, List<String> actions,
            User by, boolean admin) {
        Debrief.lockForWrite(auditId, date);
        Audit audit = AuditAccess.of(auditId, by, admin).require(MemberRole.CHAIR).audit();
        Debrief debrief = Debrief.of(audit, date).orElseThrow(() -> DomainException.conflict(
                "The debrief of " + date + " has not been opened yet."));
        debrief.record(attendees, notes, actions);
        return debrief;
    }

    @RetryOnConflict
    @Transactional
    public Debrief signOff(Long auditId, LocalDate date, User by, boolean admin) {
        Debrief.lockForWrite(auditId, date);
        Audit audit = AuditAccess.of(auditId, by, admin).require(MemberRole.CHAIR).audit();
        Debrief debrief = Debrief.of(audit, date).orElseThrow(() -> DomainException.conflict(
                "The debrief of " + date + " has not been opened yet."));
        debrief.signOff(by.username, Instant.now());
        activity.record(ActivityEvent.DEBRIEF_SIGN_OFF, audit.id, "Signed off the debrief of " + date);
        metrics.debriefSignedOff();
        return debrief;
    }

    /** Only an administrator may unlock a signed-off day, and the reopening is kept. */
    @RetryOnConflict
    @Transactional
    public DebriefReopening reopen(Long auditId, LocalDate date, String reason, User by, boolean admin) {
        Debrief.lockForWrite(auditId, date);
        AuditAccess access = AuditAccess.of(auditId, by, admin);
        if (!access.admin()) {
            throw DomainException.forbidden("Only an administrator can reopen a signed-off debrief.");
        }
        Debrief debrief = Debrief.of(access.audit(), date).orElseThrow(() -> DomainException.notFound(
                "There is no debrief of " + date + "."));
        DebriefReopening reopening = debrief.reopen(by.username, reason, Instant.now());
        reopening.persist();
        activity.record(ActivityEvent.DEBRIEF_REOPENED, access.audit().id, "Reopened the debrief of " + date
                + ": " + reason);
        return reopening;
    }

    private static PatientCase caseOf(Audit audit, String caseId) {
        PatientCase patientCase;
        try {
            patientCase = PatientCase.findById(Long.parseLong(caseId));
        } catch (NumberFormatException e) {
            patientCase = null;
        }
        if (patientCase == null || !patientCase.audit.id.equals(audit.id)) {
            throw DomainException.invalid("caseId", "There is no case " + caseId + " in this audit.");
        }
        return patientCase;
    }
}
