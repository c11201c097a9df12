package org.bestplace.security;

import org.bestplace.activity.ActivityEvent;
import org.bestplace.activity.ActivityLog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.bestplace.BestplaceConfig;
import org.bestplace.database.RetryOnConflict;
import org.bestplace.web.DomainException;

/** Creates, deactivates and reactivates users, changes passwords, and checks the password policy. */
@ApplicationScoped
public class UserService {

    @Inject
    BestplaceConfig config;

    @Inject
    ActivityLog activity;

    @Inject
    Sessions sessions;

    private static final java.util.regex.Pattern USERNAME = java.util.regex.Pattern.compile("[a-z0-9._-]{2,64}");

    public static final int MIN_PASSWORD_LENGTH = 12;

    @RetryOnConflict
    @Transactional
    public User create(String username, String displayName, String organisation, Sector sector, Set<Role> roles,
            String password) {
        return create(username, displayName, null, organisation, sector, roles, password);
    }

    /** As above, with an e-mail address (or null) by which a trust's identity provider may name the user. */
    @RetryOnConflict
    @Transactional
    public User create(String requested, String displayName, String email, String organisation, Sector sector,
            Set<Role> roles, String password) {
        // Normalised once, here: every later comparison is exact.
        String username = User.normalise(requested);
        if (!USERNAME.matcher(username).matches()) {
            throw DomainException.invalid("username", "A username has 2 to 64 characters, and may only hold"
                    + " lower-case letters, digits, '.', '_' and '-'.");
        }
        checkPassword(password, username);
        if (roles.isEmpty()) {
            throw DomainException.invalid("roles", "A user needs at least one role.");
        }
        User.lookAlike(username).ifPresent(existing -> {
            throw DomainException.conflict("username", "The username '" + username + "' is taken"
                    + (existing.username.equals(username) ? "." : " (by '" + existing.username + "')."));
        });
        String address = email == null || email.isBlank() ? null : email.strip().toLowerCase(Locale.ROOT);
        if (address != null && User.byEmail(address).isPresent()) {
            throw DomainException.conflict("email", "Another user has the e-mail address '" + address + "'.");
        }
        User user = new User(username, displayName.strip(), organisation.strip(), sector, roles, password,
                config.passwordHashCost());
        user.email = address;
        user.persist();
        activity.record(ActivityEvent.ROLE_CHANGE, null, "Created user " + username + " (" + sector + ") with roles "
                + roles.stream().map(Enum::name).sorted().toList());
        return user;
    }

    /** Stops the user signing in anywhere, and ends every session they have. */
    @Transactional
    public User deactivate(String username, User by) {
        User user = existing(username);
        if (user.id.equals(by.id)) {
            throw DomainException.conflict("username", "You cannot deactivate yourself; ask another administrator.");
        }
        user.deactivate(java.time.Instant.now());
        sessions.endAll(user, "DEACTIVATED");
        activity.record(ActivityEvent.ROLE_CHANGE, null, "Deactivated user " + user.username);
        return user;
    }

    /** Lets the user sign in again; the sessions ended at deactivation stay ended. */
    @Transactional
    public User reactivate(String username) {
        User user = existing(username);
        user.reactivate();
        activity.record(ActivityEvent.ROLE_CHANGE, null, "Reactivated user " + user.username);
        return user;
    }

    /** The caller's own password change; every session of theirs ends, so a stolen cookie stops working. */
    @Transactional
    public void changePassword(User caller, String oldPassword, String newPassword) {
        User user = User.<User>findById(caller.id);
        if (!user.passwordMatches(oldPassword)) {
            throw DomainException.invalid("oldPassword", "That is not your current password.");
        }
        checkPassword(newPassword, user.username, "newPassword");
        user.changePassword(newPassword, config.passwordHashCost());
        sessions.endAll(user, "PASSWORD_CHANGED");
    }

    private static User existing(String username) {
        return User.byUsername(username)
                .orElseThrow(() -> DomainException.notFound("There is no user '" + username + "'."));
    }

    public List<User> all() {
        return User.list("order by username");
    }

    static void checkPassword(String password, String username) {
        checkPassword(password, username, "password");
    }

    static void checkPassword(String password, String username, String field) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw DomainException.invalid(field, "A password needs at least " + MIN_PASSWORD_LENGTH
                    + " characters.");
        }
        if (password.toLowerCase().contains(username.toLowerCase())) {
            throw DomainException.invalid(field, "A password must not contain the username.");
        }
    }
}
