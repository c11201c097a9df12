package org.bestplace.audit;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.bestplace.criteria.CriteriaSet;
import org.bestplace.criteria.CriteriaStatus;
import org.bestplace.database.NumberedEntity;
import org.bestplace.operations.ServiceClock;
import org.bestplace.web.DomainException;

/** One audit run: the agreed question, where and when, which criteria, and its status. */
@Entity
@Table(name = "audit")
public class Audit extends NumberedEntity {

    @Column(nullable = false, length = 300)
    public String title;

    @Column(nullable = false, length = 2000)
    public String question;

    @Column(nullable = false, length = 200)
    public String site;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Column(name = "end_date", nullable = false)
    public LocalDate endDate;

    /** Where the audit's wards are: every "today" and "registered on" of this audit is a day here. */
    @Column(name = "time_zone", nullable = false, length = 64)
    public String timeZone;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "criteria_set_id")
    public CriteriaSet criteriaSet;

    /** The criteria content this audit was set up with, so its results stay reproducible. */
    @Column(name = "criteria_hash", nullable = false, length = 64)
    public String criteriaHash;

    @Column(name = "dual_review_rate", nullable = false, precision = 4, scale = 3)
    public BigDecimal dualReviewRate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public AuditStatus status;

    @Column(name = "next_case_number", nullable = false)
    public int nextCaseNumber;

    @Column(name = "created_by", nullable = false, length = 64)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Version
    public long version;

    /** The earlier audit this one repeats (a re-audit), or null. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "repeats_audit_id")
    public Audit repeats;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "audit_ward", joinColumns = @JoinColumn(name = "audit_id"))
    @Column(name = "ward", nullable = false, length = 100)
    @OrderBy
    public Set<String> wards = new TreeSet<>();

    /**
     * The specialties offered when a patient is registered, in the lead's order; "Other", with a
     * note, is always offered besides. Empty for an audit made before audits had their own list: it
     * offers {@link #DEFAULT_SPECIALTIES}.
     */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "audit_specialty", joinColumns = @JoinColumn(name = "audit_id"))
    @OrderColumn(name = "position")
    @Column(name = "specialty", nullable = false, length = 100)
    public List<String> specialties = new ArrayList<>();

    /** The specialty a case has when none on the list fits; its note says which it is. */
    public static final String OTHER_SPECIALTY = "Other";

    /** Adult inpatient specialties of an NHS acute hospital, for an audit that gives no list. */
    public static final List<String> DEFAULT_SPECIALTIES = List.of("Acute medicine", "Cardiology",
            "Care of older people", "Endocrinology and diabetes", "Gastroenterology", "General medicine",
            "General surgery", "Gynaecology", "Haematology", "Neurology", "Oncology", "Renal medicine",
            "Respiratory", "Stroke medicine", "Trauma and orthopaedics", "Urology", "Vascular surgery");

    protected Audit() {
    }

    public Audit(String title, String question, String site, Set<String> wards, LocalDate startDate,
            LocalDate endDate, ZoneId timeZone, CriteriaSet criteriaSet, BigDecimal dualReviewRate, String createdBy,
            Instant now) {
        apply(title, question, site, wards, startDate, endDate, timeZone, criteriaSet, dualReviewRate, now);
        this.status = AuditStatus.PLANNED;
        this.nextCaseNumber = 1;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    /**
     * Changes the set-up while the audit is PLANNED; once it collects, what reviewers score and
     * where is fixed, so the results answer the question that was agreed. Returns the names of
     * what changed.
     */
    public List<String> edit(String title, String question, String site, Set<String> wards, LocalDate startDate,
            LocalDate endDate, ZoneId timeZone, CriteriaSet criteriaSet, BigDecimal dualReviewRate, Instant now) {
        requirePlanned();
        List<String> before = List.of(this.title, this.question, this.site, String.join("\n", this.wards),
                String.valueOf(this.startDate), String.valueOf(this.endDate), this.timeZone,
                this.criteriaSet.id + "", this.dualReviewRate.stripTrailingZeros().toPlainString());
        apply(title, question, site, wards, startDate, endDate, timeZone, criteriaSet, dualReviewRate, now);
        List<String> after = List.of(this.title, this.question, this.site, String.join("\n", this.wards),
                String.valueOf(this.startDate), String.valueOf(this.endDate), this.timeZone,
                this.criteriaSet.id + "", this.dualReviewRate.stripTrailingZeros().toPlainString());
        List<String> names = List.of("title", "question", "site", "wards", "start date", "end date", "time zone",
                "criteria set", "dual-review rate");
        List<String> changed = new java.util.ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (!before.get(i).equals(after.get(i))) {
                changed.add(names.get(i));
            }
        }
        return changed;
    }

    /**
     * Names the earlier audit this one repeats, or none (null). A re-audit asks the same question of
     * the same kind of patients: the earlier audit is another one, uses the same criteria set
     * (any version of it), shares at least one ward, and does not itself repeat this one. Each
     * refusal names {@code repeats} and changes nothing.
     */
    public void repeat(Audit earlier) {
        if (earlier != null) {
            if (earlier == this || (id != null && id.equals(earlier.id))) {
                throw DomainException.invalid("repeats", "An audit cannot repeat itself; name the earlier audit it"
                        + " repeats.");
            }
            if (!earlier.criteriaSet.setId.equals(criteriaSet.setId)) {
                throw DomainException.invalid("repeats", "Audit " + earlier.id + " used the criteria set "
                        + earlier.criteriaSet.setId + "; a re-audit uses the same criteria set (any version), and"
                        + " this one uses " + criteriaSet.setId + ".");
            }
            if (earlier.wards.stream().noneMatch(wards::contains)) {
                throw DomainException.invalid("repeats", "Audit " + earlier.id + " covered " + String.join(", ",
                        earlier.wards) + "; a re-audit covers the same wards or some of them, and this one shares"
                        + " none.");
            }
            if (id != null && earlier.repeats != null && id.equals(earlier.repeats.id)) {
                throw DomainException.invalid("repeats", "Audit " + earlier.id + " repeats this audit, so this one"
                        + " cannot repeat it.");
            }
        }
        this.repeats = earlier;
    }

    /** The set-up changes only while the audit is PLANNED. */
    public void requirePlanned() {
        if (status != AuditStatus.PLANNED) {
            throw DomainException.conflict("The audit is " + status + "; its set-up can be changed only while it is"
                    + " PLANNED.");
        }
    }

    /** Checks and takes a set-up; each refusal names the field at fault and changes nothing. */
    private void apply(String title, String question, String site, Set<String> wards, LocalDate startDate,
            LocalDate endDate, ZoneId timeZone, CriteriaSet criteriaSet, BigDecimal dualReviewRate, Instant now) {
        String cleanTitle = text(title, "title", "Give the audit a title.", 300);
        String cleanQuestion = text(question, "question", "Give the question the audit answers, as the three"
                + " organisations agreed it.", 2000);
        String cleanSite = text(site, "site", "Give the site (the hospital) the audit is held at.", 200);
        if (wards == null || wards.isEmpty()) {
            throw DomainException.invalid("wards", "Give at least one ward.");
        }
        if (wards.size() > 100) {
            throw DomainException.invalid("wards", "An audit covers at most 100 wards.");
        }
        for (String ward : wards) {
            if (ward == null || ward.isBlank() || ward.length() > 100) {
                throw DomainException.invalid("wards", "A ward's name has 1 to 100 characters.");
            }
        }
        if (startDate == null) {
            throw DomainException.invalid("startDate", "Give the start date.");
        }
        if (endDate == null) {
            throw DomainException.invalid("endDate", "Give the end date.");
        }
        if (criteriaSet == null) {
            throw DomainException.invalid("criteriaSet", "Choose a ratified criteria set.");
        }
        if (criteriaSet.status != CriteriaStatus.RATIFIED) {
            throw DomainException.invalid("criteriaSet", "Criteria set " + criteriaSet.setId + " version "
                    + criteriaSet.version + " is " + criteriaSet.status + "; an audit can only use a ratified set.");
        }
        if (dualReviewRate == null || dualReviewRate.signum() < 0 || dualReviewRate.compareTo(BigDecimal.ONE) > 0) {
            throw DomainException.invalid("dualReviewRate", "The dual-review rate is a share from 0 to 1 (0% to"
                    + " 100%).");
        }
        if (dualReviewRate.stripTrailingZeros().scale() > 3) {
            throw DomainException.invalid("dualReviewRate", "Give the dual-review rate to a tenth of a percent at"
                    + " most.");
        }
        LocalDate today = LocalDate.ofInstant(now, timeZone);
        if (startDate.isBefore(today.minusYears(10)) || startDate.isAfter(today.plusYears(10))) {
            throw DomainException.invalid("startDate", "The start date " + startDate + " is more than ten years from"
                    + " today; check it.");
        }
        if (endDate.isBefore(startDate)) {
            throw DomainException.invalid("endDate", "The end date is before the start date.");
        }
        if (endDate.isAfter(startDate.plusYears(1))) {
            throw DomainException.invalid("endDate", "An audit runs for at most a year; the end date " + endDate
                    + " is later than that.");
        }
        this.title = cleanTitle;
        this.question = cleanQuestion;
        this.site = cleanSite;
        if (this.wards == null) {
            this.wards = new TreeSet<>();
        }
        this.wards.clear();
        this.wards.addAll(wards);
        this.startDate = startDate;
        this.endDate = endDate;
        this.timeZone = timeZone.getId();
        this.criteriaSet = criteriaSet;
        this.criteriaHash = criteriaSet.contentHash;
        this.dualReviewRate = dualReviewRate.setScale(3, java.math.RoundingMode.UNNECESSARY);
    }

    private static String text(String value, String field, String missing, int max) {
        if (value == null || value.isBlank()) {
            throw DomainException.invalid(field, missing);
        }
        String clean = value.strip();
        if (clean.length() > max) {
            throw DomainException.invalid(field, "At most " + max + " characters; this has " + clean.length() + ".");
        }
        return clean;
    }

    /**
     * Moves the audit on in its lifecycle, or refuses with why. Data collection needs a team
     * that can hold a debrief and compare sectors ({@link AuditTeam}).
     */
    public AuditStatusChange moveTo(AuditStatus next, String reason, AuditTeam team, String by, Instant now) {
        if (!status.canMoveTo(next)) {
            throw DomainException.conflict("status", "An audit cannot go from " + status + " to " + next + ".");
        }
        if (status.needsReasonToMoveTo(next) && (reason == null || reason.isBlank())) {
            throw DomainException.invalid("reason", "Reopening a closed audit for data collection needs a reason.");
        }
        if (next == AuditStatus.COLLECTING) {
            team.refusal().ifPresent(refusal -> {
                throw DomainException.conflict("status", refusal);
            });
        }
        AuditStatusChange change = new AuditStatusChange(this, status, next,
                reason == null || reason.isBlank() ? null : reason, by, now);
        status = next;
        return change;
    }

    /** Team, setup and debriefs may change until the audit is closed. */
    public void requireOpen() {
        if (status == AuditStatus.CLOSED || status == AuditStatus.PUBLISHED) {
            throw DomainException.conflict("The audit is " + status + "; it no longer takes changes.");
        }
    }

    /** Cases and reviews are only taken while the audit is collecting data. */
    public void requireCollecting() {
        requireCollecting(status);
    }

    /** The same for an audit whose status was read on its own. */
    public static void requireCollecting(AuditStatus status) {
        if (status != AuditStatus.COLLECTING) {
            throw DomainException.conflict("The audit is " + status + "; cases and reviews are taken only while it is"
                    + " COLLECTING.");
        }
    }

    /**
     * An audit known only by its id, for a row that refers to it (a new review's): never read,
     * persisted or asked anything but its id.
     */
    public static Audit known(long id) {
        Audit audit = new Audit();
        audit.id = id;
        return audit;
    }

    /** Reads a time zone as an audit takes it, or refuses naming the field. */
    public static ZoneId zoneOf(String name) {
        try {
            return ZoneId.of(name.strip());
        } catch (DateTimeException e) {
            throw DomainException.invalid("timeZone", "'" + name + "' is not a time zone; use a name such as"
                    + " Europe/London.");
        }
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    /** The audit's day now, by the service's one clock. */
    public LocalDate today(ServiceClock clock) {
        return dayOf(clock.now());
    }

    /** The audit's day at that instant, in its own time zone. */
    public LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, zone());
    }

    private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter
            .ofPattern("d MMM yyyy HH:mm zzz", java.util.Locale.UK);

    /** An instant as people on the audit read it: its zone's time to the minute, with the abbreviation (GMT, BST). */
    public String timeOf(Instant instant) {
        return instant == null ? null : TIME.withZone(zone()).format(instant);
    }

    /** Where the audit's day begins, as an instant; the day ends where the next one begins. */
    public Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone()).toInstant();
    }

    public boolean covers(LocalDate date) {
        return !date.isBefore(startDate) && !date.isAfter(endDate);
    }

    public boolean hasWard(String ward) {
        return wards.contains(ward);
    }

    /** The specialties a reviewer chooses from (besides "Other"). */
    public List<String> specialtiesOffered() {
        return specialties.isEmpty() ? DEFAULT_SPECIALTIES : List.copyOf(specialties);
    }

    /** Sets the list reviewers choose from: each once, none blank, and not "Other", which is always offered. */
    public void offerSpecialties(List<String> given) {
        List<String> checked = new ArrayList<>();
        for (String specialty : given) {
            String name = specialty == null ? "" : specialty.strip();
            if (name.isEmpty()) {
                throw DomainException.invalid("specialties", "A specialty in the list is blank.");
            }
            if (name.equalsIgnoreCase(OTHER_SPECIALTY)) {
                throw DomainException.invalid("specialties", "'Other' is always offered, with a note; leave it out"
                        + " of the list.");
            }
            int length = name.codePointCount(0, name.length());
            if (length > 100) {
                throw DomainException.invalid("specialties", "A specialty in the list is " + length
                        + " characters long; each may have up to 100.");
            }
            if (checked.stream().anyMatch(name::equalsIgnoreCase)) {
                throw DomainException.invalid("specialties", "Specialty '" + name + "' is listed twice.");
            }
            checked.add(name);
        }
        if (checked.isEmpty()) {
            throw DomainException.invalid("specialties", "Give at least one specialty, or leave the list out for"
                    + " the default one.");
        }
        this.specialties = checked;
    }

    /** The next pseudonymous case number; the caller holds a write lock on this audit. */
    public String takeCaseNumber() {
        String number = String.format("A%d-%04d", id, nextCaseNumber);
        nextCaseNumber++;
        return number;
    }

    /**
     * Takes the write lock on an audit's row (no row, no lock) until the transaction ends. Taken
     * before any other read, so what the transaction reads next includes what the previous holder
     * of the lock committed. The lock changes the row (its lock count): on a Galera cluster a
     * SELECT ... FOR UPDATE holds on one node only, a changed row is certified across them (V37).
     */
    public static void lockForWrite(long auditId) {
        getEntityManager().createNativeQuery("UPDATE audit SET lock_count = lock_count + 1 WHERE id = ?1")
                .setParameter(1, auditId).executeUpdate();
    }

    public static List<Audit> usingCriteriaSet(CriteriaSet set) {
        return list("criteriaSet", set);
    }
}
