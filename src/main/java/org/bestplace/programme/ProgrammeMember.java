package org.bestplace.programme;

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
import org.bestplace.security.User;

/** A user on a programme's team, with a role. */
@Entity
@Table(name = "programme_member")
public class ProgrammeMember extends NumberedEntity {

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "programme_id")
    public Programme programme;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "user_id")
    public User user;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public ProgrammeRole role;

    @Column(name = "added_by", nullable = false, length = 64)
    public String addedBy;

    @Column(name = "added_at", nullable = false)
    public Instant addedAt;

    protected ProgrammeMember() {
    }

    public ProgrammeMember(Programme programme, User user, ProgrammeRole role, String addedBy, Instant now) {
        this.programme = programme;
        this.user = user;
        this.role = role;
        this.addedBy = addedBy;
        this.addedAt = now;
    }

    public static List<ProgrammeMember> ofProgramme(Programme programme) {
        return list("programme = ?1 order by role, user.username", programme);
    }

    public static List<ProgrammeMember> ofUserIn(Programme programme, User user) {
        return list("programme = ?1 and user = ?2", programme, user);
    }
}
