package org.bestplace.debrief;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.bestplace.database.NumberedEntity;

/** A record that a signed-off debrief was reopened: by whom, when, why, and the sign-off it undid. */
@Entity
@Table(name = "debrief_reopening")
public class DebriefReopening extends NumberedEntity {

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "debrief_id")
    public Debrief debrief;

    @Column(name = "reopened_by", nullable = false, length = 64)
    public String reopenedBy;

    @Column(name = "reopened_at", nullable = false)
    public Instant reopenedAt;

    @Column(nullable = false, length = 2000)
    public String reason;

    @Column(name = "was_signed_off_by", nullable = false, length = 64)
    public String wasSignedOffBy;

    @Column(name = "was_signed_off_at", nullable = false)
    public Instant wasSignedOffAt;

    protected DebriefReopening() {
    }

    /** Taken before the debrief forgets its sign-off, which this record keeps. */
    DebriefReopening(Debrief signedOff, String by, Instant at, String reason) {
        this.debrief = signedOff;
        this.reopenedBy = by;
        this.reopenedAt = at;
        this.reason = reason;
        this.wasSignedOffBy = signedOff.signedOffBy;
        this.wasSignedOffAt = signedOff.signedOffAt;
    }

    public static List<DebriefReopening> of(Debrief debrief) {
        return list("debrief = ?1 order by id", debrief);
    }
}
