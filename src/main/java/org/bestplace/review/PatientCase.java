package org.bestplace.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bestplace.audit.Audit;
import org.bestplace.database.ClusterLocks;
import org.bestplace.database.NumberedEntity;
import org.bestplace.database.Sql;
import org.bestplace.security.Sector;
import org.hibernate.Session;
import org.bestplace.web.DomainException;

/**
 * A patient in an audit, known only by a pseudonymous case number. No name, NHS number or
 * hospital number is stored; a local identifier survives only as a keyed hash.
 */
@Entity
@Table(name = "patient_case")
public class PatientCase extends NumberedEntity {

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "audit_id")
    public Audit audit;

    @Column(name = "case_number", nullable = false, length = 32)
    public String caseNumber;

    @Column(nullable = false, length = 100)
    public String ward;

    @Column(nullable = false, length = 100)
    public String specialty;

    @Column(name = "age_band", nullable = false, length = 16)
    public String ageBand;

    @Column(nullable = false, length = 16)
    public String sex;

    @Column(name = "admission_date", nullable = false)
    public LocalDate admissionDate;

    @Column(name = "local_id_hash", length = 64)
    public String localIdHash;

    /** The UUID the registering tablet made, so a registration sent twice finds its case. */
    @Column(name = "client_id", length = 36)
    public String clientId;

    @Column(name = "created_by", nullable = false, length = 64)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Which specialty a case under "Other" has, in the registrar's words; null otherwise. */
    @Column(name = "specialty_note", length = 100)
    public String specialtyNote;

    /** Set when the case was withdrawn: it stays, but counts in no figure and takes no review. */
    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    @Column(name = "withdrawn_by", length = 64)
    public String withdrawnBy;

    @Column(name = "withdrawal_reason", length = 2000)
    public String withdrawalReason;

    protected PatientCase() {
    }

    public PatientCase(Audit audit, String caseNumber, String ward, String specialty, String ageBand, String sex,
            LocalDate admissionDate, String localIdHash, String createdBy, Instant now) {
        this.audit = audit;
        this.caseNumber = caseNumber;
        this.ward = ward;
        this.specialty = specialty;
        this.ageBand = ageBand;
        this.sex = sex;
        this.admissionDate = admissionDate;
        this.localIdHash = localIdHash;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    public boolean withdrawn() {
        return withdrawnAt != null;
    }

    /** The specialty as people read it: "Other (the note)" for a case under "Other". */
    public String specialtyShown() {
        return specialtyNote == null ? specialty : specialty + " (" + specialtyNote + ")";
    }

    /** What a correction can change, and whether the case is withdrawn: a history entry's before and after. */
    public record Content(String ward, String specialty, String specialtyNote, String ageBand, String sex,
            LocalDate admissionDate, boolean withdrawn) {
    }

    public Content content() {
        return new Content(ward, specialty, specialtyNote, ageBand, sex, admissionDate, withdrawn());
    }

    /** Refuses any change to a withdrawn case: it is kept as it was withdrawn. */
    public void requireNotWithdrawn() {
        if (withdrawn()) {
            throw DomainException.conflict("caseId", "Case " + caseNumber + " has been withdrawn from the audit;"
                    + " it can no longer be reviewed or corrected.");
        }
    }

    /** Takes corrected registration values (checked by Registration); the reviews' copies follow in the service. */
    public void correct(Registration.Checked values) {
        requireNotWithdrawn();
        this.ward = values.ward();
        this.specialty = values.specialty();
        this.specialtyNote = values.specialtyNote();
        this.ageBand = values.ageBand();
        this.sex = values.sex();
        this.admissionDate = values.admissionDate();
    }

    public void withdraw(String by, String reason, Instant now) {
        requireNotWithdrawn();
        this.withdrawnAt = now;
        this.withdrawnBy = by;
        this.withdrawalReason = reason;
    }

    /** Days in hospital on a day of care, counting the admission day as day 0. */
    public long lengthOfStayOn(LocalDate day) {
        return ChronoUnit.DAYS.between(admissionDate, day);
    }

    /**
     * A case locked for a review's write, and the reviews of it on one day of care, in the order
     * they were submitted (drafts first).
     *
     * @param patientCase the case's columns a review checks and copies, read under the lock; a copy
     *                    outside the persistence context, its audit known by id only
     */
    public record LockedDay(PatientCase patientCase, List<DayReview> reviews) {
    }

    /**
     * Takes the write lock on a case's row and reads it with its reviews on that day, in one
     * statement ({@code sql/review/case-day-for-update.sql}); empty when there is no such case. On a
     * Galera node ({@link ClusterLocks}) the lock also changes the row first, as {@link #lockForWrite} does.
     */
    public static Optional<LockedDay> lockWithReviewsOn(long caseId, LocalDate day) {
        return getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            if (ClusterLocks.rowWrites()) {
                try (PreparedStatement lock = connection.prepareStatement(
                        "UPDATE patient_case SET lock_count = lock_count + 1 WHERE id = ?")) {
                    lock.setLong(1, caseId);
                    lock.executeUpdate();
                }
            }
            try (PreparedStatement read = connection.prepareStatement(Sql.load("review/case-day-for-update"))) {
                read.setObject(1, day);
                read.setLong(2, caseId);
                try (ResultSet row = read.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    PatientCase found = new PatientCase(Audit.known(row.getLong(1)), row.getString(2),
                            row.getString(3), row.getString(4), row.getString(5), row.getString(6),
                            row.getObject(7, LocalDate.class), null, null, null);
                    found.id = caseId;
                    found.withdrawnAt = utc(row.getObject(8, LocalDateTime.class));
                    List<DayReview> reviews = new ArrayList<>();
                    String listed = row.getString(9);
                    for (String review : listed == null ? new String[0] : listed.split(",")) {
                        String[] f = review.split(" ");
                        reviews.add(new DayReview(f[0], Long.parseLong(f[1]), Sector.valueOf(f[2]), f[3].equals("1"),
                                f[4].equals("-") ? null : utc(LocalDateTime.parse(f[4]))));
                    }
                    return Optional.of(new LockedDay(found, List.copyOf(reviews)));
                }
            }
        });
    }

    /** A DATETIME column as the entities store an instant: the time in UTC. */
    static Instant utc(LocalDateTime time) {
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }

    /**
     * Takes the write lock on a case's row (no row, no lock); held until the transaction ends.
     * The lock changes the row (its lock count), so that a Galera cluster, where SELECT ... FOR
     * UPDATE holds on one node only, sees two writes of one case on two nodes conflict (V37).
     */
    public static void lockForWrite(long caseId) {
        getEntityManager().createNativeQuery("UPDATE patient_case SET lock_count = lock_count + 1 WHERE id = ?1")
                .setParameter(1, caseId).executeUpdate();
    }

    /**
     * The case with this id in this audit. A case of another audit is as missing as one that never
     * was, wherever the id came from: the address, a form or a JSON body.
     */
    public static PatientCase inAudit(Audit audit, long caseId) {
        return find("id = ?1 and audit = ?2", caseId, audit).<PatientCase>firstResultOptional()
                .orElseThrow(() -> notInAudit(caseId));
    }

    /** The refusal of a case id that names no case of the audit. */
    public static DomainException notInAudit(long caseId) {
        return DomainException.notFound("caseId", "There is no case " + caseId + " in this audit.");
    }

    /** The same, for an id as a request gave it; one that is not a number at all is malformed. */
    public static PatientCase inAudit(Audit audit, String caseId) {
        return inAudit(audit, parseId(caseId));
    }

    public static long parseId(String caseId) {
        try {
            return Long.parseLong(caseId);
        } catch (NumberFormatException e) {
            throw DomainException.invalid("caseId", "The case id '" + caseId + "' is not a case id.");
        }
    }

    public static Optional<PatientCase> byClientId(String clientId) {
        return find("clientId", clientId).firstResultOptional();
    }

    public static Optional<PatientCase> byLocalIdHash(Audit audit, String hash) {
        return find("audit = ?1 and localIdHash = ?2", audit, hash).firstResultOptional();
    }
}
