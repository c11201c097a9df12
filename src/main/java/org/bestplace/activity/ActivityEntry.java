package org.bestplace.activity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import org.bestplace.database.NumberedEntity;
import org.hibernate.annotations.Immutable;

/** One line of the activity log. Hibernate never updates it; the database refuses to. */
@Entity
@Immutable
@Table(name = "activity_log")
public class ActivityEntry extends NumberedEntity {

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(length = 64)
    public String username;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    public ActivityEvent event;

    @Column(name = "audit_id")
    public Long auditId;

    @Column(nullable = false, length = 1000)
    public String detail;

    @Column(name = "remote_address", length = 64)
    public String remoteAddress;

    protected ActivityEntry() {
    }

    ActivityEntry(Instant occurredAt, String username, ActivityEvent event, Long auditId, String detail,
            String remoteAddress) {
        this.occurredAt = occurredAt;
        this.username = username;
        this.event = event;
        this.auditId = auditId;
        this.detail = detail.length() > 1000 ? detail.substring(0, 1000) : detail;
        this.remoteAddress = remoteAddress;
    }
}
