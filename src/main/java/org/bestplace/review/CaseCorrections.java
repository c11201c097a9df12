package org.bestplace.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.bestplace.activity.ActivityEvent;
import org.bestplace.activity.ActivityLog;
import org.bestplace.audit.Audit;
import org.bestplace.audit.AuditAccess;
import org.bestplace.audit.MemberRole;
import org.bestplace.database.RetryOnConflict;
import org.bestplace.operations.ServiceClock;
import org.bestplace.security.User;
import org.bestplace.web.DomainException;

/**
 * Puts right a case registered wrongly: a correction of its age band, sex, specialty, admission
 * date or ward, or its withdrawal from the audit. Either is made by the person who registered the
 * case, the audit's lead or an administrator, with a reason, and kept in the case's history; no
 * case is ever deleted. A case's reviews carry copies of its ward, specialty, age band and length
 * of stay (and of its withdrawal), which the summary, place and pair cells are counted from; both
 * write those copies in the same transaction, so the cells' triggers move every figure with them.
 */
@ApplicationScoped
public class CaseCorrections {

    static final int MAX_REASON = 2000;

    @Inject
    ObjectMapper json;

    @Inject
    ServiceClock clock;

    @Inject
    ActivityLog activity;

    /**
     * A correction as either door received it: the values to change (one left out keeps the case's)
     * and why. {@code admissionConfirmed} confirms an admission more than a year before today.
     */
    public record Correction(String ward, String specialty, String specialtyNote, String ageBand, String sex,
            String admissionDate, Boolean admissionConfirmed, String reason) {
    }

    /** Whether this caller may correct or withdraw this case: its registrar, the audit's lead, an administrator. */
    public static boolean mayChange(AuditAccess access, PatientCase patientCase) {
        boolean registrar = patientCase.createdBy.equals(access.user().username)
                && (access.has(MemberRole.REVIEWER) || access.has(MemberRole.LEAD));
        return access.admin() || access.has(MemberRole.LEAD) || registrar;
    }

    @RetryOnConflict
    @Transactional
    public PatientCase correct(Long auditId, String caseId, Correction correction, User by, boolean admin) {
        long id = PatientCase.parseId(caseId);
        PatientCase.lockForWrite(id);
        AuditAccess access = AuditAccess.of(auditId, by, admin);
        Audit audit = access.audit();
        PatientCase patientCase = PatientCase.inAudit(audit, id);
        requireMayChange(access, patientCase);
        boolean specialtyGiven = correction.specialty() != null;
        String admission = correction.admissionDate() == null ? patientCase.admissionDate.toString()
                : correction.admissionDate();
        // An admission date the case already has was confirmed when it was registered.
        boolean sameAdmission = admission.equals(patientCase.admissionDate.toString());
        Registration merged = new Registration(or(correction.ward(), patientCase.ward),
                specialtyGiven ? correction.specialty() : patientCase.specialty,
                or(correction.ageBand(), patientCase.ageBand), or(correction.sex(), patientCase.sex), admission,
                null, specialtyGiven ? correction.specialtyNote() : patientCase.specialtyNote,
                sameAdmission || Boolean.TRUE.equals(correction.admissionConfirmed()), null);
        Registration.Checked checked = merged.check(audit, audit.today(clock));
        String reason = reason(correction.reason(), "correction");
        requireCorrectable(audit, patientCase);
        LocalDate firstReview = PatientCase.getEntityManager()
                .createQuery("select min(r.reviewDate) from Review r where r.patientCase = ?1", LocalDate.class)
                .setParameter(1, patientCase).getSingleResult();
        if (firstReview != null && checked.admissionDate().isAfter(firstReview)) {
            throw DomainException.invalid("admissionDate", "Case " + patientCase.caseNumber + " has a review on "
                    + firstReview + ", before that admission date; the admission date must be on or before it.");
        }
        PatientCase.Content before = patientCase.content();
        patientCase.correct(checked);
        PatientCase.Content after = patientCase.content();
        if (after.equals(before)) {
            throw new DomainException(400, "Invalid input", "The correction changes nothing: the case already has"
                    + " these values.", null, null);
        }
        PatientCase.getEntityManager().flush();
        // The reviews' copies, row by row through the cells' triggers (migrations V20 and V22).
        PatientCase.getEntityManager().createNativeQuery("UPDATE review SET ward = ?1, specialty = ?2,"
                + " age_band = ?3, stay_days = DATEDIFF(review_date, ?4) WHERE case_id = ?5")
                .setParameter(1, after.ward()).setParameter(2, after.specialty()).setParameter(3, after.ageBand())
                .setParameter(4, after.admissionDate()).setParameter(5, patientCase.id).executeUpdate();
        keep(patientCase, CaseHistory.Kind.CORRECTION, by, reason, before, after);
        activity.record(ActivityEvent.CASE_CORRECTED, audit.id, "Corrected case " + patientCase.caseNumber);
        return patientCase;
    }

    @RetryOnConflict
    @Transactional
    public PatientCase withdraw(Long auditId, String caseId, String reason, User by, boolean admin) {
        long id = PatientCase.parseId(caseId);
        PatientCase.lockForWrite(id);
        AuditAccess access = AuditAccess.of(auditId, by, admin);
        Audit audit = access.audit();
        PatientCase patientCase = PatientCase.inAudit(audit, id);
        requireMayChange(access, patientCase);
        String why = reason(reason, "withdrawal");
        requireCorrectable(audit, patientCase);
        PatientCase.Content before = patientCase.content();
        Instant now = clock.now();
        patientCase.withdraw(by.username, why, now);
        PatientCase.getEntityManager().flush();
        // Each review leaves its cells through the triggers; a pair leaves once (migration V22).
        PatientCase.getEntityManager().createNativeQuery("UPDATE review SET withdrawn = TRUE WHERE case_id = ?1")
                .setParameter(1, patientCase.id).executeUpdate();
        keep(patientCase, CaseHistory.Kind.WITHDRAWAL, by, why, before, patientCase.content());
        activity.record(ActivityEvent.CASE_WITHDRAWN, audit.id, "Withdrew case " + patientCase.caseNumber);
        return patientCase;
    }

    /** The case's corrections and withdrawal, oldest first; anyone on the audit's team may read them. */
    @Transactional
    public List<CaseHistory> history(Long auditId, String caseId, User by, boolean admin) {
        Audit audit = AuditAccess.of(auditId, by, admin).audit();
        return CaseHistory.of(PatientCase.inAudit(audit, caseId));
    }

    private static void requireMayChange(AuditAccess access, PatientCase patientCase) {
        if (!mayChange(access, patientCase)) {
            throw DomainException.forbidden("Only the person who registered case " + patientCase.caseNumber
                    + ", the audit's lead or an administrator can correct or withdraw it.");
        }
    }

    private static void requireCorrectable(Audit audit, PatientCase patientCase) {
        // As for registrations and reviews: once the audit is closed its figures are being settled.
        audit.requireCollecting();
        patientCase.requireNotWithdrawn();
    }

    /** The reason a person gave: required, within its column, and naming no patient. */
    private static String reason(String given, String what) {
        if (given == null || given.isBlank()) {
            throw DomainException.invalid("reason", "Say why you make this " + what + ".");
        }
        String reason = given.strip();
        if (reason.length() > MAX_REASON) {
            throw DomainException.invalid("reason", "The reason is " + reason.length() + " characters long; it may"
                    + " have up to 2,000.");
        }
        IdentifyingText.refusal("The reason", reason).ifPresent(message -> {
            throw DomainException.invalid("reason", message);
        });
        return reason;
    }

    private void keep(PatientCase patientCase, CaseHistory.Kind kind, User by, String reason,
            PatientCase.Content before, PatientCase.Content after) {
        new CaseHistory(patientCase, kind, by.username, clock.now(), reason, toJson(before), toJson(after))
                .persist();
    }

    private String toJson(PatientCase.Content content) {
        try {
            return json.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write case content", e);
        }
    }

    private static String or(String given, String kept) {
        return given == null ? kept : given;
    }
}
