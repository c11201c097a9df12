package org.bestplace.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.bestplace.database.NumberedEntity;

/**
 * One browser's sign-in, from the sign-in form or the trust's identity provider. It ends when
 * the person signs out, when their password changes or they are deactivated, when it has been
 * idle too long, or when it reaches its absolute lifetime, however busy.
 */
@Entity
@Table(name = "user_session")
public class UserSession extends NumberedEntity {

    /** last_seen is written at most this often, so a page view is not a write each time. */
    static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);


    /** SHA-256 (hex) of the token in the cookie. */
    @Column(name = "token_hash", nullable = false, length = 64)
    public String tokenHash;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id")
    public User user;

    /** The anti-forgery token of this session's pages; a new session gets a new one. */
    @Column(name = "csrf_token", nullable = false, length = 43)
    public String csrfToken;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "last_seen", nullable = false)
    public Instant lastSeen;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Column(name = "end_reason", length = 40)
    public String endReason;

    protected UserSession() {
    }

    UserSession(User user, String tokenHash, String csrfToken, Instant now) {
        this.user = user;
        this.tokenHash = tokenHash;
        this.csrfToken = csrfToken;
        this.createdAt = now;
        this.lastSeen = now;
    }

    /** Still open: not ended, used within the idle timeout, and younger than the absolute lifetime. */
    public boolean isLive(Instant now, Duration idleTimeout, Duration absoluteLifetime) {
        return endedAt == null && user.isActive() && now.isBefore(lastSeen.plus(idleTimeout))
                && now.isBefore(createdAt.plus(absoluteLifetime));
    }

    /** Notes the session's use; true when that changed the row. */
    public boolean touch(Instant now) {
        if (lastSeen.plus(TOUCH_INTERVAL).isAfter(now)) {
            return false;
        }
        lastSeen = now;
        return true;
    }

    public void end(Instant now, String reason) {
        if (endedAt == null) {
            endedAt = now;
            endReason = reason;
        }
    }

    /** The session with this token's hash, read together with its user in one query. */
    public static Optional<UserSession> byTokenHash(String tokenHash) {
        return find("from UserSession s join fetch s.user where s.tokenHash = ?1", tokenHash).firstResultOptional();
    }

    /**
     * The same as {@link #byTokenHash}, read with one plain statement on a connection of the pool
     * and no Hibernate session: every signed-in request asks, and through the query machinery this
     * read was the largest part of a review PUT's own CPU (BENCHMARKS.md). The session and its user
     * come back as copies outside any persistence context, for checks and references only.
     */
    public static Optional<UserSession> readByTokenHash(javax.sql.DataSource dataSource, String tokenHash) {
        try (java.sql.Connection connection = dataSource.getConnection();
                java.sql.PreparedStatement read = connection.prepareStatement(LIVE_READ)) {
            read.setString(1, tokenHash);
            try (java.sql.ResultSet row = read.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                UserSession session = new UserSession();
                session.id = row.getLong(1);
                session.tokenHash = tokenHash;
                session.csrfToken = row.getString(2);
                session.createdAt = utc(row, 3);
                session.lastSeen = utc(row, 4);
                session.endedAt = utc(row, 5);
                session.endReason = row.getString(6);
                User user = new User();
                user.id = row.getLong(7);
                user.username = row.getString(8);
                user.displayName = row.getString(9);
                user.email = row.getString(10);
                user.organisation = row.getString(11);
                user.sector = Sector.valueOf(row.getString(12));
                user.roles = row.getString(13);
                user.passwordHash = row.getString(14);
                user.createdAt = utc(row, 15);
                user.deactivatedAt = utc(row, 16);
                user.passwordMustChange = row.getBoolean(17);
                user.signInUnlockedAt = utc(row, 18);
                session.user = user;
                return Optional.of(session);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Cannot read the sign-in session", e);
        }
    }

    private static final String LIVE_READ = "SELECT s.id, s.csrf_token, s.created_at, s.last_seen, s.ended_at,"
            + " s.end_reason, u.id, u.username, u.display_name, u.email, u.organisation, u.sector, u.roles,"
            + " u.password_hash, u.created_at, u.deactivated_at, u.password_must_change, u.sign_in_unlocked_at"
            + " FROM user_session s JOIN app_user u ON u.id = s.user_id WHERE s.token_hash = ? LIMIT 1";

    /** A DATETIME column as the entities store an instant: the time in UTC. */
    private static Instant utc(java.sql.ResultSet row, int column) throws java.sql.SQLException {
        java.time.LocalDateTime time = row.getObject(column, java.time.LocalDateTime.class);
        return time == null ? null : time.toInstant(java.time.ZoneOffset.UTC);
    }

    /** Notes a session's use, by its id (the session read outside a transaction, {@code Sessions.live}). */
    public static void noteUse(long id, Instant now) {
        update("lastSeen = ?1 where id = ?2 and lastSeen < ?1", now, id);
    }

    /** Ends every open session of the user; returns how many there were. */
    public static int endAllOf(User user, Instant now, String reason) {
        return update("endedAt = ?1, endReason = ?2 where user = ?3 and endedAt is null", now, reason, user);
    }

    /** Ends every open session of the user but the one with this id; returns how many there were. */
    public static int endAllOfBut(User user, long keep, Instant now, String reason) {
        return update("endedAt = ?1, endReason = ?2 where user = ?3 and endedAt is null and id <> ?4", now, reason,
                user, keep);
    }

    /** Forgets the user's sessions that ended, or could no longer be used, over a day ago. */
    public static long forgetOldOf(User user, Instant now, Duration absoluteLifetime) {
        Instant dayAgo = now.minus(Duration.ofDays(1));
        return delete("user = ?1 and (endedAt < ?2 or createdAt < ?3)", user, dayAgo, dayAgo.minus(absoluteLifetime));
    }
}
