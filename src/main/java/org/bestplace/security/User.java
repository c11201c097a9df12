package org.bestplace.security;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.security.jpa.Password;
import io.quarkus.security.jpa.Roles;
import io.quarkus.security.jpa.UserDefinition;
import io.quarkus.security.jpa.Username;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.bestplace.audit.Sector;

/** A person who signs in: a reviewer, chair, commissioner or administrator. */
@Entity
@Table(name = "app_user")
@UserDefinition
public class User extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Username
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

    /** Comma-separated {@link Role} names, as security-jpa reads them. */
    @Roles
    @Column(nullable = false, length = 200)
    public String roles;

    @Password
    @Column(name = "password_hash", nullable = false, length = 100)
    public String passwordHash;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

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

    public static Optional<User> byUsername(String username) {
        return find("username", username).firstResultOptional();
    }

    /** The user with this e-mail address; the column's collation ignores case. */
    public static Optional<User> byEmail(String email) {
        return find("email", email).firstResultOptional();
    }
}
