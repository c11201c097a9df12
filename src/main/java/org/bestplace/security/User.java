package org.bestplace.security;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.text.Normalizer;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.bestplace.database.NumberedEntity;

/** A person who signs in: a reviewer, chair, commissioner or administrator. */
@Entity
@Table(name = "app_user")
public class User extends NumberedEntity {

    @Column(nullable = false, unique = true, length = 64)
    public String username;

    @Column(name = "display_name", nullable = false, length = 200)
    public String displayName;

    /** Optional; how a trust's identity provider may name the person (see {@code OidcAccounts}). */
    @Column(length = 254)
    public String email;

    @Column(nullable = false, length = 200)
    public String organisation;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Sector sector;

    /** Comma-separated {@link Role} names. */
    @Column(nullable = false, length = 200)
    public String roles;

    @Column(name = "password_hash", nullable = false, length = 100)
    public String passwordHash;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** When an administrator deactivated the user; null while the user may sign in. */
    @Column(name = "deactivated_at")
    public Instant deactivatedAt;

    /** True while the password is one an administrator set: the person must choose their own first. */
    @Column(name = "password_must_change", nullable = false)
    public boolean passwordMustChange;

    /** When an administrator last lifted the sign-in throttle's lock; earlier failures no longer count. */
    @Column(name = "sign_in_unlocked_at")
    public Instant signInUnlockedAt;

    protected User() {
    }

    public User(String username, String displayName, String organisation, Sector sector, Set<Role> roles,
            String password, int hashCost) {
        this.username = username;
        this.displayName = displayName;
        this.organisation = organisation;
        this.sector = sector;
        this.roles = roles.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        this.passwordHash = BcryptUtil.bcryptHash(password, hashCost);
        this.createdAt = Instant.now();
    }

    public Set<Role> roleSet() {
        if (roles == null || roles.isBlank()) {
            return EnumSet.noneOf(Role.class);
        }
        return Arrays.stream(roles.split(",")).map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    public boolean has(Role role) {
        return roleSet().contains(role);
    }

    public boolean isActive() {
        return deactivatedAt == null;
    }

    /** True when the password is this user's; bcrypt takes as long whatever the answer. */
    public boolean passwordMatches(String password) {
        return passwordMatchesHash(password, passwordHash);
    }

    static boolean passwordMatchesHash(String password, String hash) {
        return password != null && BcryptUtil.matches(password, hash);
    }

    /** The person's own choice of password: it no longer has to be changed. */
    public void changePassword(String password, int hashCost) {
        passwordHash = BcryptUtil.bcryptHash(password, hashCost);
        passwordMustChange = false;
    }

    /** A password an administrator gives the person, which they must replace at their next sign-in. */
    public void setTemporaryPassword(String password, int hashCost) {
        passwordHash = BcryptUtil.bcryptHash(password, hashCost);
        passwordMustChange = true;
    }

    /** New service-wide roles and sector; places on audit teams keep the sector they were given with. */
    public void changeStanding(Set<Role> newRoles, Sector newSector) {
        roles = newRoles.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        sector = newSector;
    }

    public void unlockSignIn(Instant now) {
        signInUnlockedAt = now;
    }

    public void deactivate(Instant now) {
        if (deactivatedAt == null) {
            deactivatedAt = now;
        }
    }

    public void reactivate() {
        deactivatedAt = null;
    }

    /**
     * The user with exactly this username. The column's collation ignores case, width and
     * trailing spaces, so the row it finds is compared again here: "Admin" or "admin " is not admin.
     */
    public static Optional<User> byUsername(String username) {
        if (username == null) {
            return Optional.empty();
        }
        return find("username", username).<User>firstResultOptional().filter(u -> u.username.equals(username));
    }

    /** The display name of each of these usernames that belongs to a user, for pages that name people. */
    public static java.util.Map<String, String> displayNames(java.util.Collection<String> usernames) {
        if (usernames.isEmpty()) {
            return java.util.Map.of();
        }
        java.util.Map<String, String> names = new java.util.HashMap<>();
        User.<User>list("username in ?1", usernames).stream().filter(u -> usernames.contains(u.username))
                .forEach(u -> names.put(u.username, u.displayName));
        return names;
    }

    /** A user whose name the database takes for this one (any case, width or trailing spaces). */
    public static Optional<User> lookAlike(String username) {
        return find("username", username).firstResultOptional();
    }

    /**
     * The one form a username is stored in: compatibility-normalised (fullwidth letters become
     * plain ones), without surrounding spaces, in lower case.
     */
    public static String normalise(String username) {
        return Normalizer.normalize(username, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
    }

    /** The user with this e-mail address; the column's collation ignores case. */
    public static Optional<User> byEmail(String email) {
        return find("email", email).firstResultOptional();
    }
}
