package org.bestplace.debrief;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bestplace.operations.ServiceClock;
import org.bestplace.activity.ActivityEvent;
import org.bestplace.activity.ActivityLog;
import org.bestplace.audit.Audit;
import org.bestplace.audit.AuditAccess;
import org.bestplace.audit.MemberRole;
import org.bestplace.criteria.CriteriaService;
import org.bestplace.database.RetryOnConflict;
import org.bestplace.database.Sql;
import org.bestplace.operations.Metrics;
import org.bestplace.review.Outcome;
import org.bestplace.review.PatientCase;
import org.bestplace.review.Review;
import org.bestplace.review.ReviewContent;
import org.bestplace.review.ReviewHistory;
import org.bestplace.security.User;
import org.bestplace.web.DomainException;

/** The day's figures, the discussion queue, the chair's decisions and sign-off. */
@ApplicationScoped
public class DebriefService {

    @Inject
    ServiceClock clock;

    @Inject
    EntityManager em;

    @Inject
    CriteriaService criteria;

    @Inject
    ActivityLog activity;

    @Inject
    Metrics metrics;

    @Inject
    ObjectMapper json;

    /** A day's figures, or the audit's so far; a reviewer sees only the days whose debrief is open. */
    public DailySummary summary(Long auditId, LocalDate date, User by, boolean admin) {
        AuditAccess access = AuditAccess.of(auditId, by, admin);
        requireFiguresVisible(access, date);
        return DailySummary.compute(em, access.audit().id, date, access.seesOnlyOpenedDays());
    }

    public Agreement agreement(Long auditId, LocalDate date, User by, boolean admin) {
        AuditAccess access = AuditAccess.of(auditId, by, admin);
        requireFiguresVisible(access, date);
        return Agreement.compute(em, access.audit().id, date, access.seesOnlyOpenedDays());
    }

    /** The figures of the day before, for the change shown on the debrief page; null while a reviewer may not see them. */
    public DailySummary dayBefore(Long auditId, LocalDate date, User by, boolean admin) {
        AuditAccess access = AuditAccess.of(auditId, by, admin);
        LocalDate before = date.minusDays(1);
        if (access.seesOnlyOpenedDays() && Debrief.of(access.audit(), before).isEmpty()) {
            return null;
        }
        return DailySummary.compute(em, access.audit().id, before);
    }

    private static void requireFiguresVisible(AuditAccess access, LocalDate date) {
        if (date != null && access.seesOnlyOpenedDays() && Debrief.of(access.audit(), date).isEmpty()) {
            throw DomainException.forbidden("The figures of " + date + " are shown to reviewers once the chair has"
                    + " opened that day's debrief: until then they could give away a review another reviewer has"
                    + " yet to match blind.");
        }
    }

    /** Why a case is on the day's discussion queue. */
    public enum Why {
        DISAGREEMENT,
        FLAGGED,
        OVERRIDE,
        /** A review of a dual-reviewed patient-day was changed after its author could read the other one. */
        CHANGED_AFTER_FIRST_VISIBLE,
        /**
         * The later review was submitted after its author could read the first: the day's debrief
         * was already open, or the author reads every review (lead, chair, commissioner, administrator).
         */
        WRITTEN_AFTER_FIRST_VISIBLE
    }

    /** One change to a review made after its author could read the other review, with both versions. */
    public record Change(String reviewId, String changedBy, Instant changedAt, String changeReason,
            ReviewContent before, ReviewContent after) {
    }

    public record QueueItem(PatientCase patientCase, List<Why> why, List<Review> reviews, List<Change> changes) {
    }

    /**
     * {@code team}: the audit's members, one per person, for choosing attendees; {@code names}: the
     * display name of everyone the day's record names by username (who decided, changed, signed off).
     */
    public record Day(AuditAccess access, Audit audit, LocalDate date, Debrief debrief, DailySummary summary, List<QueueItem> queue,
            List<Decision> decisions, List<DebriefReopening> reopenings, List<org.bestplace.audit.Member> team,
            Map<String, String> names) {

        /** A person's display name where the service knows them, else what the record holds. */
        public String name(String username) {
            return username == null ? null : names.getOrDefault(username, username);
        }
    }

    /**
     * A day as the debrief pages and API show it. Looking never opens it: before the chair opens
     * the debrief ({@link #open}) the day has no debrief, no queue and no decisions, and a reviewer
     * who must stay blind is not shown it at all.
     */
    @Transactional
    public Day day(Long auditId, LocalDate date, User by, boolean admin) {
        AuditAccess access = AuditAccess.of(auditId, by, admin);
        Audit audit = access.audit();
        Debrief debrief = Debrief.of(audit, date).orElse(null);
        if (debrief == null && !audit.covers(date)) {
            throw DomainException.invalid("date", "The audit runs from " + audit.startDate + " to " + audit.endDate
                    + "; " + date + " has no debrief.");
        }
        if (debrief == null && access.seesOnlyOpenedDays()) {
            throw DomainException.notFound("The debrief of " + date + " has not been opened by the chair yet.");
        }
        if (debrief == null) {
            return new Day(access, audit, date, null, DailySummary.compute(em, audit.id, date), List.of(),
                    List.of(), List.of(), List.of(), Map.of());
        }
        List<QueueItem> queue = queue(audit, date);
        List<Decision> decisions = Decision.of(debrief);
        List<DebriefReopening> reopenings = DebriefReopening.of(debrief);
        java.util.Set<String> named = new java.util.HashSet<>();
        named.add(debrief.openedBy);
        named.add(debrief.signedOffBy);
        decisions.forEach(d -> named.add(d.decidedBy));
        reopenings.forEach(r -> {
            named.add(r.reopenedBy);
            named.add(r.wasSignedOffBy);
        });
        queue.forEach(q -> q.changes().forEach(c -> named.add(c.changedBy())));
        named.remove(null);
        return new Day(access, audit, date, debrief, DailySummary.compute(em, audit.id, date), queue, decisions,
                reopenings, team(audit), User.displayNames(named));
    }

    /** The audit's team, one line per person (the first of their memberships). */
    private static List<org.bestplace.audit.Member> team(Audit audit) {
        Map<String, org.bestplace.audit.Member> byUser = new java.util.LinkedHashMap<>();
        for (org.bestplace.audit.Member m : org.bestplace.audit.Member.ofAudit(audit)) {
            byUser.putIfAbsent(m.user.username, m);
        }
        return byUser.values().stream()
                .sorted(java.util.Comparator.comparing((org.bestplace.audit.Member m) -> m.sector)
                        .thenComparing(m -> m.user.displayName))
                .toList();
    }

    /**
     * Opens a day's debrief: from then on the day's reviews are visible to the whole team, blind
     * review having done its job, so it is the chair's deliberate act and is logged. Opening an
     * open day changes nothing.
     */
    @RetryOnConflict
    @Transactional
    public Debrief open(Long auditId, LocalDate date, User by, boolean admin) {
        Audit audit = AuditAccess.of(auditId, by, admin).require(MemberRole.CHAIR).audit();
        Debrief existing = Debrief.of(audit, date).orElse(null);
        if (existing != null) {
            return existing;
        }
        if (!audit.covers(date)) {
            throw DomainException.invalid("date", "The audit runs from " + audit.startDate + " to " + audit.endDate
                    + "; " + date + " has no debrief.");
        }
        Debrief debrief = new Debrief(audit, date, by.username, clock.now());
        debrief.persist();
        activity.record(ActivityEvent.DEBRIEF_OPENED, audit.id, "Opened the debrief of " + date);
        return debrief;
    }

    /** Every day of the audit with its debrief's state, for the strip of days on the debrief pages. */
    public record DayState(LocalDate date, boolean opened, boolean signedOff) {
    }

    public List<DayState> days(Audit audit) {
        Map<LocalDate, Debrief> held = new TreeMap<>();
        Debrief.<Debrief>list("audit", audit).forEach(d -> held.put(d.date, d));
        List<DayState> days = new ArrayList<>();
        for (LocalDate d = audit.startDate; !d.isAfter(audit.endDate); d = d.plusDays(1)) {
            Debrief debrief = held.get(d);
            days.add(new DayState(d, debrief != null, debrief != null && debrief.isSignedOff()));
        }
        return days;
    }

    private List<QueueItem> queue(Audit audit, LocalDate date) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(Sql.load("debrief/queue"))
                .setParameter("audit", audit.id).setParameter("date", date).getResultList();
        Map<Long, List<Why>> why = new TreeMap<>();
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
        List<String> changed = new ArrayList<>();
        for (Object[] row : notBlind(audit, date, CHANGED_SQL)) {
            why.computeIfAbsent(((Number) row[0]).longValue(), c -> new ArrayList<>())
                    .add(Why.CHANGED_AFTER_FIRST_VISIBLE);
            changed.add((String) row[1]);
        }
        for (Object[] row : notBlind(audit, date, WRITTEN_SQL)) {
            why.computeIfAbsent(((Number) row[0]).longValue(), c -> new ArrayList<>())
                    .add(Why.WRITTEN_AFTER_FIRST_VISIBLE);
        }
        if (why.isEmpty()) {
            return List.of();
        }
        List<Review> reviews = Review.list("patientCase.id in ?1 and reviewDate = ?2 and submitted = true"
                + " order by submittedAt, id", why.keySet(), date);
        List<ReviewHistory> history = changed.isEmpty() ? List.of()
                : ReviewHistory.list("reviewId in ?1 order by id", changed);
        List<QueueItem> queue = new ArrayList<>();
        why.forEach((caseId, reasons) -> {
            List<Review> ofCase = reviews.stream().filter(r -> r.patientCase.id.equals(caseId)).toList();
            queue.add(new QueueItem(ofCase.get(0).patientCase, reasons, ofCase, changesAfterVisible(ofCase,
                    history)));
        });
        return queue;
    }

    /** See the files for why each finds what it finds. */
    private static final String CHANGED_SQL = "debrief/changed-after-visible";
    private static final String WRITTEN_SQL = "debrief/written-after-visible";

    @SuppressWarnings("unchecked")
    private List<Object[]> notBlind(Audit audit, LocalDate date, String sql) {
        return em.createNativeQuery(Sql.load(sql)).setParameter("audit", audit.id).setParameter("date", date).getResultList();
    }

    private List<Change> changesAfterVisible(List<Review> ofCase, List<ReviewHistory> history) {
        List<Change> changes = new ArrayList<>();
        for (ReviewHistory h : history) {
            Review changed = ofCase.stream().filter(r -> r.id.equals(h.reviewId)).findFirst().orElse(null);
            boolean afterOther = changed != null && ofCase.stream().anyMatch(o -> o != changed
                    && o.submittedAt != null && !h.changedAt.isBefore(o.submittedAt));
            if (afterOther) {
                changes.add(new Change(h.reviewId, h.changedBy, h.changedAt, h.changeReason,
                        content(h.beforeContent), content(h.afterContent)));
            }
        }
        return changes;
    }

    private ReviewContent content(String stored) {
        try {
            return json.readValue(stored, ReviewContent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A review history entry holds unreadable content", e);
        }
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
            List<String> delayReasons, String reason, User by, boolean admin) {
        Debrief.lockForWrite(auditId, date);
        AuditAccess access = AuditAccess.of(auditId, by, admin).require(MemberRole.CHAIR);
        Audit audit = access.audit();
        Debrief debrief = Debrief.of(audit, date).orElseThrow(() -> DomainException.conflict(
                "The debrief of " + date + " has not been opened yet."));
        debrief.requireOpen();
        PatientCase patientCase = PatientCase.inAudit(audit, caseId);
        if (Review.ofCaseOn(patientCase, date).stream().noneMatch(r -> r.submitted)) {
            throw DomainException.invalid("caseId", "Case " + patientCase.caseNumber + " has no submitted review on "
                    + date + ".");
        }
        var set = criteria.definition(audit.criteriaSet);
        List<String> delays = delayReasons == null ? List.of() : delayReasons;
        if (outcome == Outcome.DOES_NOT_QUALIFY) {
            if (alternative == null || alternative.isBlank()) {
                throw DomainException.invalid("alternative", "A decision that the patient does not qualify needs"
                        + " the best alternative place of care.");
            }
            if (!set.hasAlternative(alternative)) {
                throw DomainException.invalid("alternative", "Unknown alternative place '" + alternative + "'.");
            }
        } else if (alternative != null && !alternative.isBlank()) {
            throw DomainException.invalid("alternative", "A patient who qualifies has no alternative place.");
        }
        java.util.Set<String> seen = new java.util.TreeSet<>();
        for (String code : delays) {
            if (code == null || !set.hasReason(code)) {
                throw DomainException.invalid("delayReasons", "'" + code + "' is not one of this audit's reasons"
                        + " for delay.");
            }
            if (!seen.add(code)) {
                throw DomainException.invalid("delayReasons", "The reason for delay '" + code + "' is listed twice.");
            }
        }
        if (outcome == Outcome.QUALIFIES && !seen.isEmpty()) {
            throw DomainException.invalid("delayReasons", "Reasons for delay are recorded only for a patient who does"
                    + " not qualify.");
        }
        Decision decision = Decision.of(debrief, patientCase).orElseGet(() -> new Decision(debrief, patientCase));
        decision.decide(outcome, alternative, seen, reason, by.username, clock.now());
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
        debrief.record(withTeam(audit, attendees), notes, actions);
        return debrief;
    }

    /**
     * Team members come in by username and are recorded as the team knows them: display name,
     * the sector they speak for on this audit, their organisation. Each is recorded once.
     */
    private static List<Attendee> withTeam(Audit audit, List<Attendee> attendees) {
        Map<String, org.bestplace.audit.Member> team = new TreeMap<>();
        for (org.bestplace.audit.Member m : org.bestplace.audit.Member.ofAudit(audit)) {
            team.putIfAbsent(m.user.username, m);
        }
        List<Attendee> resolved = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Attendee a : attendees) {
            if (!a.isMember()) {
                resolved.add(a);
                continue;
            }
            org.bestplace.audit.Member m = team.get(a.username);
            if (m == null) {
                throw DomainException.invalid("attendees", "Only members of this audit's team can be ticked;"
                        + " add anyone else with their organisation.");
            }
            if (seen.add(a.username)) {
                resolved.add(Attendee.ofTeam(m.user.username, m.user.displayName, m.sector, m.user.organisation));
            }
        }
        return resolved;
    }

    @RetryOnConflict
    @Transactional
    public Debrief signOff(Long auditId, LocalDate date, User by, boolean admin) {
        Debrief.lockForWrite(auditId, date);
        Audit audit = AuditAccess.of(auditId, by, admin).require(MemberRole.CHAIR).audit();
        Debrief debrief = Debrief.of(audit, date).orElseThrow(() -> DomainException.conflict(
                "The debrief of " + date + " has not been opened yet."));
        debrief.signOff(by.username, clock.now());
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
        DebriefReopening reopening = debrief.reopen(by.username, reason, clock.now());
        reopening.persist();
        activity.record(ActivityEvent.DEBRIEF_REOPENED, access.audit().id, "Reopened the debrief of " + date
                + ": " + reason);
        return reopening;
    }
}
