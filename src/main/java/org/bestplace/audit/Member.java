package org.bestplace.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.bestplace.database.NumberedEntity;
import org.bestplace.security.Sector;
import org.bestplace.security.User;

/** A user on an audit's team, with a role and the sector they speak for. */
@Entity
@Table(name = "audit_member")
public class Member extends NumberedEntity {

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "audit_id")
    public Audit audit;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "user_id")
    public User user;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public MemberRole role;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Sector sector;

    @Column(name = "added_by", nullable = false, length = 64)
    public String addedBy;

    @Column(name = "added_at", nullable = false)
    public Instant addedAt;

    protected Member() {
    }

    public Member(Audit audit, User user, MemberRole role, Sector sector, String addedBy, Instant now) {
        this.audit = audit;
        this.user = user;
        this.role = role;
        this.sector = sector;
        this.addedBy = addedBy;
        this.addedAt = now;
    }

    public static List<Member> ofAudit(Audit audit) {
        return list("audit = ?1 order by role, user.username", audit);
    }

    public static List<Member> ofUserInAudit(Audit audit, User user) {
        return list("audit = ?1 and user = ?2", audit, user);
    }

    public static List<Member> ofUser(User user) {
        return list("user = ?1 order by audit.id", user);
    }
}
