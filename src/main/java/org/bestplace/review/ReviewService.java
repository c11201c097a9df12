package org.bestplace.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.bestplace.activity.ActivityEvent;
import org.bestplace.activity.ActivityLog;
import org.bestplace.audit.Audit;
import org.bestplace.audit.AuditAccess;
import org.bestplace.audit.MemberRole;
import org.bestplace.criteria.CriteriaFile;
import org.bestplace.criteria.CriteriaService;
import org.bestplace.database.RetryOnConflict;
import org.bestplace.operations.Metrics;
import org.bestplace.operations.ServiceClock;
import org.bestplace.security.Pseudonymiser;
import org.bestplace.security.User;
import org.bestplace.web.DomainException;

/** Registers patient cases and takes reviews, idempotently. */
@ApplicationScoped
public class ReviewService {

    @Inject
    CriteriaService criteria;

    @Inject
    Pseudonymiser pseudonymiser;

    @Inject
    ObjectMapper json;

    @Inject
    Metrics metrics;

    @Inject
    ServiceClock clock;

    @Inject
    DebriefedDays debriefs;

    @Inject
    ActivityLog activity;

    @Inject
    ReviewerReadiness readiness;

    /** How a review PUT ended: created, changed, or a repeat of what was stored. */
    public enum Result {
        CREATED,
        UPDATED,
        UNCHANGED
    }

    public record Stored(Review review, Result result) {
    }

    /** A registration's case, and whether this request made it or found it made by an earlier send. */
    public record Registered(PatientCase patientCase, boolean created) {
    }

    @RetryOnConflict
    @Transactional
    public PatientCase register(Long auditId, Registration registration, User by, boolean admin) {
        return registerOnce(auditId, registration, by, admin).patientCase();
    }

    /**
     * Registers a patient; a registration that carries the tablet's id and was sent before gives
     * the case it made, if its content is the same, and is refused otherwise.
     */
    @RetryOnConflict
    @Transactional
    public Registered registerOnce(Long auditId, Registration registration, User by, boolean admin) {
        // Registrations in one audit are serialised, and the lock comes before any other read, so
        // the duplicate check below sees a patient another tablet registered a moment ago: the
        // unique key would refuse the row too, but with the keyed hash in its message.
        Audit.lockForWrite(auditId);
        AuditAccess access = AuditAccess.of(auditId, by, admin).require(MemberRole.REVIEWER, MemberRole.LEAD);
        // Lock the audit row: case numbers are handed out one at a time. The audit was read above,
        // so it is read again under the lock, with the number another registration may just have taken.
        Audit audit = access.audit();
        Audit.getEntityManager().refresh(audit, LockModeType.PESSIMISTIC_WRITE);
        // The values come before the audit's state, so a wrong value is named even in a closed audit.
        Registration.Checked checked = registration.check(audit, audit.today(clock));
        String hash = checked.localId() == null ? null : pseudonymiser.hash(audit.id, checked.localId());
        if (checked.clientId() != null) {
            PatientCase earlier = PatientCase.byClientId(checked.clientId()).orElse(null);
            if (earlier != null) {
                return new Registered(sameRegistration(earlier, audit, checked, hash, by), false);
            }
        }
        audit.requireCollecting();
        if (hash != null) {
            PatientCase.byLocalIdHash(audit, hash).ifPresent(existing -> {
                throw DomainException.conflict("localId", "This patient is already registered in this audit as case "
                        + existing.caseNumber + " (id " + existing.id + ").");
            });
        }
        PatientCase patientCase = new PatientCase(audit, audit.takeCaseNumber(), checked.ward(),
                checked.specialty(), checked.ageBand(), checked.sex(), checked.admissionDate(), hash, by.username,
                clock.now());
        patientCase.clientId = checked.clientId();
        patientCase.specialtyNote = checked.specialtyNote();
        // Another registration of the same patient may have committed since the check above; the
        // insert (made at once, for the generated id) then meets the unique key.
        try {
            patientCase.persist();
            PatientCase.getEntityManager().flush();
        } catch (jakarta.persistence.PersistenceException e) {
            if (violates(e, "uq_case_client_id")) {
                throw DomainException.conflict("clientId", "This registration's id from the tablet is already used"
                        + " in another audit; register the patient again.");
            }
            if (hash == null || !violates(e, "uq_case_local_id")) {
                throw e;
            }
            throw DomainException.conflict("localId", "This patient has just been registered in this audit by"
                    + " someone else; reload the ward to find the case.");
        }
        // The log names the case by its number only: never the local identifier or anything typed about the patient.
        activity.record(ActivityEvent.CASE_REGISTERED, audit.id, "Registered case " + patientCase.caseNumber + " on "
                + patientCase.ward);
        return new Registered(patientCase, true);
    }

    /** The case an earlier send of this registration made, if this send says the same; else a refusal. */
    private static PatientCase sameRegistration(PatientCase earlier, Audit audit, Registration.Checked checked,
            String hash, User by) {
        if (!earlier.audit.id.equals(audit.id)) {
            throw DomainException.conflict("clientId", "This registration's id from the tablet is already used in"
                    + " another audit; register the patient again.");
        }
        boolean same = earlier.createdBy.equals(by.username) && earlier.ward.equals(checked.ward())
                && earlier.specialty.equals(checked.specialty()) && earlier.ageBand.equals(checked.ageBand())
                && earlier.sex.equals(checked.sex()) && earlier.admissionDate.equals(checked.admissionDate())
                && java.util.Objects.equals(earlier.specialtyNote, checked.specialtyNote())
                && java.util.Objects.equals(earlier.localIdHash, hash);
        if (!same) {
            // Neither registration's values are echoed: the local identifier may be a hospital number.
            throw DomainException.conflict("clientId", "This registration was already sent from the tablet, as case "
                    + earlier.caseNumber + ", with other details; check that case on the ward page.");
        }
        return earlier;
    }

    private static boolean violates(Throwable failure, String constraint) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.hibernate.exception.ConstraintViolationException violation
                    && constraint.equalsIgnoreCase(violation.getConstraintName())) {
                return true;
            }
            if (cause instanceof java.sql.SQLIntegrityConstraintViolationException sql && sql.getMessage() != null
                    && sql.getMessage().contains("'" + constraint + "'")) {
                return true;
            }
        }
        return false;
    }

    public record CaseRow(PatientCase patientCase, long reviews, long submittedReviews,
            java.math.BigDecimal dualReviewRate) {

        /** Whether the case is in the audit's sample for a second, blind review. */
        public boolean dualReview() {
            return DualReview.isSelected(patientCase.id, dualReviewRate);
        }

        /** In the sample and reviewed once so far: a reviewer of another sector is wanted. */
        public boolean secondReviewNeeded() {
            return dualReview() && reviews == 1;
        }
    }

    /** The audit's cases, optionally on one ward and one day (registered or reviewed that day). */
    public List<CaseRow> cases(Long auditId, String ward, LocalDate date, User by, boolean admin) {
        Audit audit = AuditAccess.of(auditId, by, admin).audit();
        StringBuilder query = new StringBuilder("select c, count(r), sum(case when r.submitted = true then 1 else 0 end)"
                + " from PatientCase c left join Review r on r.patientCase = c");
        if (date != null) {
            query.append(" and r.reviewDate = :date");
        }
        // A withdrawn case is out of the audit: it is listed nowhere a reviewer works from.
        query.append(" where c.audit = :audit and c.withdrawnAt is null");
        if (ward != null && !ward.isBlank()) {
            query.append(" and c.ward = :ward");
        }
        if (date != null) {
            // The day's bounds come from the audit's time zone, not from the database's.
            query.append(" and (r.id is not null or c.createdAt >= :dayStart and c.createdAt < :dayEnd)");
        }
        query.append(" group by c order by c.id");
        var typed = PatientCase.getEntityManager().createQuery(query.toString(), Object[].class)
                .setParameter("audit", audit);
        if (ward != null && !ward.isBlank()) {
            typed.setParameter("ward", ward);
        }
        if (date != null) {
            typed.setParameter("date", date);
            typed.setParameter("dayStart", audit.startOf(date));
            typed.setParameter("dayEnd", audit.startOf(date.plusDays(1)));
        }
        return typed.getResultList().stream()
                .map(row -> new CaseRow((PatientCase) row[0], ((Number) row[1]).longValue(),
                        row[2] == null ? 0 : ((Number) row[2]).longValue(), audit.dualReviewRate))
                .toList();
    }

    public record Submission(String caseId, LocalDate reviewDate, List<String> criteriaMet, Outcome overrideOutcome,
            String overrideReason, String alternative, List<String> reasons, String note, boolean flagged,
            boolean submitted, String changeReason) {
    }

    /**
     * Stores a review under the id the client made. The same content again changes nothing; a
     * draft takes new content; a submitted review takes it only with a change reason.
     */
    public Stored put(Long auditId, String reviewId, Submission submission, User by, boolean admin) {
        return put(auditId, reviewId, submission, null, by, admin);
    }

    /**
     * As above, with the author a tablet's outbox kept the review under: a shared tablet must never
     * send one person's review in another's session, and if it does, nothing is stored.
     */
    @RetryOnConflict
    @Transactional
    public Stored put(Long auditId, String reviewId, Submission submission, String statedAuthor, User by,
            boolean admin) {
        if (statedAuthor != null && !statedAuthor.equals(by.username)) {
            throw DomainException.conflict("author", "This review was written by " + statedAuthor + ", but "
                    + by.username + " is signed in; it is sent only when " + statedAuthor + " signs in.");
        }
        String id = canonicalUuid(reviewId);
        checkLengths(submission);
        long caseId = PatientCase.parseId(submission.caseId());
        ReviewContent content = new ReviewContent(caseId, submission.reviewDate(), submission.criteriaMet(),
                submission.overrideOutcome(), submission.overrideReason(), submission.alternative(),
                submission.reasons(), submission.note(), submission.flagged(), submission.submitted());
        // Writes about one case are serialised, so two copies of one request cannot both insert.
        // The lock comes before any other read: MariaDB's snapshot starts at a transaction's first
        // plain read, and one taken before the wait would not show the review the other copy stored.
        // The same statement reads the case and its reviews of the day.
        PatientCase.LockedDay locked = PatientCase.lockWithReviewsOn(caseId, content.reviewDate()).orElse(null);
        if (locked != null && locked.reviews().stream().noneMatch(r -> r.id().equals(id))) {
            Stored created = putNew(auditId, id, content, locked, by, admin);
            if (created != null) {
                return created;
            }
        }
        return putExisting(auditId, id, content, submission.changeReason(), caseId, by, admin);
    }

    /**
     * A review new to the service, written the short way: one more read (the audit, the caller's
     * places on its team, the day's sign-off, whether the audit requires training and whether the
     * id is taken), then the review and its lists in one statement each, and the activity log's
     * line. Null when the id turns out to be taken: the request is then a repeat or a change of a
     * review on another day, which {@link #putExisting} handles. Refuses what {@code putExisting}
     * refuses, in the same order and words.
     */
    private Stored putNew(Long auditId, String id, ReviewContent content, PatientCase.LockedDay locked, User by,
            boolean admin) {
        PatientCase patientCase = locked.patientCase();
        AuditForReview audit = AuditForReview.read(auditId, patientCase.ward, by, content.reviewDate(), id,
                debriefs.signedOffCondition(), readiness.requiredCondition()).orElseThrow(
                        () -> AuditAccess.noSuchAudit(auditId));
        AuditAccess access = AuditAccess.ofPlaces(Audit.known(auditId), by, admin, audit.places())
                .require(MemberRole.REVIEWER);
        if (!patientCase.audit.id.equals(auditId)) {
            throw PatientCase.notInAudit(patientCase.id);
        }
        if (audit.idTaken()) {
            return null;
        }
        patientCase.requireNotWithdrawn();
        Audit.requireCollecting(audit.status());
        if (audit.signedOff()) {
            throw DomainException.conflict("reviewDate", "The debrief of that day has been signed off; its reviews"
                    + " are locked.");
        }
        CriteriaFile set = criteria.definitionOf(audit.criteriaHash());
        check(content, audit.startDate(), audit.endDate(), audit.hasWard(), patientCase, set,
                set.id() + " " + set.version());
        if (audit.trainingRequired()) {
            String notReady = readiness.refusal(Audit.findById(auditId), by);
            if (notReady != null) {
                throw DomainException.conflict("training", notReady);
            }
        }
        List<DayReview> others = locked.reviews();
        boolean sampled = DualReview.isSelected(patientCase.id, audit.dualReviewRate());
        String refusal = ReviewerStanding.of(patientCase, content.reviewDate(), others, sampled, by,
                access.sector(), true, null).refusal();
        if (refusal != null) {
            throw DomainException.conflict("caseId", refusal);
        }
        Review review = new Review(id, Audit.known(auditId), patientCase, by, access.sector(), content,
                clock.now().truncatedTo(ChronoUnit.MICROS));
        // Its patient-day's first when no other review of the day is submitted; ranking before one
        // that is (a clock behind another copy's) is settled by the one rule, in the database.
        DayReview mine = new DayReview(id, by.id, access.sector(), review.submitted, review.submittedAt);
        List<DayReview> submitted = others.stream().filter(DayReview::submitted).toList();
        boolean rankAgain = review.submitted && submitted.stream().anyMatch(mine::ranksBefore);
        Review.insertNew(review, review.submitted && submitted.isEmpty());
        if (rankAgain) {
            Review.rankPatientDay(patientCase, review.reviewDate);
        }
        if (review.submitted) {
            metrics.reviewSubmitted();
            logSubmission(review);
        }
        return new Stored(review, Result.CREATED);
    }

    /** A review the service may hold already (this id), written the long way with the entities. */
    private Stored putExisting(Long auditId, String id, ReviewContent content, String changeReason, long caseId,
            User by, boolean admin) {
        AuditAccess access = AuditAccess.of(auditId, by, admin).require(MemberRole.REVIEWER);
        Audit audit = access.audit();
        PatientCase patientCase = PatientCase.inAudit(audit, caseId);
        patientCase.requireNotWithdrawn();
        Review existing = Review.findById(id);
        if (existing != null) {
            if (!existing.audit.id.equals(audit.id)) {
                throw DomainException.conflict("reviewId", "Review id " + id + " is already used in another audit.");
            }
            if (!existing.isAuthor(by)) {
                throw DomainException.conflict("reviewId", "Review " + id + " was written by another reviewer; only"
                        + " its author can change it.");
            }
            if (existing.content().equals(content)) {
                return new Stored(existing, Result.UNCHANGED);
            }
        }
        audit.requireCollecting();
        if (debriefs.signedOff(audit, content.reviewDate())
                || existing != null && debriefs.signedOff(audit, existing.reviewDate)) {
            throw DomainException.conflict("reviewDate", "The debrief of that day has been signed off; its reviews"
                    + " are locked.");
        }
        check(content, audit, patientCase, criteria.definition(audit.criteriaSet));
        String notReady = readiness.refusal(audit, by);
        if (notReady != null) {
            throw DomainException.conflict("training", notReady);
        }
        List<DayReview> others = Review.ofCaseOn(patientCase, content.reviewDate()).stream()
                .filter(other -> !other.id.equals(id)).map(DayReview::of).toList();
        if (existing == null || !existing.reviewDate.equals(content.reviewDate())) {
            checkSecondReview(others, patientCase, content.reviewDate(), by, access.sector());
        }
        Instant now = clock.now();
        if (existing == null) {
            Review review = new Review(id, audit, patientCase, by, access.sector(), content, now);
            review.persist();
            Review.rankPatientDay(patientCase, review.reviewDate);
            if (review.submitted) {
                metrics.reviewSubmitted();
                logSubmission(review);
            }
            return new Stored(review, Result.CREATED);
        }
        LocalDate previousDay = existing.reviewDate;
        boolean wasSubmitted = existing.submitted;
        ReviewHistory entry = existing.revise(content, changeReason, by.username,
                toJson(existing.content()), toJson(content), now);
        if (entry != null) {
            entry.persist();
        }
        // Both days the review touched are ranked again by the one rule, the day it left first.
        if (!previousDay.equals(existing.reviewDate)) {
            Review.rankPatientDay(patientCase, previousDay);
        }
        Review.rankPatientDay(patientCase, existing.reviewDate);
        if (existing.submitted && !wasSubmitted) {
            metrics.reviewSubmitted();
            logSubmission(existing);
        }
        if (entry != null) {
            activity.record(ActivityEvent.REVIEW_CHANGED, audit.id, "Changed the submitted review of case "
                    + patientCase.caseNumber + " for " + existing.reviewDate);
        }
        return new Stored(existing, Result.UPDATED);
    }

    /** The log says which case was reviewed and for which day, never what the review says (its note, reasons). */
    private void logSubmission(Review review) {
        activity.record(ActivityEvent.REVIEW_SUBMITTED, review.audit.id, "Submitted a review of case "
                + review.patientCase.caseNumber + " for " + review.reviewDate);
    }

    /** One change to a submitted review, with the content before and after read back. */
    public record Change(ReviewHistory entry, ReviewContent before, ReviewContent after) {
    }

    /** A review with its changes, oldest first, and the audit it belongs to. */
    public record History(Audit audit, Review review, List<Change> changes) {
    }

    /**
     * A review's history, for the people who answer for it: its author, the audit's chair and lead,
     * and administrators. Anyone else on the team is refused; outsiders are told the audit does not exist.
     */
    public History history(Long auditId, String reviewId, User by, boolean admin) {
        AuditAccess access = AuditAccess.of(auditId, by, admin);
        Review review = Review.findById(canonicalUuid(reviewId));
        if (review == null || !review.audit.id.equals(access.audit().id)) {
            throw DomainException.notFound("There is no review " + reviewId + " in this audit.");
        }
        if (!review.isAuthor(by) && !access.admin() && !access.has(MemberRole.CHAIR)
                && !access.has(MemberRole.LEAD)) {
            throw DomainException.forbidden("A review's history is for its author and the audit's chair and lead.");
        }
        List<Change> changes = ReviewHistory.of(review.id).stream()
                .map(h -> new Change(h, fromJson(h.beforeContent), fromJson(h.afterContent))).toList();
        return new History(access.audit(), review, changes);
    }

    private ReviewContent fromJson(String stored) {
        try {
            return json.readValue(stored, ReviewContent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A review history entry holds unreadable content", e);
        }
    }

    /**
     * The free text of a review fits its column (the same limits as the JSON API's, for the form
     * too) and does not look as if it identifies the patient.
     */
    private static void checkLengths(Submission submission) {
        if (submission.note() != null && submission.note().length() > Review.MAX_TEXT) {
            throw DomainException.invalid("note", "The note is " + submission.note().length() + " characters long;"
                    + " it may have up to 2,000.");
        }
        if (submission.overrideReason() != null && submission.overrideReason().length() > Review.MAX_TEXT) {
            throw DomainException.invalid("override.reason", "The reason for the override is "
                    + submission.overrideReason().length() + " characters long; it may have up to 2,000.");
        }
        if (submission.changeReason() != null && submission.changeReason().length() > Review.MAX_TEXT) {
            throw DomainException.invalid("changeReason", "The reason for the change is "
                    + submission.changeReason().length() + " characters long; it may have up to 2,000.");
        }
        refuseIdentifying("note", "The note", submission.note());
        refuseIdentifying("override.reason", "The reason for the override", submission.overrideReason());
        refuseIdentifying("changeReason", "The reason for the change", submission.changeReason());
    }

    /** Refused before anything is stored; the message names what looked identifying, never the text. */
    private static void refuseIdentifying(String field, String what, String text) {
        IdentifyingText.refusal(what, text).ifPresent(message -> {
            throw DomainException.invalid(field, message);
        });
    }

    /** A new review of a case-day is taken only where the ward page would offer it. */
    private static void checkSecondReview(List<DayReview> others, PatientCase patientCase, LocalDate date, User by,
            org.bestplace.security.Sector sector) {
        boolean sampled = DualReview.isSelected(patientCase.id, patientCase.audit.dualReviewRate);
        String refusal = ReviewerStanding.of(patientCase, date, others, sampled, by, sector, true, null).refusal();
        if (refusal != null) {
            throw DomainException.conflict("caseId", refusal);
        }
    }

    /** Why no review of that day may be written now, in the ward page's words; null when they may. */
    public String lockOn(Audit audit, LocalDate day) {
        return audit.status != org.bestplace.audit.AuditStatus.COLLECTING ? "audit not taking reviews"
                : debriefs.signedOff(audit, day) ? "day locked" : null;
    }

    /**
     * What the person can do today for each case of a ward: the same rule as the PUT's checks,
     * with the day's lock. Reads the day's reviews of the ward at once, not case by case.
     */
    public java.util.Map<Long, ReviewerStanding> standingsOnWard(Long auditId, String ward, LocalDate day, User by,
            boolean admin) {
        AuditAccess access = AuditAccess.of(auditId, by, admin);
        Audit audit = access.audit();
        String lock = lockOn(audit, day);
        boolean reviewer = access.admin() || access.has(MemberRole.REVIEWER);
        java.util.Map<Long, List<DayReview>> byCase = Review.onWardOn(audit, ward, day).stream()
                .collect(java.util.stream.Collectors.groupingBy(r -> r.patientCase.id,
                        java.util.stream.Collectors.mapping(DayReview::of, java.util.stream.Collectors.toList())));
        java.util.Map<Long, ReviewerStanding> standings = new java.util.HashMap<>();
        for (PatientCase patientCase : PatientCase.<PatientCase>list("audit = ?1 and ward = ?2 and withdrawnAt is null",
                audit, ward)) {
            standings.put(patientCase.id, ReviewerStanding.of(patientCase, day,
                    byCase.getOrDefault(patientCase.id, List.of()),
                    DualReview.isSelected(patientCase.id, audit.dualReviewRate), by, access.sector(), reviewer, lock));
        }
        return standings;
    }

    /**
     * The id a person's review form of a case and day carries before the review exists: the same at
     * every opening, so a draft kept offline under it is found again when the form is reopened. A
     * keyed hash, so nobody can work out, and take first, another reviewer's id.
     */
    public String formReviewId(Long auditId, User by, long caseId, LocalDate day) {
        String key = pseudonymiser.hash(auditId, "review form|" + by.id + "|" + caseId + "|" + day);
        return UUID.nameUUIDFromBytes(key.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }

    public Review find(Long auditId, String reviewId, User by, boolean admin) {
        AuditAccess access = AuditAccess.of(auditId, by, admin);
        Review review = Review.findById(canonicalUuid(reviewId));
        if (review == null || !review.audit.id.equals(access.audit().id)) {
            throw DomainException.notFound("There is no review " + reviewId + " in this audit.");
        }
        boolean mayRead = review.isAuthor(by) || access.admin() || access.has(MemberRole.LEAD)
                || access.has(MemberRole.CHAIR) || access.has(MemberRole.COMMISSIONER)
                || access.has(MemberRole.REVIEWER) && blindnessLifted(review, by);
        if (!mayRead) {
            throw DomainException.notFound("There is no review " + reviewId + " in this audit.");
        }
        return review;
    }

    /**
     * Dual review is blind: another reviewer sees a review only once their own review of the same
     * case-day is submitted as well as this one, or once the chair has opened that day's debrief.
     */
    boolean blindnessLifted(Review review, User by) {
        if (debriefs.opened(review.audit, review.reviewDate)) {
            return true;
        }
        return review.submitted && Review.ofCaseOn(review.patientCase, review.reviewDate).stream()
                .anyMatch(own -> own.submitted && own.isAuthor(by));
    }

    /** The rules a review must keep, checked against the audit's own criteria set. */
    static void check(ReviewContent content, Audit audit, PatientCase patientCase, CriteriaFile set) {
        check(content, audit.startDate, audit.endDate, audit.hasWard(patientCase.ward), patientCase, set,
                audit.criteriaSet.setId + " " + audit.criteriaSet.version);
    }

    /** The same from an audit's dates, whether the case's ward is one of its wards, and its set's name. */
    static void check(ReviewContent content, LocalDate startDate, LocalDate endDate, boolean wardInAudit,
            PatientCase patientCase, CriteriaFile set, String setName) {
        if (content.reviewDate().isBefore(startDate) || content.reviewDate().isAfter(endDate)) {
            throw DomainException.invalid("reviewDate", "The review date " + content.reviewDate()
                    + " is outside the audit (" + startDate + " to " + endDate + ").");
        }
        if (content.reviewDate().isBefore(patientCase.admissionDate)) {
            throw DomainException.invalid("reviewDate", "The review date is before the patient's admission ("
                    + patientCase.admissionDate + ").");
        }
        if (!wardInAudit) {
            throw DomainException.invalid("caseId", "The case's ward '" + patientCase.ward + "' is not in this audit.");
        }
        AnswerRules.check(content, set, setName, "");
    }

    private String toJson(ReviewContent content) {
        try {
            return json.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write review content", e);
        }
    }

    static String canonicalUuid(String reviewId) {
        if (reviewId == null || reviewId.isBlank()) {
            throw DomainException.invalid("reviewId", "The review id is missing; it must be a UUID made by the client.");
        }
        try {
            UUID uuid = UUID.fromString(reviewId);
            String canonical = uuid.toString();
            if (!canonical.equalsIgnoreCase(reviewId)) {
                throw new IllegalArgumentException();
            }
            return canonical;
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("reviewId", "The review id must be a UUID made by the client.");
        }
    }
}
