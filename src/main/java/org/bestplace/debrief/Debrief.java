package org.bestplace.debrief;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bestplace.audit.Audit;
import org.bestplace.database.NumberedEntity;
import org.bestplace.web.DomainException;

/**
 * The debrief of one audit day, chaired by the hospital's medical director. It exists from
 * when the chair opens it; sign-off locks the day's reviews and decisions.
 */
@Entity
@Table(name = "debrief")
public class Debrief extends NumberedEntity {

    /** The columns' lengths, and the JSON API's limits on how many. */
    public static final int MAX_NOTES = 10_000;
    public static final int MAX_ACTION = 1000;
    public static final int MAX_ACTIONS = 100;
    public static final int MAX_ATTENDEE_NAME = 200;
    public static final int MAX_ATTENDEES = 100;


    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "audit_id")
    public Audit audit;

    @Column(name = "debrief_date", nullable = false)
    public LocalDate date;

    @Column(name = "opened_by", nullable = false, length = 64)
    public String openedBy;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    @Column(length = 10000)
    public String notes;

    @Column(name = "signed_off_by", length = 64)
    public String signedOffBy;

    @Column(name = "signed_off_at")
    public Instant signedOffAt;

    @Version
    public long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "debrief_attendee", joinColumns = @JoinColumn(name = "debrief_id"))
    @OrderColumn(name = "position")
    public List<Attendee> attendees = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "debrief_action", joinColumns = @JoinColumn(name = "debrief_id"))
    @OrderColumn(name = "position")
    @Column(name = "text", nullable = false, length = 1000)
    public List<String> actions = new ArrayList<>();

    protected Debrief() {
    }

    public Debrief(Audit audit, LocalDate date, String openedBy, Instant now) {
        // Opening a day lifts blind review and lets decisions in: not once the audit is finished.
        audit.requireOpen();
        this.audit = audit;
        this.date = date;
        this.openedBy = openedBy;
        this.openedAt = now;
    }

    public boolean isSignedOff() {
        return signedOffAt != null;
    }

    /**
     * Refuses any change once the audit is closed or published (its "as agreed" figures are then
     * what was agreed) or the day is signed off.
     */
    public void requireOpen() {
        audit.requireOpen();
        if (isSignedOff()) {
            throw DomainException.conflict("The debrief of " + date + " was signed off by " + signedOffBy
                    + "; that day is locked.");
        }
    }

    public void record(List<Attendee> attendees, String notes, List<String> actions) {
        requireOpen();
        if (attendees.size() > MAX_ATTENDEES) {
            throw DomainException.invalid("attendees", "There are " + attendees.size() + " attendees; up to "
                    + MAX_ATTENDEES + " can be recorded.");
        }
        for (Attendee attendee : attendees) {
            if (attendee.name == null || attendee.name.isBlank()) {
                throw DomainException.invalid("attendees", "Give each attendee's name.");
            }
            if (attendee.name.length() > MAX_ATTENDEE_NAME) {
                throw DomainException.invalid("attendees", "The name '" + attendee.name.substring(0, 40) + "…' is "
                        + attendee.name.length() + " characters long; a name may have up to " + MAX_ATTENDEE_NAME
                        + ".");
            }
            if (attendee.organisation != null && attendee.organisation.length() > MAX_ATTENDEE_NAME) {
                throw DomainException.invalid("attendees", "The organisation '" + attendee.organisation.substring(0,
                        40) + "…' is " + attendee.organisation.length() + " characters long; it may have up to "
                        + MAX_ATTENDEE_NAME + ".");
            }
            if (attendee.sector == null && (attendee.organisation == null || attendee.organisation.isBlank())) {
                throw DomainException.invalid("attendees", "Give the organisation " + attendee.name
                        + " came from, for example social care or a GP practice.");
            }
        }
        if (notes != null && notes.length() > MAX_NOTES) {
            throw DomainException.invalid("notes", "The learning points are " + notes.length() + " characters long;"
                    + " they may have up to 10,000.");
        }
        if (actions.size() > MAX_ACTIONS) {
            throw DomainException.invalid("actions", "There are " + actions.size() + " actions; up to " + MAX_ACTIONS
                    + " can be recorded.");
        }
        for (int i = 0; i < actions.size(); i++) {
            if (actions.get(i).length() > MAX_ACTION) {
                throw DomainException.invalid("actions", "Action " + (i + 1) + " is " + actions.get(i).length()
                        + " characters long; an action may have up to 1,000.");
            }
        }
        this.attendees = new ArrayList<>(attendees);
        this.notes = notes == null || notes.isBlank() ? null : notes.strip();
        this.actions = new ArrayList<>(actions);
    }

    public void signOff(String chair, Instant now) {
        requireOpen();
        this.signedOffBy = chair;
        this.signedOffAt = now;
    }

    /** Unlocks a signed-off day; the returned record keeps who signed it off and why it was reopened. */
    public DebriefReopening reopen(String by, String reason, Instant now) {
        audit.requireOpen();
        if (!isSignedOff()) {
            throw DomainException.conflict("The debrief of " + date + " is not signed off.");
        }
        if (reason == null || reason.isBlank()) {
            throw DomainException.invalid("reason", "Reopening a signed-off day needs a reason.");
        }
        DebriefReopening reopening = new DebriefReopening(this, by, now, reason.strip());
        signedOffBy = null;
        signedOffAt = null;
        return reopening;
    }

    /**
     * Serialises the writes about one day's debrief (decisions, record, sign-off, reopening): a
     * row lock taken before any other read, so each write sees the one before it, and a decision
     * cannot slip in beside a sign-off. No debrief yet, no lock: the write then finds none.
     */
    public static void lockForWrite(long auditId, LocalDate date) {
        getEntityManager().createNativeQuery("SELECT id FROM debrief WHERE audit_id = ?1 AND debrief_date = ?2"
                + " FOR UPDATE").setParameter(1, auditId).setParameter(2, date).getResultList();
    }

    public static Optional<Debrief> of(Audit audit, LocalDate date) {
        return find("audit = ?1 and date = ?2", audit, date).firstResultOptional();
    }

    /** True when the day's debrief has been signed off, so nothing about that day may change. */
    public static boolean isLocked(Audit audit, LocalDate date) {
        return count("audit = ?1 and date = ?2 and signedOffAt is not null", audit, date) > 0;
    }
}
